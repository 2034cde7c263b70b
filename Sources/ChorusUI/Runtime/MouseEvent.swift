/// What the mouse did, where: a left click or a wheel turn at a screen cell (0-based column
/// and row), as the terminal layer decodes it. Other buttons, drags and releases are not
/// passed on; the console only selects and scrolls with the mouse.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    var label: String {
        switch kind {
        case .click: "click"
        case .wheelUp: "wheel up"
        case .wheelDown: "wheel down"
        }
    }
}
