/// A colour as a terminal understands it: the terminal's own default, or one of the 256
/// indexed colours. Theme files may also say `"#5fafff"` or `"brightBlue"`; both become an
/// index here, because that is all ncurses can show.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background, so Chorus sits on the user's background.
    case terminalDefault
    case index(UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `"default"`, an ANSI name (`"red"`, `"brightRed"`), `"#rrggbb"`, or nil if unknown.
    init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: lowered) {
            self = .index(UInt8(index))
        } else if lowered.hasPrefix("bright"), let index = Self.names.firstIndex(of: String(lowered.dropFirst(6))) {
            self = .index(UInt8(index + 8))
        } else if lowered == "gray" || lowered == "grey" {
            self = .index(8)
        } else if lowered.hasPrefix("#"), lowered.count == 7, let rgb = UInt32(lowered.dropFirst(), radix: 16) {
            self = .index(Self.nearestIndex(red: Int(rgb >> 16 & 0xFF), green: Int(rgb >> 8 & 0xFF), blue: Int(rgb & 0xFF)))
        } else {
            return nil
        }
    }

    /// The same colour on a terminal that has only `colorCount` colours: 256-colour themes
    /// stay readable on an 8-colour console by taking the nearest basic colour.
    public func downgraded(toColors colorCount: Int) -> ThemeColor {
        guard case .index(let index) = self, Int(index) >= colorCount else { return self }
        if colorCount < 16, index < 16 { return .index(index % 8) }
        let rgb = Self.rgb(of: index)
        // A grey must stay a grey: the nearest basic colour by distance can be yellow.
        if max(rgb.0, rgb.1, rgb.2) - min(rgb.0, rgb.1, rgb.2) < 24 {
            if colorCount >= 16 { return .index(Self.nearest(rgb, among: [0, 8, 7, 15])) }
            return .index(rgb.0 + rgb.1 + rgb.2 > 3 * 128 ? 7 : 0)
        }
        return .index(Self.nearest(rgb, among: Array(0..<(colorCount >= 16 ? 16 : 8))))
    }

    /// The xterm-256 index closest to an RGB colour (the 6×6×6 cube or the grey ramp).
    static func nearestIndex(red: Int, green: Int, blue: Int) -> UInt8 {
        nearest((red, green, blue), among: Array(16..<256))
    }

    private static func nearest(_ rgb: (Int, Int, Int), among candidates: [Int]) -> UInt8 {
        var best = candidates[0]
        var bestDistance = Int.max
        for candidate in candidates {
            let other = Self.rgb(of: UInt8(candidate))
            let distance = (rgb.0 - other.0) * (rgb.0 - other.0) + (rgb.1 - other.1) * (rgb.1 - other.1) + (rgb.2 - other.2) * (rgb.2 - other.2)
            if distance < bestDistance { best = candidate; bestDistance = distance }
        }
        return UInt8(best)
    }

    /// The usual xterm RGB value of an index.
    static func rgb(of index: UInt8) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case 0..<16: return basic[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            let level = { (step: Int) in step == 0 ? 0 : 55 + step * 40 }
            return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        default:
            let grey = 8 + (Int(index) - 232) * 10
            return (grey, grey, grey)
        }
    }
}
