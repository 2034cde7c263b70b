/// Each referral's six fields as an order writes them, kept while one piece of the orders file
/// is written, by the box that the orders with that referral share (`OrderReferral.sharedFields`):
/// a piece's twenty thousand orders name a few hundred referrals, and escaping six strings
/// again for every order was a sixth of encoding it. One slot per box, found by its address;
/// a box that lands on a taken slot is written in full and takes it. The boxes named are alive
/// while the piece is written, since its orders hold them.
struct WrittenReferrals {
    private var slots = [(box: ObjectIdentifier?, span: Range<Int>)](repeating: (nil, 0..<0), count: 1_024)
    private var bytes: [UInt8] = []
    /// Past this many bytes kept, the memo starts again empty: a piece whose referrals are all
    /// different (a slot taken over strands the bytes it named) holds no more than this.
    private static let byteLimit = 256 << 10

    private static func slot(of box: ObjectIdentifier) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: box) >> 4) & 1_023
    }

    /// Writes the six fields of the referral in `box` as they were written before in this piece;
    /// false, writing nothing, when they were not.
    func rewrite(_ box: ObjectIdentifier, to writer: inout JSONWriter) -> Bool {
        let slot = slots[Self.slot(of: box)]
        guard slot.box == box else { return false }
        bytes.withUnsafeBufferPointer { writer.value(encoded: UnsafeBufferPointer(rebasing: $0[slot.span])) }
        return true
    }

    /// Keeps what was just written for the referral in `box`.
    mutating func keep(_ written: ArraySlice<UInt8>, for box: ObjectIdentifier) {
        if bytes.count + written.count > Self.byteLimit {
            bytes.removeAll(keepingCapacity: true)
            slots = Array(repeating: (nil, 0..<0), count: slots.count)
        }
        slots[Self.slot(of: box)] = (box, bytes.count..<bytes.count + written.count)
        bytes.append(contentsOf: written)
    }
}
