import ChorusCore

extension PipelineRows {
    /// How often each layer was rebuilt, so tests can prove a cursor move rebuilds nothing:
    /// `order` counts sorts made on the console's thread; `moves`, stage changes and edited
    /// creators taken in by moving the rows they touched instead of building the wave's rows
    /// again; `columnsCarried`, creators edited taken into the columns one by one; `unshelved`,
    /// views shown again from their kept rows; `prebuilt`, views built on another thread put on
    /// the shelf.
    struct Rebuilds: Hashable { var columns = 0, columnsCarried = 0, rows = 0, order = 0, filter = 0, moves = 0, unshelved = 0, prebuilt = 0 }

    enum Coverage { case none, shownRows, everyCreator }

    /// Which rows: a wave's pipeline, or the recruit view beside it.
    struct RowsKey: Hashable { var wave: WaveID?; var sourcing: Bool }
    struct OrderKey: Hashable { var sort: PipelineSort; var reversed: Bool }
    struct FilterKey: Hashable { var order: OrderKey; var needle: String; var lateOn: Day? }

    /// A view's rows as built or moved on at `generation`, put aside when another is shown, so
    /// going back to it moves them on by what changed since instead of building them again
    /// (0.4 s onto a wave of 900 000 creators).
    struct Shelved {
        var generation: Int
        var positions: [Int32], rowOfCreator: [Int32]
        var keys: RowSortKeys
        var stageCounts: [PipelineStage: Int]
        var sorted: [PipelineSort: [Int32]]
        var filterKey: FilterKey?
        var visible: [Int32]
        var nicheClusters: [(niche: String, count: Int)]
        /// When it was put aside: the one left longest ago goes first when the shelf is full.
        var leftAt: Int
    }

    /// Views kept aside besides the one shown: the waves a coordinator goes back and forth
    /// between, at most a few dozen megabytes each at a million creators.
    static let shelfSize = 2

    /// The niche line above the recruit table: the creators the filter shows, clustered by
    /// niche, biggest cluster first.
    static func nicheClusters(of creators: some Sequence<Creator>) -> [(niche: String, count: Int)] {
        var clusters: [String: Int] = [:]
        for creator in creators {
            for niche in Set(creator.niches.map { $0.lowercased() }) { clusters[niche, default: 0] += 1 }
        }
        return clusters.map { ($0.key, $0.value) }.sorted { ($0.count, $1.niche) > ($1.count, $0.niche) }
    }
}
