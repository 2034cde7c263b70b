/// A row's fields kept in one heap object shared by copies until one of them changes (the
/// standard library's copy-on-write, for a struct of our own), so the row is eight bytes in
/// its table. Work on another thread holds a copy of the workspace for seconds (attribution,
/// the ledger, a snapshot being written), and the console's next change then copies the table
/// it changes whole: a million creators held inline (416 bytes and some twenty references
/// each) took 400–500 ms, a key frozen; a million references take tens of milliseconds.
/// Compares and hashes by value, so holders keep the equality they had with the fields inline.
@usableFromInline struct CopyOnWrite<Fields: Hashable & Sendable>: Hashable, @unchecked Sendable {
    // Sendable: the box is only written through `fields`, which copies it first unless no
    // other copy holds it.
    @usableFromInline var box: Box

    @usableFromInline final class Box {
        // Unchecked: read by every scan over a million rows and written only by the one holder
        // that owns it, so a run-time exclusivity check on each read buys nothing.
        @exclusivity(unchecked) @usableFromInline var fields: Fields
        @inlinable init(_ fields: Fields) { self.fields = fields }
    }

    @inlinable init(_ fields: Fields) { box = Box(fields) }

    @inlinable var fields: Fields {
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    @inlinable static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }

    @inlinable func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }
}
