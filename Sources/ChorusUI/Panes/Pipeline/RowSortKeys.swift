/// Each Pipeline row's sort columns, copied in row order so a sort reads memory in sequence
/// instead of jumping through the rows' creator positions into the per-creator columns.
///
/// The one place a row's key is made: a wave sorted whole and a row moved into its place after
/// a stage change (`SortedRowList`) must agree exactly. Every key ends in the creator's handle
/// rank, which no two creators share, so no two rows of a wave have the same key and an order
/// is the same however it was reached.
struct RowSortKeys: Sendable {
    /// The index of the row's stage in `PipelineStage.allCases`.
    private(set) var stage: [UInt8] = []
    private var rank: [UInt64] = [], score: [UInt64] = [], followers: [UInt64] = [], engagement: [UInt64] = []

    var count: Int { stage.count }

    init() {}

    /// The keys of the creators at `positions`, each in the stage at the same index.
    init(positions: [Int32], stages: [UInt8], columns: CreatorColumns) {
        stage = stages
        rank = positions.map { Self.rank($0, columns) }
        score = positions.map { Self.score($0, columns) }
        followers = positions.map { Self.followers($0, columns) }
        engagement = positions.map { Self.engagement($0, columns) }
    }

    /// One 64-bit key per row: the sort column in the high bits, the handle rank below it.
    func key(_ row: Int32, by sort: PipelineSort) -> UInt64 {
        let row = Int(row)
        switch sort {
        case .stage: return UInt64(stage[row]) << 56 | score[row] << 32 | rank[row]
        case .score: return score[row] << 32 | rank[row]
        case .followers: return followers[row] << 32 | rank[row]
        case .engagement: return engagement[row] << 32 | rank[row]
        case .handle: return rank[row]
        }
    }

    /// Whether a row's key under `sort` changes with its stage.
    static func readsStage(_ sort: PipelineSort) -> Bool { sort == .stage }

    /// Every row, ascending by key.
    func order(by sort: PipelineSort) -> [Int32] {
        let rows = Array(0..<Int32(count))
        return RadixSort.order(keys: rows.map { key($0, by: sort) }, rows: rows)
    }

    mutating func setStage(_ index: UInt8, ofRow row: Int32) { stage[Int(row)] = index }

    /// The row's sort columns again from its creator's (at `position`), after an edit.
    mutating func rekey(_ row: Int32, position: Int32, columns: CreatorColumns) {
        let row = Int(row)
        (rank[row], score[row]) = (Self.rank(position, columns), Self.score(position, columns))
        (followers[row], engagement[row]) = (Self.followers(position, columns), Self.engagement(position, columns))
    }

    /// A row for the creator at `position`, after the others; returns it.
    mutating func append(position: Int32, stage index: UInt8, columns: CreatorColumns) -> Int32 {
        stage.append(index)
        rank.append(Self.rank(position, columns))
        score.append(Self.score(position, columns))
        followers.append(Self.followers(position, columns))
        engagement.append(Self.engagement(position, columns))
        return Int32(count - 1)
    }

    private static func rank(_ position: Int32, _ columns: CreatorColumns) -> UInt64 { UInt64(columns.handleRank[Int(position)]) }
    /// A lead's score is -1: after every creator, whatever their fit.
    private static func score(_ position: Int32, _ columns: CreatorColumns) -> UInt64 {
        UInt64(20_000 - max(-1, min(20_000, columns.score[Int(position)])))
    }
    private static func followers(_ position: Int32, _ columns: CreatorColumns) -> UInt64 { UInt64(Int32.max - columns.followers[Int(position)]) }
    private static func engagement(_ position: Int32, _ columns: CreatorColumns) -> UInt64 { UInt64(Int32.max - columns.engagement[Int(position)]) }
}
