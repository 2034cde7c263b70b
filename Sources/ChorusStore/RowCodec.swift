import ChorusCore

/// How one collection's rows are written to and read from its snapshot file.
///
/// Each row is one line. The big collections (creators, enrollments, orders, survey responses)
/// have hand-written codecs that write a row as a JSON array in the order of `columns` and read
/// it back with `JSONReader`, which is what makes a million-order workspace open in well under a
/// second. The small collections are written as one `Codable` JSON object per line instead
/// (see `CollectionFile`).
protocol RowCodec: Sendable {
    associatedtype Row: Sendable
    /// The collection's name, used for its file and in its header.
    static var collection: String { get }
    /// The row layout as JSON text (nested layouts as `{"name":[...]}`), written in the file's
    /// header and checked on read; nil when rows are self-describing objects.
    static var columns: String? { get }
    /// Layouts older builds wrote, each `columns` without the fields added since (always at the
    /// end of a row, read only when present), so a workspace saved before still opens.
    static var earlierColumns: [String] { get }
    static func write(_ row: Row, to writer: inout JSONWriter, currency: Currency)
    /// What writing a row leaves for the next rows of the same piece of a file, which are
    /// written one after another on one thread (see `CollectionFile.write`).
    associatedtype WritingMemo: RowWritingMemo = NoWritingMemo
    /// `write(_:to:currency:)`, with what earlier rows of the piece left in `memo`.
    static func write(_ row: Row, to writer: inout JSONWriter, currency: Currency, memo: inout WritingMemo)
    static func read(from reader: inout JSONReader, currency: Currency) throws -> Row
    /// `read(from:currency:)` into `slot`, uninitialized memory, which holds the row only if this
    /// returns: a decoded file's rows are read where the result keeps them.
    static func read(from reader: inout JSONReader, currency: Currency, into slot: UnsafeMutablePointer<Row>) throws
}

/// What a codec keeps from row to row while it writes a piece of a file; made empty per piece.
/// It may know values by the identity of their storage, which holds while the piece's rows are
/// alive (see `CollectionFile.write(_:as:rowsPerPiece:writingRow:to:)`).
protocol RowWritingMemo {
    init()
}

/// The memo of a codec that writes each row on its own.
struct NoWritingMemo: RowWritingMemo {}

extension RowCodec where WritingMemo == NoWritingMemo {
    static func write(_ row: Row, to writer: inout JSONWriter, currency: Currency, memo: inout NoWritingMemo) {
        write(row, to: &writer, currency: currency)
    }
}

extension RowCodec {
    static var earlierColumns: [String] { [] }

    static func read(from reader: inout JSONReader, currency: Currency, into slot: UnsafeMutablePointer<Row>) throws {
        slot.initialize(to: try read(from: &reader, currency: currency))
    }
}
