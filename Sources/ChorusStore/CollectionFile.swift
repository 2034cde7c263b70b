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
/// split at line boundaries.
enum CollectionFile {
    private static let firstRowSeparator: StaticString = "\n"
    private static let rowSeparator: StaticString = ",\n"
    private static let footer: StaticString = "\n]}\n"
    /// Below this many rows a chunk is not worth a thread.
    private static let rowsPerChunk = 20_000
    /// Below this many bytes a file is decoded on one thread.
    private static let bytesPerChunk = 1 << 20

    // MARK: Writing

    static func encode<Codec: RowCodec>(_ rows: [Codec.Row], as codec: Codec.Type, currency: Currency) -> [UInt8] {
        let chunks = Parallel.pieceCount(for: rows.count, minimumSize: rowsPerChunk)
        var parts = Parallel.map(chunks) { chunk in
            let range = chunkRange(chunk, of: chunks, count: rows.count)
            var writer = JSONWriter(capacity: range.count * 160)
            for index in range {
                if index > range.lowerBound { writer.raw(rowSeparator) }
                Codec.write(rows[index], to: &writer, currency: currency)
            }
            return writer.bytes
        }
        parts.removeAll { $0.isEmpty }
        return assemble(header: header(Codec.collection, columns: Codec.columns), parts: &parts)
    }

