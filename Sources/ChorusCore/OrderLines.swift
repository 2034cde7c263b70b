/// An order's line items: a range of a block that holds the lines of many orders.
///
/// As `[OrderLine]`, every order had its own heap array (a 32-byte header plus the lines, 112
/// bytes and more per order once malloc rounds it). A snapshot's decoder instead appends the
/// lines of thousands of orders to one block (`Builder`), and each order keeps a reference and
/// a range: sixteen bytes. Reads like an array (`for line in order.lines`, `lines[0]`,
/// `lines.count`), compares, hashes and encodes as one, and an array literal or an
/// `[OrderLine]` makes one.
///
/// Lines in a block never change once written, so orders that share a block can be read from
/// any thread. `append` copies this order's lines to a block of its own unless it already owns
/// the block alone, so changing one order's lines never changes another's.
public struct OrderLines: RandomAccessCollection, Hashable, @unchecked Sendable, Codable, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    // @unchecked: `ManagedBuffer` cannot be `Sendable`; what makes a shared block safe to read
    // from any thread is that lines are never written once an `OrderLines` refers to them.
    private(set) var block: OrderLineBlock?
    private var start: UInt32
    private var length: UInt32

    public init() {
        block = nil
        start = 0
        length = 0
    }

    public init(_ lines: some Collection<OrderLine>) {
        self.init()
        guard !lines.isEmpty else { return }
        let block = OrderLineBlock.make(capacity: lines.count)
        for line in lines { block.append(line) }
        self.init(block: block, range: 0..<lines.count)
    }

    public init(arrayLiteral lines: OrderLine...) { self.init(lines) }

    fileprivate init(block: OrderLineBlock, range: Range<Int>) {
        self.block = block
        start = UInt32(range.lowerBound)
        length = UInt32(range.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(length) }

    public subscript(position: Int) -> OrderLine {
        precondition(position >= 0 && position < Int(length), "line \(position) of an order with \(length)")
        return block!.line(at: Int(start) + position)
    }

    /// Line `position` as its block keeps it: where its SKU, name and currency are (the same
    /// place for every line of that product in the block), its quantity and its price. Writing
    /// a million orders' lines, a writer keeps what it made of each product by its place and
    /// builds no `OrderLine` (nor escapes its text) for the lines after a product's first.
    public func packedLine(at position: Int) -> (product: ProductPlace, quantity: Int, price: Money) {
        precondition(position >= 0 && position < Int(length), "line \(position) of an order with \(length)")
        let block = block!
        let (product, quantity, price) = block.packedLine(at: Int(start) + position)
        return (ProductPlace(block: ObjectIdentifier(block), index: product), quantity, price)
    }

    /// Where a block keeps a product's SKU, name and currency: equal places, equal products,
    /// for as long as an order refers to the block.
    public struct ProductPlace: Equatable, Sendable {
        public let block: ObjectIdentifier
        public let index: Int
    }

    public mutating func append(_ line: OrderLine) {
        let end = Int(start) + Int(length)
        // Checked before binding `block`, which would be a second reference.
        if isKnownUniquelyReferenced(&block), let block, block.count == end, end < block.capacity {
            block.append(line)
            length += 1
        } else {
            // Doubling, as an array grows: an importer appends an order's lines one by one.
            let copy = OrderLineBlock.make(capacity: Swift.max(1, 2 * Int(length)))
            for existing in self { copy.append(existing) }
            copy.append(line)
            self = OrderLines(block: copy, range: 0..<Int(length) + 1)
        }
    }

    public static func == (lhs: OrderLines, rhs: OrderLines) -> Bool {
        (lhs.block === rhs.block && lhs.start == rhs.start && lhs.length == rhs.length) || lhs.elementsEqual(rhs)
    }

    /// As `Array` hashes: the count, then each line.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for line in self { hasher.combine(line) }
    }

    /// As `[OrderLine]` decodes, so journals written before read unchanged.
    public init(from decoder: Decoder) throws {
        self.init(try [OrderLine](from: decoder))
    }

    /// As `[OrderLine]` encodes, so the journal's bytes do not change.
    public func encode(to encoder: Encoder) throws {
        try Array(self).encode(to: encoder)
    }

    public var description: String { Array(self).description }

    /// Appends the lines of many orders, one after another, to shared blocks: what a snapshot's
    /// decoder uses, one builder per thread. Lines of orders not yet taken stay private to it;
    /// a reader stops at its first bad row, so a failed order's lines never join the next one.
    public struct Builder {
        private var block: OrderLineBlock?
        private var orderStart = 0
        /// Where each product is in the current block's table.
        private var products: [OrderLineBlock.Product: Int] = [:]
        /// The identity of the product last found per slot of a key that costs no hashing
        /// (`recentSlot`), with its place in the current block's table, tried before `products`:
        /// hashing every line's SKU and name for the table was a tenth of reading an order, and
        /// comparing them as text (the slot's product copied out to do it) a twentieth. An
        /// import reads each product's text once and shares it (see `FieldCache`), so its lines
        /// have the identity the table's product has. A slot shared by two products, or a
        /// product read into new strings, only sends the line to the table.
        private var recent = [(product: OrderLineBlock.Identity, position: Int)](repeating: (.none, -1), count: 64)
        /// Lines per block: 64 KB of packed lines, so a block's unused tail is small beside a
        /// chunk of a big file, and few enough blocks that their product tables do not count.
        private static let blockCapacity = 4_096

        public init() {}

        /// Adds a line to the order being read.
        public mutating func append(_ line: OrderLine) {
            if block == nil || block!.count == block!.capacity {
                let previous = block
                let pending = previous.map { orderStart..<$0.count } ?? 0..<0
                block = OrderLineBlock.make(capacity: Swift.max(Self.blockCapacity, 2 * (pending.count + 1)))
                products = [:]
                recent = Array(repeating: (.none, -1), count: recent.count)
                orderStart = 0
                for index in pending { add(previous!.line(at: index)) }
            }
            add(line)
        }

        private mutating func add(_ line: OrderLine) {
            let slot = Self.recentSlot(of: line)
            let position: Int
            if recent[slot].product == OrderLineBlock.Identity(of: line) {
                position = recent[slot].position
            } else {
                let product = OrderLineBlock.product(of: line)
                // The identity kept is that of the product in the table, whose strings the table
                // keeps alive for as long as the slot is used (both are emptied with the block).
                if let known = products.index(forKey: product) {
                    position = products[known].value
                    recent[slot] = (OrderLineBlock.Identity(of: products[known].key), position)
                } else {
                    position = block!.addProduct(product)
                    products[product] = position
                    recent[slot] = (OrderLineBlock.Identity(of: product), position)
                }
            }
            block!.append(line, product: position)
        }

        /// A slot of `recent` from what a line has at hand without reading its text:
        /// its name's and SKU's lengths and its price, which set a shop's few dozen products apart.
        private static func recentSlot(of line: OrderLine) -> Int {
            let key = line.name.utf8.count &* 31 &+ (line.sku?.utf8.count ?? 0) &* 7 &+ Int(truncatingIfNeeded: line.price.minorUnits)
            return key & 63
        }

        /// The lines appended since the last call, as the order being read keeps them.
        public mutating func takeOrder() -> OrderLines {
            guard let block, block.count > orderStart else { return OrderLines() }
            defer { orderStart = block.count }
            return OrderLines(block: block, range: orderStart..<block.count)
        }
    }
}
