import ChorusConcurrency
import ChorusCore

/// The Pipeline's rows as derived data: the selected wave's creators, sorted and filtered.
///
/// Each layer is cached against what it depends on, so a key press redoes only what changed:
/// a cursor move redoes nothing, a filter keystroke re-filters (only the previous matches when
/// the filter grew), a sort change re-sorts an `Int32` index array by a precomputed column, and
/// only a workspace change (a new `generation`) rebuilds the wave's rows.
final class PipelineRows {
    private var columns = CreatorColumns()
    private var columnsGeneration = -1
    /// Which creators `columns` holds: at open only those of the rows on the first screen, so
    /// the first frame does not wait for every creator to be scored and ranked; the rest are
    /// computed on another thread once it is up (`prepareColumns`), and waited for (or computed)
    /// by the first rebuild of the rows or the scores that needs them.
    private(set) var coverage = Coverage.none
    private var columnsBuild: BackgroundWork<CreatorColumns>?
    /// Fewer creators than this are all scored and ranked at once: deferring saves nothing worth it.
    private let deferringColumnsFrom: Int
    /// What a filter searches, per creators generation. Built on another thread once the first
    /// frame is up (`prepareSearch`), since only a typed filter needs it; a filter typed before
    /// it is ready waits for it.
    private var search: (generation: Int, text: CreatorSearchText)?
    private var searchBuild: (generation: Int, work: BackgroundWork<CreatorSearchText>)?
    /// What the score column ranks by: every wave still open, so a creator who buys what the
    /// program seeds ranks up. Built with the columns, from the categories bought as the owner
    /// of derived figures last gathered them (`DerivedFigures.categoriesBought`).
    private(set) var fit = FitContext()
    /// The orders revision whose categories the current scores were built with.
    private var scoredWithOrders: Int?

    private var rowsKey: RowsKey?
    /// Enrollment position → its creator's position, remembered between builds.
    private var enrollmentCreators: [Int32] = []
    /// Row → creator position in `Workspace.creators`.
    private var positions: [Int32] = []
    /// Row → index of the stage in `PipelineStage.allCases`.
    private var stageIndexes: [UInt8] = []
    private(set) var stageCounts: [PipelineStage: Int] = [:]
    /// In the recruit view, what each lead bought (leads are shown there, never ranked).
    private(set) var leadPurchases: [CreatorID: LeadPurchases] = [:]
    /// In the recruit view, the creators shown clustered by niche, biggest cluster first.
    private(set) var nicheClusters: [(niche: String, count: Int)] = []
    /// The sort columns copied per row, in row order, so a sort reads memory in sequence
    /// instead of jumping through `positions` into the per-creator columns.
    private var rowRank: [UInt64] = [], rowScore: [UInt64] = [], rowFollowers: [UInt64] = [], rowEngagement: [UInt64] = []

    private var orderKey: OrderKey?
    private var order: [Int32] = []

    private var filterKey: FilterKey?
    /// Visible row indexes, in display order.
    private var visible: [Int32] = []

    /// How often each layer was rebuilt, so tests can prove a cursor move rebuilds nothing.
    private(set) var rebuilds = Rebuilds()

    struct Rebuilds: Hashable { var columns = 0, rows = 0, order = 0, filter = 0 }

    enum Coverage { case none, shownRows, everyCreator }

    init(deferringColumnsFrom: Int = 4_096) {
        self.deferringColumnsFrom = deferringColumnsFrom
    }

    private struct RowsKey: Hashable { var generation: Int; var wave: WaveID?; var sourcing: Bool }
    private struct OrderKey: Hashable { var rows: RowsKey; var sort: PipelineSort; var reversed: Bool }
    private struct FilterKey: Hashable { var order: OrderKey; var needle: String; var lateOn: Day? }

