/// Something only the terminal layer can do for a key: put text on the clipboard (an OSC 52
/// sequence to the terminal) or hand a web link to the system opener. The console queues
/// them; the terminal takes them after each key and says in the status bar if it could not.
public enum TerminalRequest: Hashable, Sendable {
    case copy(String)
    /// An `http`/`https` link, already checked by `WebLink`.
    case open(String)
}
