/// One immutable value on the heap, so the struct holding it stores a single reference: for an
/// order's fields that are nil on nearly every order (`original`) or the same on thousands of
/// them (`OrderReferral`), where eight bytes inline beat the value's full size on every row.
/// Compares and hashes by value, so holders keep the equality they had with the value inline.
final class Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: Boxed, rhs: Boxed) -> Bool { lhs === rhs || lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}
