import ChorusConcurrency
import ChorusCore

/// The big waves' rows, built on another thread before anyone visits them, to be put on the
/// Pipeline's shelf: the first visit to a wave of 900 000 creators is then a view taken back and
/// moved on by what changed since, not a quarter of a second building it.
///
/// Its rows' keys come from one set of creator columns (`Source`): they stand only while the
/// Pipeline's columns are those, moved on by creators edited one by one (`PipelineRows.moveRows`
/// re-keys their rows), and are dropped when every creator is scored again.
struct PrebuiltWaves {
    /// Which columns the keys were made from.
    enum Source: Equatable {
        /// Those being made on another thread, once they are taken in.
        case build(ObjectIdentifier)
        /// Those in use, made here the `n`th time.
        case made(Int)
    }

    let source: Source
    /// The big waves and their enrollments, found first, so a visit knows at once whether its
    /// wave is among them, and waits only then.
    let waves: BackgroundWork<[WaveID: [Int32]]>
    let views: BackgroundWork<[PipelineRows.RowsKey: PipelineRows.Shelved]>

    /// Builds, as at `generation`, every wave but `shown` with at least `from` enrollments.
    /// `columns` and `creatorPositions` may still be being worked out.
    init(_ workspace: Workspace, generation: Int, except shown: WaveID?, from: Int, source: Source,
         columns: @escaping @Sendable () -> CreatorColumns, creatorPositions: BackgroundWork<[Int32]>?) {
        let (enrollments, creators, all) = (workspace.enrollments, workspace.creators, workspace.waves.map(\.id))
        self.source = source
        let waves = BackgroundWork {
            var column = EnrollmentWaves()
            var big: [WaveID: [Int32]] = [:]
            for wave in all where wave != shown {
                let members = column.positions(in: wave, of: enrollments)
                if members.count >= from { big[wave] = members }
            }
            return big
        }
        self.waves = waves
        views = BackgroundWork {
            let big = waves.wait()
            guard !big.isEmpty else { return [:] }
            let columns = columns()
            var cache = creatorPositions?.wait() ?? []
            var views: [PipelineRows.RowsKey: PipelineRows.Shelved] = [:]
            for (wave, members) in big {
                let built = WaveRows(members: members, enrollments: enrollments, creators: creators, cache: &cache)
                let keys = RowSortKeys(positions: built.positions, stages: built.stages, columns: columns)
                let orders = Parallel.map(PipelineSort.allCases.count) { keys.order(by: PipelineSort.allCases[$0]) }
                views[PipelineRows.RowsKey(wave: wave, sourcing: false)] = PipelineRows.Shelved(
                    generation: generation, positions: built.positions, rowOfCreator: built.rowOfCreator(creatorCount: creators.count),
                    keys: keys, stageCounts: built.stageCounts, sorted: Dictionary(uniqueKeysWithValues: zip(PipelineSort.allCases, orders)),
                    filterKey: nil, visible: [], nicheClusters: [], leftAt: 0)
            }
            return views
        }
    }

    /// Whether the views are still being built.
    var isBuilding: Bool { views.result == nil }
}
