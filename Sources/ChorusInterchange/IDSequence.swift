import ChorusCore

/// Hands out the ids an import needs, continuing after the highest one already in use
/// (`CR-00301`, `CR-00302`…), so imported entities read like the rest of the workspace.
struct IDSequence<ID: EntityID> {
    private let prefix: String
    private let width: Int
    private var number: Int

    init(after existing: some Sequence<ID>, prefix: String, width: Int) {
        self.prefix = prefix
        self.width = width
        number = Int(nextID(after: existing, prefix: prefix, width: width).rawValue.dropFirst(prefix.count)) ?? 1
    }

    mutating func next() -> ID {
        defer { number += 1 }
        return ID(formatID(prefix: prefix, number: number, width: width))
    }
}
