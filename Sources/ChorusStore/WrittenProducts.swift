import ChorusCore

/// Each product's SKU and name as an order line writes them, kept while one piece of the
/// orders file is written: a million orders' lines name a few dozen products, and building
/// every line and escaping both texts again was a third of encoding the orders. Lines say
/// which product they name by its place in the block of lines they share with other orders
/// (see `OrderLines.ProductPlace`); the memo holds one block's products at a time, and the
/// orders of a piece are mostly read from one block after another.
struct WrittenProducts {
    private var block: ObjectIdentifier?
    /// Where each product's bytes are in `bytes`, by its place in the block.
    private var spans: [Range<Int>?] = []
    private var bytes: [UInt8] = []

    /// Writes the SKU and name of the product at `place` as they were written before in this
    /// piece; false, writing nothing, when they were not.
    func rewrite(_ place: OrderLines.ProductPlace, to writer: inout JSONWriter) -> Bool {
        guard place.block == block, place.index < spans.count, let span = spans[place.index] else { return false }
        bytes.withUnsafeBufferPointer { writer.value(encoded: UnsafeBufferPointer(rebasing: $0[span])) }
        return true
    }

    /// Keeps what was just written for the product at `place`.
    mutating func keep(_ written: ArraySlice<UInt8>, for place: OrderLines.ProductPlace) {
        if place.block != block {
            block = place.block
            spans.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
        }
        if spans.count <= place.index { spans.append(contentsOf: repeatElement(nil, count: place.index + 1 - spans.count)) }
        spans[place.index] = bytes.count..<bytes.count + written.count
        bytes.append(contentsOf: written)
    }
}
