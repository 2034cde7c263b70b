/// Colleagues' changes summed per person and kind of change, for the status line: twelve
/// "marked SH-0001 shipped" lines from sam read `sam marked 12 parcels shipped`, and
/// "approved 1 submission" then "approved 2 submissions" from maria read `maria approved 3
/// submissions`.
///
/// A summary is folded with others when it has the same words around one count ("approved 2
/// submissions") or one item number ("marked SH-0001 shipped"); any other summary stands alone.
struct ColleagueTally: Equatable {
    var actor: String
    /// The words before and after the counted part, and the noun counted (singular), or nil
    /// for a summary that stands alone.
    var shape: Shape?
    var count: Int
    /// The summary as said when it is the only one of its group.
    var summary: String
    var changes: Int

    struct Shape: Equatable {
        var before: String
        var noun: String
        var plural: String
        var after: String
    }

    var sentence: String {
        guard changes > 1, let shape else { return "\(actor) \(summary)" + (changes > 1 ? " (\(changes) times)" : "") }
        return "\(actor) \(shape.before)\(count) \(count == 1 ? shape.noun : shape.plural)\(shape.after)"
    }

    /// The tallies of `changes`, in the order each group first appeared.
    static func tallies(_ changes: [ColleagueChange]) -> [ColleagueTally] {
        var tallies: [ColleagueTally] = []
        for change in changes {
            let (shape, count) = Self.shape(of: change.summary)
            if let index = tallies.firstIndex(where: { $0.actor == change.actor && $0.shape != nil && $0.shape == shape
                                                       || $0.actor == change.actor && $0.shape == nil && shape == nil && $0.summary == change.summary }) {
                tallies[index].count += count
                tallies[index].changes += 1
            } else {
                tallies.append(ColleagueTally(actor: change.actor, shape: shape, count: count, summary: change.summary, changes: 1))
            }
        }
        return tallies
    }

    /// Item numbers a summary may name, and what they are called.
    private static let itemNouns = ["SH": ("parcel", "parcels"), "SU": ("submission", "submissions"), "CR": ("creator", "creators")]

    private static func shape(of summary: String) -> (Shape?, Int) {
        let words = summary.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for (index, word) in words.enumerated() {
            let before = words[..<index].map { $0 + " " }.joined()
            if let count = Int(word), count >= 0, index + 1 < words.count {
                let counted = words[index + 1]
                let noun = count == 1 ? counted : (counted.hasSuffix("s") ? String(counted.dropLast()) : counted)
                let plural = count == 1 ? counted + "s" : counted
                let after = words[(index + 2)...].map { " " + $0 }.joined()
                return (Shape(before: before, noun: noun, plural: plural, after: after), count)
            }
            let parts = word.split(separator: "-")
            if parts.count == 2, let nouns = itemNouns[String(parts[0])], !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) {
                let after = words[(index + 1)...].map { " " + $0 }.joined()
                return (Shape(before: before, noun: nouns.0, plural: nouns.1, after: after), 1)
            }
        }
        return (nil, 1)
    }
}
