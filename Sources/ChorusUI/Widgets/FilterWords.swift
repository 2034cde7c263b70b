/// What `/` means in every pane: the typed words, folded like the Pipeline's search text; a
/// row matches when each word is found in one of the row's fields (the columns shown, and the
/// text behind them). `reel W2 overdue` narrows the inbox three times, in any order.
enum FilterWords {
    /// The folded words of a filter; none for an empty one.
    static func of(_ text: String) -> [String] { CreatorSearchText.fold(text).split(separator: " ").map(String.init) }

    /// Whether every word is in one of `fields`, which are folded here.
    static func match(_ words: [String], in fields: [String?]) -> Bool {
        guard !words.isEmpty else { return true }
        let folded = fields.compactMap { $0.map(CreatorSearchText.fold) }
        return words.allSatisfy { word in folded.contains { $0.contains(word) } }
    }
}
