/// A terminal size in columns and rows. Every frame is drawn for one size, so tests can ask
/// for "the Pipeline at 80×24" and get exactly what a person at that terminal sees.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }
}

/// A rectangle of cells that a widget may draw into; widgets never draw outside their rect.
struct Rect: Hashable, Sendable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var maxX: Int { x + width }
    var maxY: Int { y + height }

    /// The rect shrunk by one cell on every side: the inside of a box.
    var inset: Rect { Rect(x: x + 1, y: y + 1, width: max(0, width - 2), height: max(0, height - 2)) }
}
