import ChorusConcurrency
import ChorusCore

/// What the Pipeline works out on another thread once the first frame is up, so a later key
/// does not wait for it: every creator's columns and search text, every enrollment's creator,
/// and the big waves' rows (`PrebuiltWaves`); and taking each in when it is needed.
extension PipelineRows {
    /// The columns in use were replaced here: made afresh, or emptied to be made again.
    func madeColumns() {
        columnsMade += 1
        columnsSource = .made(columnsMade)
    }

    /// Starts computing every creator's columns on another thread, if only the rows shown
    /// first have theirs.
    func prepareColumns(_ workspace: Workspace, creatorsGeneration: Int) {
        guard coverage == .shownRows, columnsBuild == nil, creatorsGeneration == columnsGeneration else { return }
        let (creators, fit) = (workspace.creators, fit)
        columnsBuild = BackgroundWork { CreatorColumns(creators, fit: fit) }
        columnsBuildNumber += 1
    }

    /// Starts finding every enrollment's creator on another thread, once a session: later
    /// builds keep the positions in step themselves.
    func prepareEnrollmentCreators(_ workspace: Workspace) {
        guard !enrollmentCreatorsPrepared else { return }
        enrollmentCreatorsPrepared = true
        let (enrollments, creators) = (workspace.enrollments, workspace.creators)
        enrollmentCreatorsBuild = BackgroundWork { enrollments.creatorPositions(in: creators) }
    }

    /// Whether every creator's columns, every enrollment's creator, or the big waves' rows are
    /// being worked out on another thread.
    var isPreparingInBackground: Bool {
        columnsBuild.map { $0.result == nil } ?? false || enrollmentCreatorsBuild.map { $0.result == nil } ?? false
            || prebuilt?.isBuilding ?? false
    }

    /// Starts building the big waves' rows on another thread (`PrebuiltWaves`), once for each
    /// set of columns: those being made for every creator, or those in use.
    /// The columns must stand for the creators as they are (`creatorsGeneration`): the rows
    /// are built as at `generation`, and moved on from there.
    func prepareBigWaves(_ workspace: Workspace, generation: Int, creatorsGeneration: Int, shown: WaveID?) {
        guard prebuilt == nil, creatorsGeneration == columnsGeneration, workspace.enrollments.count >= orders.presortingFrom else { return }
        let source: PrebuiltWaves.Source, make: @Sendable () -> CreatorColumns
        switch coverage {
        case .shownRows:
            guard let columnsBuild else { return }
            (source, make) = (.build(columnsBuildNumber), { columnsBuild.wait() })
        case .everyCreator:
            let columns = columns
            (source, make) = (columnsSource, { columns })
        case .none: return
        }
        guard source != prebuiltFrom else { return }
        prebuiltFrom = source
        prebuilt = PrebuiltWaves(workspace, generation: generation, except: shown, from: orders.presortingFrom, source: source,
                                 columns: make, creatorPositions: enrollmentCreatorsBuild)
    }

    /// Puts the big waves built on another thread on the shelf when `key` is one of them,
    /// waiting for them if they are still being built (all of them, where a build here would
    /// build `key`'s alone), and taking in the columns they were made from.
    func takePrebuilt(_ key: RowsKey, _ workspace: Workspace) {
        guard let prebuilt, !key.sourcing, let wave = key.wave, prebuilt.waves.wait()[wave] != nil else { return }
        self.prebuilt = nil
        let views = prebuilt.views.wait()
        if coverage != .everyCreator {
            completeColumns(workspace)
            rowsKey = nil  // the rows shown were ranked among themselves: not for the shelf
        }
        guard columnsSource == prebuilt.source else { return }
        for (key, view) in views where shelf[key] == nil { shelf[key] = view }
        rebuilds.prebuilt += views.count
    }

    /// Whether every creator's columns are still to be started on another thread
    /// (`prepareColumns` would start them for this generation).
    func columnsAwaitPreparation(creatorsGeneration: Int) -> Bool {
        coverage == .shownRows && columnsBuild == nil && creatorsGeneration == columnsGeneration
    }

    /// Makes the columns cover every creator: finished by the thread computing them, or
    /// computed here and now.
    func completeColumns(_ workspace: Workspace) {
        guard coverage != .everyCreator else { return }
        if let columnsBuild {
            (columns, columnsSource) = (columnsBuild.wait(), .build(columnsBuildNumber))
        } else {
            columns = CreatorColumns(workspace.creators, fit: fit)
            madeColumns()
        }
        (coverage, columnsBuild) = (.everyCreator, nil)
        shelf = [:]  // ranked among the shown rows only
    }

    /// Starts folding the creators' search text on another thread (see `SearchTextKeeper`),
    /// unless the text held can be carried on by the creators `edited` since.
    func prepareSearch(_ workspace: Workspace, creatorsGeneration: Int, edited: (_ since: Int) -> CreatorsReplaced? = { _ in nil }) {
        search.prepare(workspace, creatorsGeneration: creatorsGeneration, edited: edited)
    }
}
