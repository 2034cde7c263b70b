import ChorusConcurrency
import ChorusCore
import Foundation

/// One collection's snapshot file: valid JSON, one row per line, so it reads in a text editor
/// and diffs row by row:
///
///     {"collection":"orders","columns":["id","email",…],"rows":[
///     ["#1001","a@b.com",…],
///     ["#1002",null,…]
///     ]}
///
/// Big collections are rows in `columns` order (see `RowCodec`); small ones are one `Codable`
/// object per line and have no `columns`. Big files are encoded and decoded in parallel chunks
/// split at line boundaries, and read a window at a time (see `CollectionFile+Windows.swift`).
enum CollectionFile {
    static let firstRowSeparator: StaticString = "\n"
    static let rowSeparator: StaticString = ",\n"
    static let footer: StaticString = "\n]}\n"
    private static let emptyFooter: StaticString = "]}\n"
    /// Below this many rows a chunk is not worth a thread.
    static let rowsPerChunk = 20_000

    // MARK: Writing

    static func encode<Codec: RowCodec>(_ rows: [Codec.Row], as codec: Codec.Type, currency: Currency) -> [UInt8] {
        var parts: [[UInt8]] = []
        write(rows, as: codec, currency: currency) { parts.append($0) }
        return assemble(parts: &parts)
    }

    /// The file `encode` makes, handed to `write` in pieces as they are made: the orders file
    /// of a snapshot is a few hundred megabytes, and holding it whole was a big import's peak
    /// memory.
    static func write<Codec: RowCodec, Failure: Error>(_ rows: [Codec.Row], as codec: Codec.Type, currency: Currency,
                                                       rowsPerPiece: Int = rowsPerChunk, from first: Int = 0,
                                                       to write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        // Rows are lent to the codec through the buffer: read through the array, each of a
        // million orders was copied (a retain per field) and destroyed after it was written.
        try rows.withUnsafeBufferPointer { (rows) throws(Failure) in
            try self.write(rows.count, as: codec, rowsPerPiece: rowsPerPiece, from: first, writingRow: { index, writer, memo in
                Codec.write(rows[index], to: &writer, currency: currency, memo: &memo)
            }, to: write)
        }
    }

    /// `write` for a table's rows: a table kept in pieces (creators, enrollments) is written
    /// piece by piece, each row lent to the codec in place, rather than copied into one array
    /// first (a retain per row, on the thread writing a snapshot beside the console).
    static func write<Codec: RowCodec, Failure: Error>(_ table: EntityTable<Codec.Row>, as codec: Codec.Type, currency: Currency,
                                                       from first: Int = 0,
                                                       to write: ([UInt8]) throws(Failure) -> Void) throws(Failure) where Codec.Row: TableKeyed {
        guard Codec.Row.isKeptInPieces else { return try self.write(table.rows, as: codec, currency: currency, from: first, to: write) }
        try self.write(table.count, as: codec, from: first, writingRow: { index, writer, memo in
            Codec.write(table[index], to: &writer, currency: currency, memo: &memo)
        }, to: write)
    }

    /// The file of `count` rows of `codec`'s columns, row `index` written by `writingRow`: for
    /// rows made from parallel arrays (kept attribution's decisions and figures), which need
    /// not be zipped into a third array first. A codec's memo knows values by their storage's
    /// identity, so rows handed to it must stay alive until their piece is written: a row made
    /// for the call and freed may leave its address to another row's different values.
    /// From `first`, only the rows from there on and the footer: the rest of a file whose bytes
    /// before them were copied from another (`HeldRows`).
    static func write<Codec: RowCodec, Failure: Error>(_ count: Int, as codec: Codec.Type, rowsPerPiece: Int = rowsPerChunk, from first: Int = 0,
                                                       writingRow: (Int, inout JSONWriter, inout Codec.WritingMemo) -> Void,
                                                       to write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        if first == 0 { try write(header(Codec.collection, columns: Codec.columns) + firstRowSeparator.bytes) }
        let pieces = (count - first + rowsPerPiece - 1) / rowsPerPiece
        try Parallel.writePieces(pieces, making: { piece, bytes in
            let range = (first + piece * rowsPerPiece)..<min(first + (piece + 1) * rowsPerPiece, count)
            var writer = JSONWriter(reusing: &bytes, capacity: range.count * 160 + 2)
            var memo = Codec.WritingMemo()
            for index in range {
                if index > 0 { writer.raw(rowSeparator) }
                writingRow(index, &writer, &memo)
            }
            bytes = writer.bytes
        }, to: write)
        try write(count == 0 ? emptyFooter.bytes : footer.bytes)
    }

