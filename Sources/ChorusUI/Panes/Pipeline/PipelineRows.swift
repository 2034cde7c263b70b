import ChorusConcurrency
import ChorusCore

/// The Pipeline's rows as derived data: the selected wave's creators, sorted and filtered.
///
/// Each layer is cached against what it depends on, so a key press redoes only what changed:
/// a cursor move redoes nothing, a filter keystroke re-filters (only the previous matches when
/// the filter grew), a sort change picks an order kept or sorted on another thread, a stage
/// change moves the rows it touched (`moveRows`), and a view shown again is taken back from the
/// shelf and moved on. The wave's rows are built again only when that cannot be.
final class PipelineRows {
    // The state below that is not private is shared with the work prepared in the background
    // (`PipelineRows+Background.swift`); nothing outside the Pipeline's rows sets it.
    var columns = CreatorColumns()
    var columnsGeneration = -1
    /// Which creators `columns` holds: at open only those of the rows on the first screen, so
    /// the first frame does not wait for every creator to be scored and ranked; the rest are
    /// computed on another thread once it is up (`prepareColumns`), and waited for (or computed)
    /// by the first rebuild of the rows or the scores that needs them.
    var coverage = Coverage.none
    var columnsBuild: BackgroundWork<CreatorColumns>?
    /// How many such builds were started: which one the big waves were built from.
    var columnsBuildNumber = 0
    /// Fewer creators than this are all scored and ranked at once: deferring saves nothing worth it.
    private let deferringColumnsFrom: Int
    let search = SearchTextKeeper()
    /// What the score column ranks by: every wave still open, so a creator who buys what the
    /// program seeds ranks up. Built with the columns, from the categories bought as the owner
    /// of derived figures last gathered them (`DerivedFigures.categoriesBought`).
    private(set) var fit = FitContext()
    /// The orders revision whose categories the current scores were built with.
    private var scoredWithOrders: Int?

    var rowsKey: RowsKey?
    /// The workspace generation the rows stand at: built then, or moved to since.
    private var rowsGeneration = -1
    /// Enrollment position → its creator's position, remembered between builds (each checked
    /// by id before it is used, so one left from before a change is only a slower lookup).
    private var enrollmentCreators: [Int32] = []
    /// Every enrollment's creator's position, found on both cores of another thread once the
    /// first frame is up (`prepareEnrollmentCreators`): the first visit to a wave of 900 000
    /// creators spent most of its half-second finding each by id.
    var enrollmentCreatorsBuild: BackgroundWork<[Int32]>?
    var enrollmentCreatorsPrepared = false
    /// The big waves' rows, being built on another thread for the shelf (`PrebuiltWaves`).
    var prebuilt: PrebuiltWaves?
    /// Where the columns in use came from, and where the last big waves built took theirs: one
    /// set of columns is built on once.
    var columnsSource = PrebuiltWaves.Source.made(0)
    var columnsMade = 0
    var prebuiltFrom: PrebuiltWaves.Source?

    /// Enrollment position → its wave, so a wave's rows are built from its own enrollments.
    private var enrollmentWaves = EnrollmentWaves()
    /// Row → creator position in `Workspace.creators`.
    private var positions: [Int32] = []
    /// Creator position → their row, or -1: where a touched enrollment's row is, without a search.
    private var rowOfCreator: [Int32] = []
    private var keys = RowSortKeys()
    private(set) var stageCounts: [PipelineStage: Int] = [:]
    /// In the recruit view, what each lead bought (leads are shown there, never ranked).
    private(set) var leadPurchases: [CreatorID: LeadPurchases] = [:]
    /// In the recruit view, the creators shown clustered by niche, biggest cluster first.
    private(set) var nicheClusters: [(niche: String, count: Int)] = []

    /// Every row in each sort's order, kept and moved on (`RowOrders`).
    var orders: RowOrders

    private var filterKey: FilterKey?
    /// Visible row indexes, in display order: a list sorted by the shown sort's keys.
    private var visible: [Int32] = []
    /// The shown rows of the shorter filters typed on the way to this one, so a letter erased
    /// takes them back instead of searching every creator again.
    private var typedOnTheWay: [(needle: String, visible: [Int32])] = []