    /// Starts computing every creator's columns on another thread, if only the rows shown
    /// first have theirs.
    func prepareColumns(_ workspace: Workspace, creatorsGeneration: Int) {
        guard coverage == .shownRows, columnsBuild == nil, creatorsGeneration == columnsGeneration else { return }
        let (creators, fit) = (workspace.creators.rows, fit)
        columnsBuild = BackgroundWork { CreatorColumns(creators, fit: fit) }
    }

    /// Whether every creator's columns are being computed on another thread.
    var isPreparingColumns: Bool { columnsBuild.map { $0.result == nil } ?? false }

    /// Whether every creator's columns are still to be started on another thread
    /// (`prepareColumns` would start them for this generation).
    func columnsAwaitPreparation(creatorsGeneration: Int) -> Bool {
        coverage == .shownRows && columnsBuild == nil && creatorsGeneration == columnsGeneration
    }

    /// Makes the columns cover every creator: finished by the thread computing them, or
    /// computed here and now.
    private func completeColumns(_ workspace: Workspace) {
        guard coverage != .everyCreator else { return }
        columns = columnsBuild?.wait() ?? CreatorColumns(workspace.creators.rows, fit: fit)
        (coverage, columnsBuild) = (.everyCreator, nil)
    }

    /// Starts folding the creators' search text on another thread, unless it is current or
    /// already being folded.
    func prepareSearch(_ workspace: Workspace, creatorsGeneration: Int) {
        guard search?.generation != creatorsGeneration, searchBuild?.generation != creatorsGeneration else { return }
        let creators = workspace.creators.rows
        searchBuild = (creatorsGeneration, BackgroundWork { CreatorSearchText(creators) })
    }

    /// The search text for the current creators: ready, finished by the thread folding it, or
    /// folded here and now.
    private func searchText(_ workspace: Workspace) -> CreatorSearchText {
        if let search, search.generation == columnsGeneration, search.text.count == workspace.creators.count { return search.text }
        prepareSearch(workspace, creatorsGeneration: columnsGeneration)
        var text = searchBuild!.work.wait()
        searchBuild = nil
        if text.count != workspace.creators.count { text = CreatorSearchText(workspace.creators.rows) }
        search = (columnsGeneration, text)
        return text
    }

    /// Brings every layer up to date; cheap when nothing it depends on changed.
    func refresh(_ workspace: Workspace, generation: Int, creatorsGeneration: Int, state: PipelineState, today: Day? = nil,
                 categoriesBought: CategoriesBought? = nil, leadPurchases: [CreatorID: LeadPurchases] = [:]) {
        // Derived once per position by the owner of derived figures, not at every rows rebuild.
        self.leadPurchases = state.sourcing ? leadPurchases : [:]
        let ordersChanged = scoredWithOrders != categoriesBought?.ordersRevision
        let creatorsChanged = columnsGeneration != creatorsGeneration || columns.followers.count != workspace.creators.count
        if creatorsChanged || ordersChanged {
            // Every creator is rescored: columns made (or being made) for everyone are rescored,
            // and where only the shown rows have theirs, everyone's are made with the new fit once.
            let rescoring = !creatorsChanged && (coverage == .everyCreator || columnsBuild != nil)
            if rescoring { completeColumns(workspace) }
            fit = FitContext(workspace: workspace, waves: workspace.waves.filter { $0.status != .closed }, today: today,
                             categoriesByEmail: categoriesBought?.byEmail ?? [:])
            if creatorsChanged {
                (columns, coverage, columnsBuild) = (CreatorColumns(), .none, nil)
            } else if rescoring {
                columns.rescore(workspace.creators.rows, fit: fit)
            } else {
                (columns, coverage) = (CreatorColumns(workspace.creators.rows, fit: fit), .everyCreator)
            }
            scoredWithOrders = categoriesBought?.ordersRevision
            columnsGeneration = creatorsGeneration
            rebuilds.columns += 1
            rowsKey = nil  // the rows copy sort columns from these
        }
        let rowsKey = RowsKey(generation: generation, wave: state.waveID, sourcing: state.sourcing)
        if rowsKey != self.rowsKey { buildRows(workspace, key: rowsKey) }
        let orderKey = OrderKey(rows: rowsKey, sort: state.sort, reversed: state.sortReversed)
        if orderKey != self.orderKey { buildOrder(orderKey) }
        let filterKey = FilterKey(order: orderKey, needle: CreatorSearchText.fold(state.filter.text), lateOn: state.lateOnly ? today : nil)
        if filterKey != self.filterKey { applyFilter(filterKey, workspace) }
    }

