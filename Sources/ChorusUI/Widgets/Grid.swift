/// One terminal cell: a grapheme and the role that styles it. The right half of a wide
/// grapheme is a continuation cell, so a row always has exactly `width` cells and a column
/// index is a terminal column.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var role: StyleRole
    /// True for the second column of a wide grapheme; the terminal skips it.
    public var isContinuation: Bool

    public init(_ grapheme: Character, role: StyleRole, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell(" ", role: .text)
}

/// A whole frame as cells. Panes draw into a grid, tests read it as lines of text, and the
/// terminal copies only the cells that changed since the last frame (the ratatui way).
///
/// All text enters through `put`, which sanitizes it, measures it per grapheme and truncates
/// it with `…`, so no pane can draw a control character, split a grapheme or overflow a column.
public struct Grid: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * size.width + x] }

    /// Row `y` as text, continuation cells left out, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation { text.append(self[x, y].grapheme) }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every row as text: what frame tests compare.
    public var lines: [String] { (0..<size.height).map(line) }

    /// Paints `rect` with blanks of one role (a background for a bar or an overlay).
    mutating func fill(_ rect: Rect, role: StyleRole) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { set(x, y, " ", width: 1, role: role) }
        }
    }

    /// Gives the cells of `rect` a new role, keeping their text (selection, matches); cells
    /// already in a role listed in `keeping` stay as they are.
    mutating func restyle(_ rect: Rect, role: StyleRole, keeping: Set<StyleRole> = []) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) where !keeping.contains(cells[y * size.width + x].role) {
                cells[y * size.width + x].role = role
            }
        }
    }

    /// Draws `text` at (x, y) in at most `width` columns (to the right edge if nil), cut at a
    /// grapheme boundary with `…` if it does not fit. Returns the columns used.
    @discardableResult
    mutating func put(_ text: some StringProtocol, x: Int, y: Int, width: Int? = nil, role: StyleRole) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(width ?? (size.width - x), size.width - x)
        guard limit > 0 else { return 0 }
        let fitted = TextFit.fit(TextSanitizer.sanitize(text), columns: limit)
        var column = x
        for (grapheme, graphemeWidth) in fitted {
            if column >= 0 { set(column, y, grapheme, width: graphemeWidth, role: role) }
            column += graphemeWidth
        }
        return column - x
    }

    /// `text` wrapped at spaces onto the lines of `rect`, as many as fit; returns the lines used.
    @discardableResult
    mutating func putWrapped(_ text: String, in rect: Rect, role: StyleRole) -> Int {
        let lines = WordWrap.lines(text, width: rect.width).prefix(max(0, rect.height))
        for (offset, line) in lines.enumerated() { put(line, x: rect.x, y: rect.y + offset, width: rect.width, role: role) }
        return lines.count
    }

    /// Draws `text` right-aligned so that it ends at column `maxX`.
    @discardableResult
    mutating func putRight(_ text: some StringProtocol, maxX: Int, y: Int, width: Int, role: StyleRole) -> Int {
        let used = min(TextWidth.columns(of: TextSanitizer.sanitize(text)), width)
        return put(text, x: maxX - used, y: y, width: used, role: role)
    }

    /// Writes graphemes the caller drew from a fixed set of printable, one-column characters (a
    /// chart's braille dots and lines, a sparkline's blocks), without `put`'s sanitizing and
    /// measuring: a chart redraws thousands of them on every key.
    mutating func putCells(_ graphemes: some Sequence<Character>, x: Int, y: Int, role: StyleRole) {
        var column = x
        for grapheme in graphemes {
            set(column, y, grapheme, width: 1, role: role)
            column += 1
        }
    }

    /// Writes one grapheme, clearing any wide grapheme it overlaps so no half survives.
    private mutating func set(_ x: Int, _ y: Int, _ grapheme: Character, width: Int, role: StyleRole) {
        guard x >= 0, x + width <= size.width, y >= 0, y < size.height else { return }
        let row = y * size.width
        if cells[row + x].isContinuation, x > 0 { cells[row + x - 1] = Cell(" ", role: cells[row + x - 1].role) }
        let end = x + width
        if end < size.width, cells[row + end].isContinuation { cells[row + end] = Cell(" ", role: cells[row + end].role) }
        if width == 2, cells[row + x + 1].isContinuation == false, x + 2 < size.width, cells[row + x + 2].isContinuation {
            cells[row + x + 2] = Cell(" ", role: cells[row + x + 2].role)
        }
        cells[row + x] = Cell(grapheme, role: role)
        if width == 2 { cells[row + x + 1] = Cell(" ", role: role, isContinuation: true) }
    }
}