    /// Other views' rows, kept for going back to them (`Shelved`).
    var shelf: [RowsKey: Shelved] = [:]

    /// How often each layer was rebuilt (`Rebuilds`).
    var rebuilds = Rebuilds()

    init(deferringColumnsFrom: Int = 4_096, presortingFrom: Int = 50_000) {
        self.deferringColumnsFrom = deferringColumnsFrom
        orders = RowOrders(presortingFrom: presortingFrom)
    }

    private func searchText(_ workspace: Workspace) -> CreatorSearchText { search.text(workspace, generation: columnsGeneration) }

    /// How often every creator's search text was folded.
    var searchFolds: Int { search.folds }

    /// Brings every layer up to date; cheap when nothing it depends on changed. `touched` says
    /// which enrollments changed since a generation (`DerivedFigures.enrollmentsReplaced`), and
    /// `edited` which creators, so a stage change or an edited creator moves the rows it touched;
    /// nil there, or a change it cannot move, builds the wave's rows again.
    func refresh(_ workspace: Workspace, generation: Int, creatorsGeneration: Int, state: PipelineState, today: Day? = nil,
                 categoriesBought: CategoriesBought? = nil, leadPurchases: [CreatorID: LeadPurchases] = [:],
                 touched: (_ since: Int) -> EnrollmentsReplaced? = { _ in nil },
                 edited: (_ since: Int) -> CreatorsReplaced? = { _ in nil }) {
        // Derived once per position by the owner of derived figures, not at every rows rebuild.
        self.leadPurchases = state.sourcing ? leadPurchases : [:]
        let ordersChanged = scoredWithOrders != categoriesBought?.ordersRevision
        var creatorsChanged = columnsGeneration != creatorsGeneration || columns.followers.count != workspace.creators.count
        if creatorsChanged, !ordersChanged, carryColumns(workspace, to: creatorsGeneration, edited: edited) {
            creatorsChanged = false
        }
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
                columns.rescore(workspace.creators, fit: fit)
            } else {
                (columns, coverage) = (CreatorColumns(workspace.creators, fit: fit), .everyCreator)
            }
            scoredWithOrders = categoriesBought?.ordersRevision
            columnsGeneration = creatorsGeneration
            rebuilds.columns += 1
            (rowsKey, shelf, prebuilt) = (nil, [:], nil)  // the rows copy sort columns from these
            madeColumns()
        }
        let rowsKey = RowsKey(wave: state.waveID, sourcing: state.sourcing)
        if rowsKey != self.rowsKey { takePrebuilt(rowsKey, workspace) }
        if rowsKey != self.rowsKey, !switchRows(to: rowsKey) {
            buildRows(workspace, key: rowsKey, generation: generation, shownSort: state.sort)
        } else if generation != rowsGeneration {
            // Who is late depends on more than stages (a parcel delivered): that list is made again.
            if filterKey?.lateOn != nil { filterKey = nil }
            if moveRows(workspace, touched: touched(rowsGeneration), edited: edited(rowsGeneration)) {
                rowsGeneration = generation
            } else {
                buildRows(workspace, key: rowsKey, generation: generation, shownSort: state.sort)
            }
        }
        let orderKey = OrderKey(sort: state.sort, reversed: state.sortReversed)
        let filterKey = FilterKey(order: orderKey, needle: CreatorSearchText.fold(state.filter.text), lateOn: state.lateOnly ? today : nil)
        if filterKey != self.filterKey { applyFilter(filterKey, workspace) }
    }

    /// Carries the columns and search text on to `generation` when only a few creators were
    /// edited since they were made: those creators' columns and text as they are now, their rows
    /// re-keyed as the rows move on (`moveRows`). An edit at a million creators used to score,
    /// rank and fold every creator again and build the wave's rows (3 s). False, for every
    /// creator's to be made again, when creators were added or removed, many were edited, or
    /// the columns do not yet cover everyone.
    private func carryColumns(_ workspace: Workspace, to generation: Int, edited: (_ since: Int) -> CreatorsReplaced?) -> Bool {
        guard coverage == .everyCreator, columnsBuild == nil, columns.score.count == workspace.creators.count,
              let positions = workspace.positions(ofEdited: edited(columnsGeneration), most: Self.mostEdited) else { return false }
        guard columns.replace(positions, of: workspace.creators, fit: fit) else { return false }
        // The text may stand at another generation than the columns (folded while the Pipeline
        // was not shown): it is carried by what was edited since its own.
        search.carry(to: generation, in: workspace, edited: edited)
        columnsGeneration = generation
        rebuilds.columnsCarried += 1
        return true
    }

    /// Creators edited in one step beyond which every creator's columns are made again.
    private static let mostEdited = 256

    /// Rows in the wave before filtering.
    var totalCount: Int { positions.count }
    /// Rows shown.
    var count: Int { visible.count }

    func creatorPosition(at row: Int) -> Int { Int(positions[Int(visible[row])]) }

    func stage(at row: Int) -> PipelineStage { PipelineStage.allCases[Int(keys.stage[Int(visible[row])])] }

    func creatorID(at row: Int, in workspace: Workspace) -> CreatorID? {
        guard row >= 0, row < count else { return nil }
        return workspace.creators[creatorPosition(at: row)].id
    }

    /// The row showing the creator at `position` in `Workspace.creators`, if shown: found by
    /// its key, since the shown rows are in key order.
    func row(ofCreatorAt position: Int) -> Int? {
        guard position >= 0, position < rowOfCreator.count, rowOfCreator[position] >= 0, let shown = filterKey?.order else { return nil }
        let row = rowOfCreator[position]
        let index = SortedRowList.insertionIndex(visible, key: keys.key(row, by: shown.sort), descending: shown.reversed) { self.keys.key($0, by: shown.sort) }
        return index < visible.count && visible[index] == row ? index : nil
    }

    func score(at row: Int) -> Double { Double(columns.score[creatorPosition(at: row)]) / 100 }

    private func buildRows(_ workspace: Workspace, key: RowsKey, generation: Int, shownSort: PipelineSort) {
        var built = WaveRows()
        nicheClusters = []
        if key.sourcing {
            // Creators in no wave (or only out of some), as prospects for the wave on screen.
            let engaged = Set(workspace.enrollments.lazy.filter { !$0.stage.isExit }.map(\.creatorID))
            for (position, creator) in workspace.creators.enumerated() where !engaged.contains(creator.id) {
                built.positions.append(Int32(position))
                built.stages.append(0)
            }
            built.counts[0] = built.positions.count   // all prospects
        } else if let wave = key.wave {
            if let found = enrollmentCreatorsBuild?.wait() {
                (enrollmentCreators, enrollmentCreatorsBuild) = (found, nil)
            }
            var cache: [Int32] = []
            swap(&cache, &enrollmentCreators)
            built = WaveRows(members: enrollmentWaves.positions(in: wave, of: workspace.enrollments), enrollments: workspace.enrollments,
                             creators: workspace.creators, cache: &cache)
            enrollmentCreators = cache
        }
        let positions = built.positions
        switch coverage {
        case .everyCreator: break
        case .none where workspace.creators.count >= deferringColumnsFrom && positions.count * 2 < workspace.creators.count:
            columns = CreatorColumns(workspace.creators, at: positions, fit: fit)
            coverage = .shownRows
        default: completeColumns(workspace)  // rows other than the first ones, or most creators
        }
        self.positions = positions
        rowOfCreator = built.rowOfCreator(creatorCount: workspace.creators.count)
        stageCounts = built.stageCounts
        keys = RowSortKeys(positions: positions, stages: built.stages, columns: columns)
        (rowsKey, rowsGeneration, filterKey) = (key, generation, nil)
        orders.start(with: [:], keys: keys, except: shownSort)
        rebuilds.rows += 1
    }

    /// Puts the shown view's rows aside and takes `key`'s back, if kept; false if they were not.
    private func switchRows(to key: RowsKey) -> Bool {
        switches += 1
        if let shown = rowsKey {
            orders.settle()
            shelf[shown] = Shelved(generation: rowsGeneration, positions: positions, rowOfCreator: rowOfCreator, keys: keys,
                                   stageCounts: stageCounts, sorted: orders.sorted, filterKey: filterKey, visible: visible,
                                   nicheClusters: nicheClusters, leftAt: switches)
        }
        typedOnTheWay = []
        guard let kept = shelf.removeValue(forKey: key) else {
            if shelf.count > Self.shelfSize, let oldest = shelf.min(by: { $0.value.leftAt < $1.value.leftAt })?.key { shelf[oldest] = nil }
            return false
        }
        (rowsKey, rowsGeneration, positions, rowOfCreator, keys) = (key, kept.generation, kept.positions, kept.rowOfCreator, kept.keys)
        (stageCounts, filterKey, visible, nicheClusters) = (kept.stageCounts, kept.filterKey, kept.visible, kept.nicheClusters)
        orders.start(with: kept.sorted, keys: keys)  // those left unfinished when it was put aside are made again
        rebuilds.unshelved += 1
        return true
    }
    private var switches = 0

    /// Every row ascending by `sort`'s key (`RowOrders`).
    private func ascending(by sort: PipelineSort) -> [Int32] {
        let (order, madeHere) = orders.ascending(by: sort, keys: keys)
        if madeHere { rebuilds.order += 1 }
        return order
    }

    /// Takes in stage changes by moving the rows they touched: out of every list kept in key
    /// order while their keys are the ones they are placed by, then back in by their new keys
    /// (into the shown rows only if they pass the filter). A new enrollment in the wave is a row
    /// added after the others. False, having changed nothing, where that cannot stand for a
    /// rebuild: changes not known one by one, an enrollment gone (the rows after it would
    /// shift), the recruit view (it shows who is in no wave), a creator not yet scored, or so
    /// many rows that building them again is quicker.
    private func moveRows(_ workspace: Workspace, touched: EnrollmentsReplaced?, edited: CreatorsReplaced?) -> Bool {
        guard let touched, let edited, let rowsKey else { return false }
        guard !touched.isEmpty || !edited.isEmpty else { return true }
        guard !rowsKey.sourcing else { return false }
        var moved: [(row: Int32, stage: UInt8)] = [], added: [(position: Int32, stage: UInt8)] = []
        var seen = Set<Int32>()
        for key in touched.keys where key.waveID == rowsKey.wave {
            guard let position = workspace.creatorPosition(key.creatorID), position < rowOfCreator.count else { return false }
            let row = rowOfCreator[position]
            switch (row >= 0, workspace.enrollment(key.creatorID, in: key.waveID)) {
            case (false, nil): continue
            case (true, nil): return false
            case (false, let enrollment?): added.append((Int32(position), WaveRows.stageIndex[enrollment.stage]!))
            case (true, let enrollment?):
                let stage = WaveRows.stageIndex[enrollment.stage]!
                if stage != keys.stage[Int(row)], seen.insert(row).inserted { moved.append((row, stage)) }
            }
        }
        // An edited creator's row goes back into every order by the keys of its columns as they are now.
        var rekeyed = Set<Int32>()
        for id in edited.keys {
            guard let position = workspace.creatorPosition(id), position < rowOfCreator.count else { return false }
            let row = rowOfCreator[position]
            guard row >= 0 else { continue }
            rekeyed.insert(row)
            if seen.insert(row).inserted { moved.append((row, keys.stage[Int(row)])) }
        }
        if !added.isEmpty, coverage != .everyCreator { return false }
        guard !moved.isEmpty || !added.isEmpty else { return true }
        // Past an eighth of the rows, building them again is the quicker way.
        guard moved.count + added.count <= max(64, positions.count / 8) else { return false }
        orders.settle()
        let movedRows = moved.map(\.row)
        let (stageMoved, rekeyedRows) = (movedRows.filter { !rekeyed.contains($0) }, movedRows.filter(rekeyed.contains))
        let shown = filterKey?.order
        typedOnTheWay = []  // only the shown rows are moved
        orders.remove(moved: stageMoved, rekeyed: rekeyedRows, keys: keys)
        if let shown {  // a moved row may now pass the filter or not: each is taken out and tried again
            SortedRowList.remove(movedRows, from: &visible, descending: shown.reversed) { self.keys.key($0, by: shown.sort) }
        }
        var counts = stageCounts
        for (row, stage) in moved {
            counts[PipelineStage.allCases[Int(keys.stage[Int(row)])], default: 0] -= 1
            counts[PipelineStage.allCases[Int(stage)], default: 0] += 1
            keys.setStage(stage, ofRow: row)
            keys.rekey(row, position: positions[Int(row)], columns: columns)
        }
        var addedRows: [Int32] = []
        for (position, stage) in added {
            positions.append(position)
            let row = keys.append(position: position, stage: stage, columns: columns)
            rowOfCreator[Int(position)] = row
            addedRows.append(row)
            counts[PipelineStage.allCases[Int(stage)], default: 0] += 1
        }
        stageCounts = counts.filter { $0.value > 0 }
        orders.insert(moved: stageMoved, rekeyed: rekeyedRows, added: addedRows, keys: keys)
        if let shown, let needle = filterKey?.needle {
            let passing = (movedRows + addedRows).filter(filterTest(needle, workspace))
            SortedRowList.insert(passing, into: &visible, descending: shown.reversed) { self.keys.key($0, by: shown.sort) }
        }
        rebuilds.moves += 1
        return true
    }

    /// The rows in the order shown: ascending by the sort's keys, or reversed.
    private func displayOrder(_ key: OrderKey) -> [Int32] {
        let ascending = ascending(by: key.sort)
        return key.reversed ? ascending.reversed() : ascending
    }

    /// Whether one row passes the filter's words: each must match the creator's search text or
    /// the row's stage. (The late list is not a per-row test: see `applyFilter`.)
    private func filterTest(_ needle: String, _ workspace: Workspace) -> (Int32) -> Bool {
        let words = needle.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return { _ in true } }
        let search = searchText(workspace)
        let needles = words.map { search.query(Array($0.utf8)) }
        let stageMatches = words.map { word in PipelineStage.allCases.map { $0.label.contains(word) } }
        let (positions, keys) = (positions, keys)
        return { row in
            needles.indices.allSatisfy { word in
                stageMatches[word][Int(keys.stage[Int(row)])] || search.matches(Int(positions[Int(row)]), needles[word])
            }
        }
    }

    /// Each word of the filter must match the creator's search text or the row's stage.
    private func applyFilter(_ key: FilterKey, _ workspace: Workspace) {
        let words = key.needle.split(separator: " ").map(String.init)
        let needles = words.map { Array($0.utf8) }
        let stageMatches = words.map { word in PipelineStage.allCases.map { $0.label.contains(word) } }
        let sameList = filterKey.map { $0.order == key.order && $0.lateOn == key.lateOn } ?? false
        if !sameList { typedOnTheWay = [] }
        // A longer filter only removes rows, so it searches the previous matches only.
        let narrowing = sameList && key.needle.hasPrefix(filterKey!.needle)
        let reused = typedOnTheWay.last { $0.needle == key.needle }?.visible
        let candidates = reused != nil ? [] : narrowing ? visible : displayOrder(key.order)
        if let reused {
            visible = reused
        } else if words.isEmpty {
            visible = candidates
        } else if candidates.count * 8 < positions.count {
            visible = candidates.filter(filterTest(key.needle, workspace))
        } else {
            // Many candidates: every creator asked once per word (`matchingCreators`) beats a search per row.
            let hits = needles.map(searchText(workspace).matchingCreators)
            let passing = RowMatches.passing(positions: positions, stages: keys.stage, stageMatches: stageMatches, hits: hits)
            visible = RowMatches.keeping(candidates, passing: passing)
        }
        if let today = key.lateOn, !narrowing, reused == nil {
            let late = Set(workspace.followUps(today: today, wave: rowsKey?.wave).map(\.creatorID))
            visible = visible.filter { late.contains(workspace.creators[Int(positions[Int($0)])].id) }
        }
        typedOnTheWay = typedOnTheWay.filter { key.needle.hasPrefix($0.needle) && $0.needle != key.needle }.suffix(7) + [(key.needle, visible)]
        if rowsKey?.sourcing == true { nicheClusters = Self.nicheClusters(of: visible.lazy.map { workspace.creators[Int(self.positions[Int($0)])] }) }
        filterKey = key
        rebuilds.filter += 1
    }
}
