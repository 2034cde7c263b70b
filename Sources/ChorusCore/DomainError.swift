/// A refusal a person can act on: it names the thing and says why, e.g.
/// "shipment SH-0042 cannot be marked delivered: it has not been shipped".
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
