/// Text that differs on every row (an order's customer e-mail), kept as a range of a block of
/// bytes that many rows share: sixteen bytes inline, as an optional `String`, but no heap block
/// of its own. A 26-byte e-mail as a `String` is an 80-byte allocation (header, count, malloc's
/// rounding), and a million orders hold a million of them; here it is its 26 bytes in a block.
///
/// Reading it builds a `String` (for text over fifteen bytes, an allocation), so it suits text
/// that is stored far more than it is read. Compares and hashes as the optional `String` it
/// stands for, Unicode equivalence included. Bytes in a block never change once written, so
/// values that share one can be read from any thread.
public struct PackedText: Hashable, @unchecked Sendable {
    // @unchecked: `ManagedBuffer` cannot be `Sendable`; a block's bytes are written once,
    // before any `PackedText` refers to them.
    private var block: TextBlock?
    private var start: UInt32
    private var length: UInt32

    public init(_ text: String?) {
        guard let text else {
            (block, start, length) = (nil, 0, 0)
            return
        }
        var builder = Builder(blockSize: text.utf8.count)
        self = builder.add(text)
    }

    private init(block: TextBlock, start: Int, length: Int) {
        self.block = block
        self.start = UInt32(start)
        self.length = UInt32(length)
    }

    public var string: String? {
        withUTF8 { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the text's UTF-8 bytes, or nil for no text, without making a `String`
    /// (for text over fifteen bytes, an allocation): what a writer of a million rows wants.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>?) throws -> Result) rethrows -> Result {
        guard let block else { return try body(nil) }
        return try block.withUnsafeMutablePointerToElements { try body(UnsafeBufferPointer(start: $0 + Int(start), count: Int(length))) }
    }

    /// Equal bytes are equal text; different ASCII bytes never are; anything else is compared as
    /// `String` compares (a precomposed and a decomposed "é" are equal).
    public static func == (lhs: PackedText, rhs: PackedText) -> Bool {
        let (same, ascii) = lhs.withUTF8 { leftBytes in
            rhs.withUTF8 { rightBytes -> (Bool, Bool) in
                guard let leftBytes, let rightBytes else { return (leftBytes == nil && rightBytes == nil, true) }
                return (leftBytes.elementsEqual(rightBytes), leftBytes.allSatisfy { $0 < 0x80 } && rightBytes.allSatisfy { $0 < 0x80 })
            }
        }
        return same || (!ascii && lhs.string == rhs.string)
    }

    /// As the optional `String` hashes, so that text equal as `String`s hashes alike.
    public func hash(into hasher: inout Hasher) { hasher.combine(string) }

    /// Appends the text of many rows to shared blocks, as a snapshot's decoder reads them: one
    /// builder per thread.
    public struct Builder {
        private var block: TextBlock?
        private let blockSize: Int

        /// `blockSize`: bytes per block. 64 KB by default, so a block's unused tail is small beside
        /// the chunk of a big file one decoder reads, and its header counts for nothing.
        public init(blockSize: Int = 65_536) {
            self.blockSize = blockSize
        }

        public mutating func add(_ text: String) -> PackedText {
            var text = text
            return text.withUTF8 { add(utf8: $0) }
        }

        /// Text from bytes already known to be UTF-8 (a field the CSV reader checked), without
        /// a `String` made of them first.
        public mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) -> PackedText {
            if block == nil || block!.capacity - block!.count < bytes.count {
                block = TextBlock.make(capacity: Swift.max(blockSize, bytes.count))
            }
            let start = block!.append(bytes)
            return PackedText(block: block!, start: start, length: bytes.count)
        }

        public mutating func add(_ text: String?) -> PackedText {
            guard let text else { return PackedText(nil) }
            return add(text)
        }
    }
}

/// Bytes in one allocation (a count, then the bytes), appended to by one builder and only read
/// once a `PackedText` refers to them.
final class TextBlock: ManagedBuffer<Int, UInt8> {
    static func make(capacity: Int) -> TextBlock {
        unsafeDowncast(create(minimumCapacity: Swift.max(capacity, 1)) { _ in 0 }, to: TextBlock.self)
    }

    var count: Int { header }

    /// Copies `bytes` after the last ones; returns where they start.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeMutablePointers { count, storage in
            precondition(count.pointee + bytes.count <= capacity, "appending past a block of text's end")
            let start = count.pointee
            if let base = bytes.baseAddress { (storage + start).initialize(from: base, count: bytes.count) }
            count.pointee += bytes.count
            return start
        }
    }
}
