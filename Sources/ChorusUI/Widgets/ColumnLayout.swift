/// Where a table's columns go across a width: fixed widths, one flexible column (the name)
/// taking what is left, and the columns a person needs least dropped first when it is narrow.
enum ColumnLayout {
    /// Names keep up to this many columns before a cut column grows: most handles fit in it.
    static let comfortableFlexible = 24

    /// Leaves room for the flexible column to show at least `minimumFlexible` columns; starts at x = 2
    /// (after the mark and overdue gutter).
    ///
    /// `wanted` is how wide some columns' content is on the rows shown. Spare width goes first
    /// to the columns whose content is cut at their fixed width (a parcel's items, a draft's
    /// checks), up to what they need, once names have a comfortable width; the flexible column
    /// takes the rest. Without `wanted`, the flexible column takes all the spare width. With
    /// it, a narrow table drops more of `dropFirst` (never a column that wants room) until
    /// names and cut columns fit: a whole parcel beats its carrier. `maximumFlexible` caps the
    /// flexible column, leaving what is beyond it blank (a ranking reads better with its
    /// figures near the names).
    static func fit<Column: Hashable>(_ all: [Column], width: Int, flexible: Column, dropFirst: [Column],
                                      minimumFlexible: Int = 12, maximumFlexible: Int? = nil, widthOf: (Column) -> Int,
                                      wanted: [Column: Int] = [:]) -> [(Column, x: Int, width: Int)] {
        var shown = all
        func fixed() -> Int { shown.reduce(0) { $0 + widthOf($1) + 1 } }
        while fixed() + minimumFlexible > width, let drop = dropFirst.first(where: shown.contains) {
            shown.removeAll { $0 == drop }
        }
        // What names need: their widest, between the minimum and a comfortable width.
        let namesWant = wanted[flexible].map { max(minimumFlexible, min($0, comfortableFlexible)) }
        func needed() -> Int {
            shown.reduce(namesWant ?? minimumFlexible) { total, column in
                column == flexible ? total : total + max(0, (wanted[column] ?? 0) - widthOf(column))
            }
        }
        while !wanted.isEmpty, fixed() + needed() > width,
              let drop = dropFirst.first(where: { shown.contains($0) && wanted[$0] == nil }) {
            shown.removeAll { $0 == drop }
        }
        let spare = max(8, width - fixed())
        let names = min(spare, namesWant ?? spare)
        var left = spare - names
        var grown: [Column: Int] = [:]
        for column in shown where column != flexible && left > 0 {
            guard let need = wanted[column], need > widthOf(column) else { continue }
            grown[column] = min(need - widthOf(column), left)
            left -= grown[column]!
        }
        var x = 2
        return shown.map { column in
            let columnWidth = column == flexible ? min(names + left, maximumFlexible ?? .max) : widthOf(column) + grown[column, default: 0]
            defer { x += columnWidth + 1 }
            return (column, x, columnWidth)
        }
    }

    /// The widest of `texts` in terminal columns, for `wanted`.
    static func widest(_ texts: some Sequence<String>) -> Int { texts.reduce(0) { max($0, TextWidth.columns(of: $1)) } }
}
