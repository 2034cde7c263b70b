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
        /// Those being made on another thread (the `n`th such build), once they are taken in.
        case build(Int)
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
        // The rows are built apart from their keys, so the workspace's tables are let go once
        // they are read, not held while every creator's columns are still being made: a change
        // meanwhile would copy the table it changes.
        let rows = BackgroundWork {
            var cache = creatorPositions?.wait() ?? []
            let built = waves.wait().mapValues { WaveRows(members: $0, enrollments: enrollments, creators: creators, cache: &cache) }
            return (built, creators.count)
        }
        views = BackgroundWork {
            let (built, creatorCount) = rows.wait()
            guard !built.isEmpty else { return [:] }
            let columns = columns()
            var views: [PipelineRows.RowsKey: PipelineRows.Shelved] = [:]
            for (wave, rows) in built {
                let keys = RowSortKeys(positions: rows.positions, stages: rows.stages, columns: columns)
                let orders = Parallel.map(PipelineSort.allCases.count) { keys.order(by: PipelineSort.allCases[$0]) }
                views[PipelineRows.RowsKey(wave: wave, sourcing: false)] = PipelineRows.Shelved(
                    generation: generation, positions: rows.positions, rowOfCreator: rows.rowOfCreator(creatorCount: creatorCount),
                    keys: keys, stageCounts: rows.stageCounts, sorted: Dictionary(uniqueKeysWithValues: zip(PipelineSort.allCases, orders)),
                    filterKey: nil, visible: [], nicheClusters: [], leftAt: 0)
            }
            return views
        }
    }

    /// Whether the views are still being built.
    var isBuilding: Bool { views.result == nil }
}
