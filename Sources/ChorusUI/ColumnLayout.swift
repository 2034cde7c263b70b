/// Where a table's columns go across a width: fixed widths, one flexible column (the name)
/// taking what is left, and the columns a person needs least dropped first when it is narrow.
enum ColumnLayout {
    /// Leaves room for the flexible column to show at least `minimumFlexible` columns; starts at x = 2
    /// (after the mark and overdue gutter).
    static func fit<Column: Equatable>(_ all: [Column], width: Int, flexible: Column, dropFirst: [Column],
                                       minimumFlexible: Int = 12, widthOf: (Column) -> Int) -> [(Column, x: Int, width: Int)] {
        var shown = all
        func fixed() -> Int { shown.reduce(0) { $0 + widthOf($1) + 1 } }
        while fixed() + minimumFlexible > width, let drop = dropFirst.first(where: shown.contains) {
            shown.removeAll { $0 == drop }
        }
        var x = 2
        return shown.map { column in
            let columnWidth = column == flexible ? max(8, width - fixed()) : widthOf(column)
            defer { x += columnWidth + 1 }
            return (column, x, columnWidth)
        }
    }
}
