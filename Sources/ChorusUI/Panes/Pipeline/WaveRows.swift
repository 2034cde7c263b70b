import ChorusCore

/// A wave's rows as built from its enrollments: each row's creator position and stage, and how
/// many are at each stage. Built on the console's thread for a wave visited, and on another
/// thread for the big waves not yet visited (`PrebuiltWaves`).
struct WaveRows {
    /// Row → creator position in `Workspace.creators`.
    var positions: [Int32] = []
    /// Row → the index of its stage in `PipelineStage.allCases`.
    var stages: [UInt8] = []
    /// Rows per stage, by index.
    var counts = [Int](repeating: 0, count: PipelineStage.allCases.count)

    /// The rows of the enrollments at `members`. `cache` remembers each enrollment's creator
    /// position between builds; each is checked by id before use (a string compare, cheaper
    /// than hashing it) and found again when it no longer holds.
    init(members: [Int32], enrollments table: EntityTable<Enrollment>, creators: EntityTable<Creator>, cache: inout [Int32]) {
        // Enrollments added since are found below; those after one removed are checked by id.
        if cache.count > table.count { cache.removeLast(cache.count - table.count) }
        if cache.count < table.count { cache += repeatElement(-1, count: table.count - cache.count) }
        positions.reserveCapacity(members.count)
        stages.reserveCapacity(members.count)
        var lastStage = PipelineStage.prospect, lastIndex = Self.stageIndex[.prospect]!
        // Rows read in place (the tables' subscripts borrow), so the loop reads the fields it
        // needs instead of copying (and retaining) each enrollment and creator: a bulk stage
        // change on a big wave rebuilds every row of it.
        for index in members.lazy.map(Int.init) {
            var position = Int(cache[index])
            if position < 0 || position >= creators.count || creators[position].id != table[index].creatorID {
                guard let found = creators.position(of: table[index].creatorID) else { continue }
                position = found
                cache[index] = Int32(found)
            }
            let stage = table[index].stage
            if stage != lastStage { (lastStage, lastIndex) = (stage, Self.stageIndex[stage]!) }
            positions.append(Int32(position))
            stages.append(lastIndex)
            counts[Int(lastIndex)] += 1
        }
    }

    init() {}

    static let stageIndex = Dictionary(uniqueKeysWithValues: PipelineStage.allCases.enumerated().map { ($1, UInt8($0)) })

    /// Rows per stage, the stages with none left out.
    var stageCounts: [PipelineStage: Int] {
        Dictionary(uniqueKeysWithValues: zip(PipelineStage.allCases, counts).filter { $0.1 > 0 })
    }

    /// Creator position → row, or -1, for `creatorCount` creators.
    func rowOfCreator(creatorCount: Int) -> [Int32] {
        var rows = [Int32](repeating: -1, count: creatorCount)
        for (row, position) in positions.enumerated() { rows[Int(position)] = Int32(row) }
        return rows
    }
}