    static func encodeCodable<Row: Encodable>(_ rows: [Row], collection: String) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var parts = [header(collection, columns: nil) + firstRowSeparator.bytes]
        for (index, row) in rows.enumerated() { parts.append((index > 0 ? rowSeparator.bytes : []) + [UInt8](try encoder.encode(row))) }
        parts.append(rows.isEmpty ? emptyFooter.bytes : footer.bytes)
        return assemble(parts: &parts)
    }

    static func header(_ collection: String, columns: String?) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw(#"{"collection":"#)
        writer.string(collection)
        if let columns { writer.raw(#","columns":"#); writer.value(encoded: columns.utf8) }
        writer.raw(#","rows":["#)
        return writer.bytes
    }

    /// Joins the parts, emptying each once copied: the orders file is a few hundred megabytes,
    /// and holding it twice would raise a big import's peak memory by as much.
    private static func assemble(parts: inout [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for index in parts.indices {
            bytes.append(contentsOf: parts[index])
            parts[index] = []
        }
        return bytes
    }

    // MARK: Reading

    static func decodeCodable<Row: Decodable>(_ bytes: [UInt8], as type: Row.Type, collection: String,
                                              expectedRows: Int, file: String) throws -> [Row] {
        let region = try bytes.withUnsafeBytes { buffer in
            do { return try rowsRegion(buffer, collection: collection, columns: nil) } catch let error as JSONReadError {
                throw StoreError(.corrupt, file: file, line: line(of: error.offset, in: buffer), error.message)
            }
        }
        var array = [UInt8(ascii: "[")]
        array.append(contentsOf: bytes[region])
        array.append(UInt8(ascii: "]"))
        let rows: [Row]
        do {
            rows = try JSONDecoder().decode([Row].self, from: Data(array))
        } catch {
            throw locateCodableFailure(bytes, region, type, file: file, fallback: error)
        }
        try checkCount(rows.count, expectedRows, file: file)
        return rows
    }

    /// Reads the header and returns the byte range between the rows' `[` and `]`.
    private static func rowsRegion(_ buffer: UnsafeRawBufferPointer, collection: String, columns: String?) throws -> Range<Int> {
        let start = try rowsStart(buffer, collection: collection, columns: columns)
        return start..<(try rowsEnd(buffer, after: start))
    }

    /// Reads the header (the collection's name and, for row codecs, its columns) and returns
    /// where the rows begin, just after their `[`.
    static func rowsStart(_ buffer: UnsafeRawBufferPointer, collection: String, columns: String?,
                          earlier: [String] = []) throws -> Int {
        var reader = JSONReader(buffer, range: 0..<buffer.count)
        try reader.beginObject("header")
        try reader.key("collection")
        let nameOffset = reader.position
        let name = try reader.string("collection")
        guard name == collection else {
            throw JSONReadError(offset: nameOffset, message: "this file holds \"\(name)\", expected \"\(collection)\"")
        }
        if let columns {
            try reader.key("columns")
            let found = try reader.skipValue("columns")
            guard ([columns] + earlier).contains(where: { buffer[found].elementsEqual($0.utf8) }) else {
                throw JSONReadError(offset: found.lowerBound, message: "the columns are not the ones this build reads: expected \(columns)")
            }
        }
        try reader.key("rows")
        try reader.beginArray("rows")
        return reader.position
    }

    /// Checks that `buffer`, the end of the file, closes the rows with `]}` and returns where the
    /// `]` is: a file cut short is refused as such, whatever its last row looks like.
    static func rowsEnd(_ buffer: UnsafeRawBufferPointer, after start: Int) throws -> Int {
        var close = buffer.count
        for expected in [UInt8(ascii: "}"), UInt8(ascii: "]")] {
            close -= 1
            while close >= start, [0x20, 0x0A, 0x0D, 0x09].contains(buffer[close]) { close -= 1 }
            guard close >= start, buffer[close] == expected else {
                throw JSONReadError(offset: buffer.count, message: "the file ends without closing its rows with ]}; it may have been cut short")
            }
        }
        return close
    }

    /// Finds the first row JSONDecoder rejects, so the error can name its line.
    private static func locateCodableFailure<Row: Decodable>(_ bytes: [UInt8], _ region: Range<Int>, _ type: Row.Type,
                                                             file: String, fallback: any Error) -> StoreError {
        bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: region)
            while !reader.isAtEnd() {
                do {
                    let row = try reader.skipValue("row")
                    _ = try JSONDecoder().decode(Row.self, from: Data(bytes[row]))
                } catch let error as JSONReadError {
                    return StoreError(.corrupt, file: file, line: line(of: error.offset, in: buffer), error.message)
                } catch {
                    let offset = reader.position
                    return StoreError(.corrupt, file: file, line: line(of: offset, in: buffer), "this row cannot be read: \(DecodingFailure.describe(error))")
                }
            }
            return StoreError(.corrupt, file: file, "the rows cannot be read: \(DecodingFailure.describe(fallback))")
        }
    }

    static func checkCount(_ found: Int, _ expected: Int, file: String) throws {
        guard found == expected else {
            throw StoreError(.corrupt, file: file, "holds \(found) rows but chorus.json says \(expected); the file may have been cut short or edited")
        }
    }

    static func line(of offset: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        1 + newlines(in: UnsafeRawBufferPointer(rebasing: buffer[0..<min(offset, buffer.count)]))
    }

    /// Line ends are found with `memchr` (vectorised in libc): a byte-by-byte loop over a 200 MB
    /// orders file was a noticeable part of opening it.
    static func newlines(in buffer: UnsafeRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        var index = 0
        while index < buffer.count, let hit = memchr(base + index, 0x0A, buffer.count - index) {
            count += 1
            index = base.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return count
    }
}