    /// Rows in the wave before filtering.
    var totalCount: Int { positions.count }
    /// Rows shown.
    var count: Int { visible.count }

    func creatorPosition(at row: Int) -> Int { Int(positions[Int(visible[row])]) }

    func stage(at row: Int) -> PipelineStage { PipelineStage.allCases[Int(stageIndexes[Int(visible[row])])] }

    func creatorID(at row: Int, in workspace: Workspace) -> CreatorID? {
        guard row >= 0, row < count else { return nil }
        return workspace.creators[creatorPosition(at: row)].id
    }

    /// The row showing the creator at `position` in `Workspace.creators`, if shown.
    func row(ofCreatorAt position: Int) -> Int? {
        visible.firstIndex { Int(positions[Int($0)]) == position }
    }

    func score(at row: Int) -> Double { Double(columns.score[creatorPosition(at: row)]) / 100 }

    private func buildRows(_ workspace: Workspace, key: RowsKey) {
        // Locals, not properties, inside the loop: no exclusivity check per access.
        var positions: [Int32] = [], stageIndexes: [UInt8] = [], cache: [Int32] = []
        swap(&positions, &self.positions)
        swap(&stageIndexes, &self.stageIndexes)
        swap(&cache, &enrollmentCreators)
        positions.removeAll(keepingCapacity: true)
        stageIndexes.removeAll(keepingCapacity: true)
        var counts = [Int](repeating: 0, count: PipelineStage.allCases.count)
        nicheClusters = []
        if key.sourcing {
            // Creators in no wave (or only out of some), as prospects for the wave on screen.
            let engaged = Set(workspace.enrollments.lazy.filter { !$0.stage.isExit }.map(\.creatorID))
            for (position, creator) in workspace.creators.enumerated() where !engaged.contains(creator.id) {
                positions.append(Int32(position))
                stageIndexes.append(0)
            }
            counts[0] = positions.count   // all prospects
        } else if let wave = key.wave {
            let stageIndex = Dictionary(uniqueKeysWithValues: PipelineStage.allCases.enumerated().map { ($1, UInt8($0)) })
            if cache.count != workspace.enrollments.count { cache = [Int32](repeating: -1, count: workspace.enrollments.count) }
            var lastStage = PipelineStage.prospect, lastIndex = stageIndex[.prospect]!
            // Unsafe buffers so the loop reads the fields it needs instead of copying (and
            // retaining) each enrollment and creator: a bulk stage change on a big wave
            // rebuilds every row of it.
            workspace.creators.withUnsafeBufferPointer { creators in
                workspace.enrollments.withUnsafeBufferPointer { enrollments in
                    for index in enrollments.indices where enrollments[index].waveID == wave {
                        // The creator's position from the last build, checked by id (a string
                        // compare, cheaper than hashing it).
                        var position = Int(cache[index])
                        if position < 0 || position >= creators.count || creators[position].id != enrollments[index].creatorID {
                            guard let found = workspace.creatorPosition(enrollments[index].creatorID) else { continue }
                            position = found
                            cache[index] = Int32(found)
                        }
                        let stage = enrollments[index].stage
                        if stage != lastStage { (lastStage, lastIndex) = (stage, stageIndex[stage]!) }
                        positions.append(Int32(position))
                        stageIndexes.append(lastIndex)
                        counts[Int(lastIndex)] += 1
                    }
                }
            }
        }
        switch coverage {
        case .everyCreator: break
        case .none where workspace.creators.count >= deferringColumnsFrom && positions.count * 2 < workspace.creators.count:
            columns = CreatorColumns(workspace.creators.rows, at: positions, fit: fit)
            coverage = .shownRows
        default: completeColumns(workspace)  // rows other than the first ones, or most creators
        }
        self.positions = positions
        self.stageIndexes = stageIndexes
        enrollmentCreators = cache
        stageCounts = Dictionary(uniqueKeysWithValues: zip(PipelineStage.allCases, counts).filter { $0.1 > 0 })
        rowRank = positions.map { UInt64(columns.handleRank[Int($0)]) }
        // A lead's score is -1: after every creator, whatever their fit.
        rowScore = positions.map { UInt64(20_000 - max(-1, min(20_000, columns.score[Int($0)]))) }
        rowFollowers = positions.map { UInt64(Int32.max - columns.followers[Int($0)]) }
        rowEngagement = positions.map { UInt64(Int32.max - columns.engagement[Int($0)]) }
        rowsKey = key
        rebuilds.rows += 1
    }

