import ChorusCore

/// What a key asks of the world beyond `UIState`. `update` stays a pure function of state and
/// key; the `Console` carries effects out against the session and reports back in the state.
enum Effect: Hashable, Sendable {
    /// A domain change; on success it goes on the undo stack and the marks are cleared.
    case perform(Command)
    case undo
    case redo
    case useTheme(String)
    case nextTheme
}
