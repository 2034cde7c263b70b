import Foundation

/// The lines of many orders in one allocation, sixteen bytes a line: a line is a product (its
/// SKU, name and currency, kept once per block in `products`), a quantity and a price in minor
/// units. A million orders' one and a half million lines were 56 bytes each as `OrderLine`s,
/// yet name a few dozen products; reading a line back builds the `OrderLine` from its product
/// (the strings are shared, not copied).
///
/// Appended to by one owner and read by all: a line and its product are written once, before
/// any `OrderLines` refers to them, and never again. Only the builder or the sole owner appends
/// (see `OrderLines.append`).
final class OrderLineBlock: ManagedBuffer<OrderLineBlock.Header, OrderLineBlock.PackedLine> {
    struct Header {
        var count = 0
        var products: [Product] = []
    }

    /// What lines of a block repeat. A quantity that does not fit the packed line's 32 bits is
    /// kept here instead (`outsizedQuantity`), so any `Int` still reads back as written.
    struct Product: Hashable {
        var sku: String?
        var name: String
        var currency: Currency
        var outsizedQuantity: Int?

        /// Byte for byte: `String`'s `==` takes "Café" with a composed "é" and with a combining
        /// accent to be the same, and a line must read back with its own bytes, whichever
        /// order in the block named the product first.
        static func == (lhs: Product, rhs: Product) -> Bool {
            lhs.currency == rhs.currency && lhs.outsizedQuantity == rhs.outsizedQuantity
                && sameBytes(lhs.name, rhs.name) && sameBytes(lhs.sku, rhs.sku)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(currency)
            hasher.combine(outsizedQuantity)
            Self.hashBytes(name, into: &hasher)
            if let sku { Self.hashBytes(sku, into: &hasher) } else { hasher.combine(0xFF as UInt8) }
        }

        private static func sameBytes(_ lhs: String?, _ rhs: String?) -> Bool {
            guard var lhs, var rhs else { return lhs == nil && rhs == nil }
            // Text read from the same bytes of a file shares storage: mostly a pointer comparison.
            return lhs.withUTF8 { left in
                rhs.withUTF8 { right in
                    left.count == right.count
                        && (left.baseAddress == right.baseAddress || left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
                }
            }
        }

        private static func hashBytes(_ text: String, into hasher: inout Hasher) {
            var text = text
            hasher.combine(text.utf8.count)
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// A product's text by identity rather than by its bytes: the bits of its SKU and name (a
    /// small string's bytes, or a big one's length and storage), with its currency and any
    /// outsized quantity. Equal identities are equal products; unequal ones may still be equal
    /// (the same text in two strings). Only meaningful while the strings it was taken from are
    /// alive, so that their storage is not reused by other text.
    struct Identity: Equatable {
        private var name: (low: UInt64, high: UInt64)
        private var sku: (low: UInt64, high: UInt64)
        private var currency: Currency
        private var outsizedQuantity: Int?

        /// Nothing's identity: no product has it.
        static let none = Identity(name: (0, 0), sku: (0, 0), currency: Currency("XXX"), outsizedQuantity: nil)

        private init(name: (low: UInt64, high: UInt64), sku: (low: UInt64, high: UInt64), currency: Currency, outsizedQuantity: Int?) {
            (self.name, self.sku, self.currency, self.outsizedQuantity) = (name, sku, currency, outsizedQuantity)
        }

        init(of product: Product) {
            self.init(name: Self.bits(product.name), sku: product.sku.map(Self.bits) ?? (0, 0), currency: product.currency,
                      outsizedQuantity: product.outsizedQuantity)
        }

        /// The identity of the product `line` names (see `OrderLineBlock.product(of:)`).
        init(of line: OrderLine) {
            self.init(name: Self.bits(line.name), sku: line.sku.map(Self.bits) ?? (0, 0), currency: line.price.currency,
                      outsizedQuantity: Int32(exactly: line.quantity) == nil ? line.quantity : nil)
        }

        /// No `String` is all zero bits (an empty one has its flags set), so zeros stand for nil.
        /// A `String` is 16 bytes on the 64-bit platforms Chorus builds for; elsewhere the cast traps.
        private static func bits(_ text: String) -> (low: UInt64, high: UInt64) {
            unsafeBitCast(text, to: (low: UInt64, high: UInt64).self)
        }

        static func == (lhs: Identity, rhs: Identity) -> Bool {
            lhs.name == rhs.name && lhs.sku == rhs.sku && lhs.currency == rhs.currency && lhs.outsizedQuantity == rhs.outsizedQuantity
        }
    }

    struct PackedLine {
        var product: UInt32
        var quantity: Int32
        var price: Int64
    }

    static func make(capacity: Int) -> OrderLineBlock {
        unsafeDowncast(create(minimumCapacity: capacity) { _ in Header() }, to: OrderLineBlock.self)
    }

    var count: Int { header.count }

    func line(at index: Int) -> OrderLine {
        withUnsafeMutablePointers { header, lines in
            let packed = lines[index]
            let product = header.pointee.products[Int(packed.product)]
            return OrderLine(sku: product.sku, name: product.name, quantity: product.outsizedQuantity ?? Int(packed.quantity),
                             price: Money(minorUnits: packed.price, currency: product.currency))
        }
    }

    /// Line `index`'s product (its place in `products`), quantity and price, without reading the
    /// product's text.
    func packedLine(at index: Int) -> (product: Int, quantity: Int, price: Money) {
        withUnsafeMutablePointers { header, lines in
            let packed = lines[index]
            let product = Int(packed.product)
            return header.pointee.products.withUnsafeBufferPointer { products in
                (product, products[product].outsizedQuantity ?? Int(packed.quantity),
                 Money(minorUnits: packed.price, currency: products[product].currency))
            }
        }
    }

    /// The product a line names, as this block keeps it: the key `append(_:product:)` takes.
    static func product(of line: OrderLine) -> Product {
        Product(sku: line.sku, name: line.name, currency: line.price.currency,
                outsizedQuantity: Int32(exactly: line.quantity) == nil ? line.quantity : nil)
    }

    /// Appends `line`, finding its product among the block's last few (an order's lines, or a
    /// copied order's): a product kept twice only costs a table entry, never a different line.
    func append(_ line: OrderLine) {
        let product = Self.product(of: line)
        let products = header.products
        let recent = products.indices.suffix(8).last { products[$0] == product }
        append(line, product: recent ?? addProduct(product))
    }

    /// Adds a product to the table; returns its position, for `append(_:product:)`.
    func addProduct(_ product: Product) -> Int {
        withUnsafeMutablePointerToHeader { header in
            precondition(header.pointee.products.count < Int(UInt32.max), "too many products in a block of order lines")
            header.pointee.products.append(product)
            return header.pointee.products.count - 1
        }
    }

    /// Appends `line`, whose product is `product` in this block's table.
    func append(_ line: OrderLine, product: Int) {
        precondition(header.count < capacity, "appending to a full block of order lines")
        withUnsafeMutablePointers { header, lines in
            (lines + header.pointee.count).initialize(to: PackedLine(product: UInt32(product), quantity: Int32(truncatingIfNeeded: line.quantity),
                                                                     price: line.price.minorUnits))
            header.pointee.count += 1
        }
    }
}