    private func buildOrder(_ orderKey: OrderKey) {
        // One 64-bit key per row: the sort column in the high bits, the handle rank below it.
        let keys: [UInt64] = (0..<positions.count).map { row in
            let rank = rowRank[row]
            switch orderKey.sort {
            case .stage: return UInt64(stageIndexes[row]) << 56 | rowScore[row] << 32 | rank
            case .score: return rowScore[row] << 32 | rank
            case .followers: return rowFollowers[row] << 32 | rank
            case .engagement: return rowEngagement[row] << 32 | rank
            case .handle: return rank
            }
        }
        order = RadixSort.order(keys: keys, rows: Array(0..<Int32(positions.count)))
        if orderKey.reversed { order.reverse() }
        self.orderKey = orderKey
        rebuilds.order += 1
    }

    /// Each word of the filter must match the creator's search text or the row's stage.
    private func applyFilter(_ key: FilterKey, _ workspace: Workspace) {
        let words = key.needle.split(separator: " ").map(String.init)
        let needles = words.map { Array($0.utf8) }
        let stageMatches = words.map { word in PipelineStage.allCases.map { $0.label.contains(word) } }
        // A longer filter only removes rows, so it searches the previous matches only.
        let narrowing = filterKey.map { $0.order == key.order && $0.lateOn == key.lateOn && key.needle.hasPrefix($0.needle) } ?? false
        let candidates = narrowing ? visible : order
        let search = words.isEmpty ? CreatorSearchText() : searchText(workspace)
        if words.isEmpty {
            visible = order
        } else if candidates.count * 8 < positions.count {
            visible = candidates.filter { row in
                needles.indices.allSatisfy { word in
                    stageMatches[word][Int(stageIndexes[Int(row)])] || search.matches(Int(positions[Int(row)]), needles[word])
                }
            }
        } else {
            // Many candidates: one pass over all the folded text per word beats a search per row.
            let hits = needles.map(search.matchingCreators)
            visible = candidates.filter { row in
                needles.indices.allSatisfy { word in stageMatches[word][Int(stageIndexes[Int(row)])] || hits[word][Int(positions[Int(row)])] }
            }
        }
        if let today = key.lateOn, !narrowing {
            let late = Set(workspace.followUps(today: today, wave: key.order.rows.wave).map(\.creatorID))
            visible = visible.filter { late.contains(workspace.creators[Int(positions[Int($0)])].id) }
        }
        if key.order.rows.sourcing { clusterNiches(workspace) }
        filterKey = key
        rebuilds.filter += 1
    }

    /// The niche line above the recruit table counts the creators the filter shows.
    private func clusterNiches(_ workspace: Workspace) {
        var clusters: [String: Int] = [:]
        for row in visible {
            for niche in Set(workspace.creators[Int(positions[Int(row)])].niches.map { $0.lowercased() }) { clusters[niche, default: 0] += 1 }
        }
        nicheClusters = clusters.map { ($0.key, $0.value) }.sorted { ($0.count, $1.niche) > ($1.count, $0.niche) }
    }
}
