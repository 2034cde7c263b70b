import CNcursesw
import ChorusUI
import Glibc

/// Copies frames to the screen: only the cells that changed since the last frame, with the
/// theme's style for each cell's role, using wide-character curses calls — or, on a terminal
/// that is not UTF-8, each cell's `ASCIIFallback`.
final class FramePainter {
    private var previous: Grid?
    private var looks: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]
    private let hasColor: Bool
    private let asciiOnly: Bool

    init(hasColor: Bool, asciiOnly: Bool) {
        self.hasColor = hasColor
        self.asciiOnly = asciiOnly
        if hasColor {
            start_color()
            use_default_colors()
        }
    }

    /// Sets up colour pairs for a theme (downgraded to what the terminal has) and forces a
    /// full repaint, since every cell may look different now.
    func use(_ theme: Theme) {
        let colors = Int(chorus_colors())
        let usable = hasColor && colors >= 8 ? theme.downgraded(toColors: colors) : theme.withoutColor()
        looks = [:]
        for (offset, role) in StyleRole.allCases.enumerated() {
            let style = usable.style(role)
            var attributes = chorus_a_normal()
            if style.bold { attributes |= chorus_a_bold() }
            if style.dim { attributes |= chorus_a_dim() }
            if style.underline { attributes |= chorus_a_underline() }
            if style.reverse { attributes |= chorus_a_reverse() }
            var pair: Int16 = 0
            if hasColor, colors >= 8, offset + 1 < Int(chorus_color_pairs()) {
                pair = Int16(offset + 1)
                init_pair(pair, Self.number(style.foreground), Self.number(style.background))
            }
            looks[role] = (attributes, pair)
        }
        invalidate()
    }

    /// Forgets the screen's contents, so the next frame is drawn in full (resize, resume).
    func invalidate() {
        previous = nil
        clearok(chorus_curscr(), true)
    }

    func paint(_ grid: Grid) {
        let full = previous?.size != grid.size
        if full { werase(chorus_stdscr()) }
        for y in 0..<grid.size.height {
            for x in 0..<grid.size.width {
                let cell = grid[x, y]
                guard !cell.isContinuation, full || previous?[x, y] != cell || changedContinuation(grid, x, y) else { continue }
                let wide = x + 1 < grid.size.width && grid[x + 1, y].isContinuation
                put(cell, wide: wide, x: x, y: y)
            }
        }
        previous = grid
        refresh()
    }

    private func changedContinuation(_ grid: Grid, _ x: Int, _ y: Int) -> Bool {
        x + 1 < grid.size.width && previous?[x + 1, y] != grid[x + 1, y]
    }

    /// Draws one grapheme: its base and the zero-width marks that follow it (at most what a
    /// curses cell holds). Where the terminal's width for the base differs from the grid's,
    /// the cell is padded or replaced so the columns to its right never shift.
    private func put(_ cell: Cell, wide: Bool, x: Int, y: Int) {
        let look = looks[cell.role] ?? (chorus_a_normal(), 0)
        let grapheme = asciiOnly ? ASCIIFallback.character(for: cell.grapheme) : cell.grapheme
        var scalars = Array(grapheme.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        let terminalWidth = Int(chorus_wcwidth(scalars[0]))
        if terminalWidth < 1 || terminalWidth > (wide ? 2 : 1) {
            scalars = [wchar_t(0x3F)]  // "?" keeps alignment for what the terminal cannot draw
        } else {
            let marks = scalars.dropFirst().filter { chorus_wcwidth($0) == 0 && $0 != 0x200D }
            scalars = [scalars[0]] + marks.prefix(Int(CCHARW_MAX) - 2)
        }
        scalars.append(0)
        var character = cchar_t()
        setcchar(&character, scalars, look.attributes, look.pair, nil)
        mvwadd_wch(chorus_stdscr(), Int32(y), Int32(x), &character)
        if wide, Int(chorus_wcwidth(scalars[0])) != 2 {
            var blank = cchar_t()
            setcchar(&blank, [wchar_t(0x20), 0], look.attributes, look.pair, nil)
            mvwadd_wch(chorus_stdscr(), Int32(y), Int32(x + 1), &blank)
        }
    }

    private static func number(_ color: ThemeColor) -> Int16 {
        switch color {
        case .terminalDefault: -1
        case .index(let index): Int16(index)
        }
    }
}