    static func encodeCodable<Row: Encodable>(_ rows: [Row], collection: String) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var parts = try rows.map { [UInt8](try encoder.encode($0)) }
        return assemble(header: header(collection, columns: nil), parts: &parts)
    }

    private static func header(_ collection: String, columns: String?) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw(#"{"collection":"#)
        writer.string(collection)
        if let columns { writer.raw(#","columns":"#); writer.value(encoded: columns.utf8) }
        writer.raw(#","rows":["#)
        return writer.bytes
    }

    /// Joins the parts, emptying each once copied: the orders file is a few hundred megabytes,
    /// and holding it twice would raise a big import's peak memory by as much.
    private static func assemble(header: [UInt8], parts: inout [[UInt8]]) -> [UInt8] {
        var bytes = header
        bytes.reserveCapacity(header.count + parts.reduce(0) { $0 + $1.count + 2 } + 4)
        bytes.append(UInt8(ascii: "\n"))
        for index in parts.indices {
            if index > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
            bytes.append(contentsOf: parts[index])
            parts[index] = []
        }
        if !parts.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\n")])
        return bytes
    }

    private static func chunkRange(_ chunk: Int, of chunks: Int, count: Int) -> Range<Int> {
        (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
    }

    // MARK: Reading

    static func decode<Codec: RowCodec>(_ bytes: [UInt8], as codec: Codec.Type, currency: Currency,
                                        expectedRows: Int, file: String) throws -> [Codec.Row] {
        let rows = try bytes.withUnsafeBytes { buffer -> [Codec.Row] in
            do {
                let region = try rowsRegion(buffer, collection: Codec.collection, columns: Codec.columns, earlier: Codec.earlierColumns)
                let chunks = splitAtRowStarts(buffer, region, pieces: Parallel.pieceCount(for: region.count, minimumSize: bytesPerChunk))
                // Reading the whole region on one thread is the reference: it is what runs when the
                // parallel path gives up (a layout other than one row per line, or any error), so
                // errors always point at the first bad row.
                return try decodeInParallel(buffer, chunks, as: codec, currency: currency)
                    ?? decodeRows(buffer, region, as: codec, currency: currency)
            } catch let error as JSONReadError {
                throw storeError(error, buffer, file: file)
            }
        }
        try checkCount(rows.count, expectedRows, file: file)
        return rows
    }

    static func decodeCodable<Row: Decodable>(_ bytes: [UInt8], as type: Row.Type, collection: String,
                                              expectedRows: Int, file: String) throws -> [Row] {
        let region = try bytes.withUnsafeBytes { buffer in
            do { return try rowsRegion(buffer, collection: collection, columns: nil) } catch let error as JSONReadError {
                throw storeError(error, buffer, file: file)
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
    private static func rowsRegion(_ buffer: UnsafeRawBufferPointer, collection: String, columns: String?,
                                   earlier: [String] = []) throws -> Range<Int> {
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
        var close = buffer.count
        for expected in [UInt8(ascii: "}"), UInt8(ascii: "]")] {
            close -= 1
            while close >= reader.position, [0x20, 0x0A, 0x0D, 0x09].contains(buffer[close]) { close -= 1 }
            guard close >= reader.position, buffer[close] == expected else {
                throw JSONReadError(offset: buffer.count, message: "the file ends without closing its rows with ]}; it may have been cut short")
            }
        }
        return reader.position..<close
    }

    /// Splits the rows region into about `pieces` ranges, each starting at a row: a line that
    /// begins with `[` right after a line that ends with `,`.
    private static func splitAtRowStarts(_ buffer: UnsafeRawBufferPointer, _ region: Range<Int>, pieces: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = region.lowerBound
        for piece in 1..<max(pieces, 1) {
            var cut = max(start, region.lowerBound + region.count * piece / pieces)
            while cut + 2 < region.upperBound,
                  !(buffer[cut] == UInt8(ascii: ",") && buffer[cut + 1] == 0x0A && buffer[cut + 2] == UInt8(ascii: "[")) {
                cut += 1
            }
            guard cut + 2 < region.upperBound else { break }
            ranges.append(start..<cut)
            start = cut + 1
        }
        ranges.append(start..<region.upperBound)
        return ranges
    }

    private static func decodeRows<Codec: RowCodec>(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>,
                                                    as codec: Codec.Type, currency: Currency) throws -> [Codec.Row] {
        var reader = JSONReader(buffer, range: range)
        var rows: [Codec.Row] = []
        while !reader.isAtEnd() { rows.append(try Codec.read(from: &reader, currency: currency)) }
        return rows
    }

    /// Decodes each chunk on its own core straight into its slots of the result, so a million
    /// rows are never copied (and retained and released) a second time to concatenate them.
    /// Rows are counted first by their line starts; returns nil if any chunk fails or does not
    /// hold exactly the rows counted, leaving the error to the one-thread path.
    private static func decodeInParallel<Codec: RowCodec>(_ buffer: UnsafeRawBufferPointer, _ chunks: [Range<Int>],
                                                          as codec: Codec.Type, currency: Currency) -> [Codec.Row]? {
        let counts = Parallel.map(chunks.count) { rowStarts(buffer, chunks[$0]) }
        let total = counts.reduce(0, +)
        var succeeded = true
        let rows = [Codec.Row](unsafeUninitializedCapacity: total) { storage, initialized in
            let base = storage.baseAddress
            let filled = Parallel.map(chunks.count) { chunk -> (count: Int, complete: Bool) in
                let slots = base.map { $0 + counts[0..<chunk].reduce(0, +) }
                var reader = JSONReader(buffer, range: chunks[chunk])
                var count = 0
                while !reader.isAtEnd() {
                    guard count < counts[chunk], let slots, let row = try? Codec.read(from: &reader, currency: currency) else {
                        return (count, false)
                    }
                    (slots + count).initialize(to: row)
                    count += 1
                }
                return (count, count == counts[chunk])
            }
            succeeded = filled.allSatisfy(\.complete)
            if succeeded {
                initialized = total
            } else {
                var start = 0
                for (chunk, outcome) in filled.enumerated() {
                    if let base { (base + start).deinitialize(count: outcome.count) }
                    start += counts[chunk]
                }
                initialized = 0
            }
        }
        return succeeded ? rows : nil
    }

    /// Rows in a chunk written one per line: lines that start with `[`. Line ends are found
    /// with `memchr` (vectorised in libc): a byte-by-byte loop over a 200 MB orders file was a
    /// noticeable part of opening it.
    private static func rowStarts(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
        guard let base = buffer.baseAddress, range.count > 1 else { return 0 }
        var count = 0
        var index = range.lowerBound
        let last = range.upperBound - 1  // a newline here has no row after it in the range
        while index < last, let hit = memchr(base + index, 0x0A, last - index) {
            let newline = base.distance(to: UnsafeRawPointer(hit))
            if buffer[newline + 1] == UInt8(ascii: "[") { count += 1 }
            index = newline + 1
        }
        return count
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
                    return storeError(error, buffer, file: file)
                } catch {
                    let offset = reader.position
                    return StoreError(.corrupt, file: file, line: line(of: offset, in: buffer), "this row cannot be read: \(DecodingFailure.describe(error))")
                }
            }
            return StoreError(.corrupt, file: file, "the rows cannot be read: \(DecodingFailure.describe(fallback))")
        }
    }

    private static func checkCount(_ found: Int, _ expected: Int, file: String) throws {
        guard found == expected else {
            throw StoreError(.corrupt, file: file, "holds \(found) rows but chorus.json says \(expected); the file may have been cut short or edited")
        }
    }

    private static func storeError(_ error: JSONReadError, _ buffer: UnsafeRawBufferPointer, file: String) -> StoreError {
        StoreError(.corrupt, file: file, line: line(of: error.offset, in: buffer), error.message)
    }

    private static func line(of offset: Int, in buffer: UnsafeRawBufferPointer) -> Int {
        1 + buffer[0..<min(offset, buffer.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
