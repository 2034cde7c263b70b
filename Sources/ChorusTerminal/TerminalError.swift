/// Why the console could not take over the terminal, in words for the person who ran it.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
