/// The mark after the sorted column's header: `▾` in the list's own order (largest, best or
/// first stage first), `▴` reversed. A sortable column is one wider than its title, so the
/// mark never cuts the header.
enum SortMark {
    static func title(_ title: String, sorted: Bool, reversed: Bool) -> String {
        sorted ? title + (reversed ? "▴" : "▾") : title
    }

    /// A sortable column's width: its own, or its title and the mark if that is wider.
    static func width(_ width: Int, title: String) -> Int { max(width, TextWidth.columns(of: title) + 1) }

    /// The status line after `I`.
    static func message(_ sort: String, reversed: Bool) -> String { "sorted by \(sort)" + (reversed ? ", reversed" : "") }
}

extension Array {
    /// The elements with a figure and those without, each in their order: a reversed sort
    /// turns the first round and keeps the second last.
    func splitByFigure(_ hasFigure: (Element) -> Bool) -> (with: [Element], without: [Element]) {
        (filter(hasFigure), filter { !hasFigure($0) })
    }
}
