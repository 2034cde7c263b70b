/// A line chart drawn in braille cells (two by four dots per cell, so a week is a dot column
/// even on an 80-column terminal), with the value axis on the left, the first and last week
/// under it and a legend on top. Each series has a theme role, so the theme gives it its colour.
///
/// Where colour is the only thing telling series apart and the terminal has none (`NO_COLOR`),
/// the chart is a table of the latest weeks instead: a line nobody can attribute is worse than
/// numbers. Under `LANG=C` the painter's `ASCIIFallback` turns the dots into `'`, `.` and `:`.
struct Chart {
    struct Series {
        let name: String
        let values: [Int64]
        let role: StyleRole
    }

    var series: [Series]
    /// A label for each point (the week), same count as the values.
    var labels: [String]
    /// How an amount is written on the axis and in the table.
    var format: (Int64) -> String
    /// A level to draw across the chart, e.g. the budget.
    var reference: (value: Int64, name: String)?
    var noColor = false

    /// Rows and columns below which the chart says it has no room rather than draw nonsense.
    static let minimumSize = Size(width: 16, height: 4)

    func draw(_ grid: inout Grid, _ rect: Rect) {
        guard rect.width >= Self.minimumSize.width, rect.height >= Self.minimumSize.height else {
            grid.put("(no room for the chart)", x: rect.x, y: rect.y, width: rect.width, role: .mutedText)
            return
        }
        drawLegend(&grid, Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let points = series.map(\.values.count).max() ?? 0
        guard points > 0 else {
            grid.put("no weeks to show yet", x: body.x, y: body.y, width: body.width, role: .mutedText)
            return
        }
        if noColor && series.count > 1 { return drawTable(&grid, body) }
        drawPlot(&grid, body, points: points)
    }

    private func drawLegend(_ grid: inout Grid, _ rect: Rect) {
        var x = rect.x
        for item in series {
            x += grid.put("● ", x: x, y: rect.y, width: rect.maxX - x, role: item.role)
            x += grid.put(item.name + "  ", x: x, y: rect.y, width: rect.maxX - x, role: .text)
        }
        if let reference {
            x += grid.put("┄ ", x: x, y: rect.y, width: rect.maxX - x, role: .warning)
            grid.put(reference.name, x: x, y: rect.y, width: rect.maxX - x, role: .text)
        }
    }

    private func drawPlot(_ grid: inout Grid, _ rect: Rect, points: Int) {
        let values = series.flatMap(\.values) + [0] + (reference.map { [$0.value] } ?? [])
        let low = values.min() ?? 0, high = max(values.max() ?? 0, low + 1)
        let axisLabels = [format(high), format(low)] + (low < 0 ? [format(0)] : [])
        let axis = min(rect.width / 3, axisLabels.map { TextWidth.columns(of: $0) }.max() ?? 0)
        let plot = Rect(x: rect.x + axis + 1, y: rect.y, width: rect.width - axis - 1, height: rect.height - 2)
        let scale = Scale(low: low, high: high, dotRows: plot.height * 4, dotColumns: plot.width * 2, points: points)

        grid.putRight(format(high), maxX: rect.x + axis, y: plot.y, width: axis, role: .mutedText)
        grid.putRight(format(low), maxX: rect.x + axis, y: plot.maxY - 1, width: axis, role: .mutedText)
        for y in plot.y..<plot.maxY { grid.put("│", x: plot.x - 1, y: y, role: .border) }
        grid.put("└" + String(repeating: "─", count: plot.width), x: plot.x - 1, y: plot.maxY, role: .border)
        // The plot's cells, background lines first, then the dots; drawn row by row in runs of a
        // role with `putCells` (a wide chart has thousands of cells, redrawn on every key).
        var cells = [Character](repeating: " ", count: plot.width * plot.height)
        var cellRoles = [StyleRole](repeating: .text, count: cells.count)
        func line(_ character: Character, row: Int, role: StyleRole) {
            for x in 0..<plot.width { (cells[row * plot.width + x], cellRoles[row * plot.width + x]) = (character, role) }
        }
        if low < 0 {
            let zero = scale.dotRow(0) / 4
            grid.putRight(format(0), maxX: rect.x + axis, y: plot.y + zero, width: axis, role: .mutedText)
            line("┈", row: zero, role: .mutedText)
        }
        if let reference { line("┄", row: scale.dotRow(reference.value) / 4, role: .warning) }
        drawLabels(&grid, y: plot.maxY + 1, plot: plot, scale: scale)

        var dots = [UInt8](repeating: 0, count: plot.width * plot.height)
        for item in series {
            var previous: (x: Int, y: Int)?
            for (index, value) in item.values.enumerated() {
                let point = (x: scale.dotColumn(index), y: scale.dotRow(value))
                for (x, y) in Self.segment(from: previous ?? point, to: point) {
                    let cell = (y / 4) * plot.width + x / 2
                    dots[cell] |= Self.bit(column: x % 2, row: y % 4)
                    cellRoles[cell] = item.role
                }
                previous = point
            }
        }
        for (cell, bits) in dots.enumerated() where bits != 0 { cells[cell] = Character(Unicode.Scalar(0x2800 + UInt32(bits))!) }
        for row in 0..<plot.height {
            var start = row * plot.width
            let end = start + plot.width
            while start < end {
                var stop = start + 1
                while stop < end, cellRoles[stop] == cellRoles[start] { stop += 1 }
                grid.putCells(cells[start..<stop], x: plot.x + start - row * plot.width, y: plot.y + row, role: cellRoles[start])
                start = stop
            }
        }
    }

    /// The first and last week under the axis, and the middle one when there is room.
    private func drawLabels(_ grid: inout Grid, y: Int, plot: Rect, scale: Scale) {
        guard let first = labels.first, let last = labels.last else { return }
        let used = grid.put(first, x: plot.x, y: y, width: plot.width, role: .mutedText)
        guard labels.count > 1 else { return }
        let lastWidth = TextWidth.columns(of: last)
        if plot.width - used > lastWidth + 1 { grid.putRight(last, maxX: plot.maxX, y: y, width: lastWidth, role: .mutedText) }
        let middle = labels.count / 2, middleWidth = TextWidth.columns(of: labels[middle])
        let x = plot.x + scale.dotColumn(middle) / 2 - middleWidth / 2
        if labels.count > 2, x > plot.x + used + 1, x + middleWidth + 1 < plot.maxX - lastWidth {
            grid.put(labels[middle], x: x, y: y, role: .mutedText)
        }
    }

    /// The latest weeks, one a row, newest last, when colour cannot tell the lines apart.
    private func drawTable(_ grid: inout Grid, _ rect: Rect) {
        let labelWidth = max(4, labels.map { TextWidth.columns(of: $0) }.max() ?? 0)
        let columnWidth = max(8, (rect.width - labelWidth) / max(1, series.count) - 1)
        grid.put("WEEK", x: rect.x, y: rect.y, width: labelWidth, role: .header)
        for (index, item) in series.enumerated() {
            let maxX = rect.x + labelWidth + (index + 1) * (columnWidth + 1)
            grid.putRight(item.name.uppercased(), maxX: min(maxX, rect.maxX), y: rect.y, width: columnWidth, role: .header)
        }
        let count = series.map(\.values.count).max() ?? 0
        let shown = min(count, rect.height - 1)
        for line in 0..<shown {
            let point = count - shown + line, y = rect.y + 1 + line
            grid.put(labels[safe: point] ?? "", x: rect.x, y: y, width: labelWidth, role: .text)
            for (index, item) in series.enumerated() {
                let maxX = rect.x + labelWidth + (index + 1) * (columnWidth + 1)
                grid.putRight(item.values[safe: point].map(format) ?? "", maxX: min(maxX, rect.maxX), y: y, width: columnWidth, role: .text)
            }
        }
    }

    /// Where a value or a point lands in dots, top-left origin.
    struct Scale {
        let low: Int64, high: Int64, dotRows: Int, dotColumns: Int, points: Int

        func dotRow(_ value: Int64) -> Int {
            let span = Double(high - low), rows = Double(dotRows - 1)
            return max(0, min(dotRows - 1, Int((Double(high - value) / span * rows).rounded())))
        }

        func dotColumn(_ point: Int) -> Int {
            points > 1 ? point * (dotColumns - 1) / (points - 1) : 0
        }
    }

    /// The braille bit for a dot in a cell (Unicode's dot numbering: 1-2-3-7 down the left, 4-5-6-8 down the right).
    static func bit(column: Int, row: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return column == 0 ? left[row] : right[row]
    }

    /// The dots of a straight line between two dots, both ends included (Bresenham).
    static func segment(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) -> [(Int, Int)] {
        var x = start.x, y = start.y, result: [(Int, Int)] = []
        let dx = abs(end.x - x), dy = -abs(end.y - y), stepX = x < end.x ? 1 : -1, stepY = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            result.append((x, y))
            if x == end.x && y == end.y { return result }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }
}
