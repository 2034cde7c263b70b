import ChorusConcurrency
import ChorusCore

/// Splits a big CSV file's data rows into chunks that can be read on separate cores.
///
/// A million-order export takes most of an import's time to turn into orders, and one core
/// sits idle meanwhile. Rows cannot be split at any line break, since quoted fields hold line
/// breaks, so the split points are found by counting quotes (in parallel) up to each one.
/// Rows that belong together (a Shopify order's line items share its `Name`) are kept in one
/// chunk. The split is only a proposal: reading each chunk proves it, since the chunk before
/// a wrong split point ends inside a quoted field and throws, and the caller then reads the
/// whole file in one pass, so a strange file gets exactly the same result and errors.
extension CSVTable {
    /// Readers for consecutive chunks covering every data row not yet read; one reader for
    /// files under two `minimumChunk`s, or when no split point can be found.
    func chunkReaders(count: Int, keepingTogetherRowsWithEqual keyColumn: Int, minimumChunk: Int = 4 << 20) -> [CSVReader] {
        let whole = reader
        let source = whole.source
        let start = whole.cursor
        let pieces = min(count, (source.count - start.position) / minimumChunk)
        guard pieces > 1 else { return [whole] }

        let targets = (1..<pieces).map { start.position + (source.count - start.position) * $0 / pieces }
        let regions = zip([start.position] + targets, targets).map { $0..<$1 }
        // A file that cannot be read is left to the one reader, which says where.
        let tallies = Parallel.map(regions.count) { try? Tally(source, regions[$0]) }

        var boundaries = [start]
        var quotes = 0, lines = start.line
        for (target, tally) in zip(targets, tallies) {
            guard let tally else { return [whole] }
            quotes += tally.quotes
            lines += tally.lineBreaks
            guard let rowStart = try? Self.rowStart(in: source, after: Cursor(position: target, line: lines), insideQuotes: quotes % 2 == 1),
                  let split = nextKey(after: rowStart, column: keyColumn, in: source),
                  split.position > boundaries.last!.position, split.position < source.count
            else { continue }
            boundaries.append(split)
        }
        guard boundaries.count > 1 else { return [whole] }
        let ends = boundaries.dropFirst().map(\.position) + [source.count]
        return zip(boundaries, ends).map {
            var chunk = CSVReader(source: source, fileName: fileName, from: $0, to: $1)
            chunk.fieldLimits = reader.fieldLimits
            return chunk
        }
    }

    private typealias Cursor = CSVReader.Cursor

    /// Quotes and line breaks in a stretch of the file (a CR counts as a break unless an LF
    /// follows, as the reader counts lines).
    private struct Tally {
        var quotes = 0
        var lineBreaks = 0

        init(_ source: CSVSource, _ region: Range<Int>) throws {
            try source.forEachWindow(in: region) { bytes, _, count in
                let scalarFrom = countInBlocks(bytes, count)
                for position in scalarFrom..<count {
                    switch bytes[position] {
                    case UInt8(ascii: "\""): quotes += 1
                    case UInt8(ascii: "\n"): lineBreaks += 1
                    case UInt8(ascii: "\r") where position + 1 == bytes.count || bytes[position + 1] != UInt8(ascii: "\n"): lineBreaks += 1
                    default: break
                    }
                }
                return true
            }
        }

        /// Counts 32 bytes at a time, as the loop above would (a CR is a break unless the byte
        /// after it is an LF), and returns where the bytes left to it begin. Byte by byte, this
        /// pass over a 500 MB export kept one core busy for half a second before any row was
        /// read; this way it is a tenth of that.
        private mutating func countInBlocks(_ bytes: UnsafeBufferPointer<UInt8>, _ count: Int) -> Int {
            typealias Block = SIMD32<UInt8>
            guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
            let quote = Block(repeating: UInt8(ascii: "\"")), feed = Block(repeating: UInt8(ascii: "\n"))
            let carriageReturn = Block(repeating: UInt8(ascii: "\r"))
            var position = 0
            // The last block's start: the byte after a block is read with it, to tell a CRLF from a lone CR.
            let last = min(bytes.count - Block.scalarCount - 1, count - Block.scalarCount)
            while position <= last {
                // A lane counts its block's matches; at most 255 blocks, then they are taken out.
                var quoteLanes = Block(), breakLanes = Block()
                var blocks = 0
                while blocks < 255, position <= last {
                    let block = base.loadUnaligned(fromByteOffset: position, as: Block.self)
                    let next = base.loadUnaligned(fromByteOffset: position + 1, as: Block.self)
                    // A mask's true lane is all ones: subtracting it counts one. (Going through
                    // `replacing(with:where:)` left the loop unvectorized, slower than bytes.)
                    quoteLanes &-= unsafeBitCast(block .== quote, to: Block.self)
                    breakLanes &-= unsafeBitCast(block .== feed, to: Block.self)
                    breakLanes &-= unsafeBitCast((block .== carriageReturn) .& (next .!= feed), to: Block.self)
                    position += Block.scalarCount
                    blocks += 1
                }
                for lane in 0..<Block.scalarCount {
                    quotes += Int(quoteLanes[lane])
                    lineBreaks += Int(breakLanes[lane])
                }
            }
            return position
        }
    }

    /// The first place after `cursor` where a row starts: after a line break outside quotes.
    private static func rowStart(in source: CSVSource, after cursor: Cursor, insideQuotes: Bool) throws -> Cursor? {
        var quoted = insideQuotes
        var line = cursor.line
        var next = cursor.position
        var found: Cursor?
        try source.forEachWindow(in: cursor.position..<source.count) { bytes, start, count in
            // The LF of a CRLF may be the first byte of this window, already passed.
            var position = next - start
            while position < count {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    if byte == UInt8(ascii: "\r"), position < bytes.count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
                    line += 1
                    if !quoted { found = Cursor(position: start + position, line: line); return false }
                }
            }
            next = start + position
            return true
        }
        return found
    }

    /// The start of the first row after `rowStart` whose `column` differs from the row at
    /// `rowStart`'s, so that rows sharing a key are not split apart.
    private func nextKey(after rowStart: Cursor, column: Int, in source: CSVSource) -> Cursor? {
        var rows = CSVReader(source: source, fileName: fileName, from: rowStart, to: source.count)
        var record = CSVRecord()
        guard (try? rows.readNext(into: &record)) == true, column < record.count else { return nil }
        let key = record[column].trimmingWhitespace
        while true {
            let before = rows.cursor
            guard let more = try? rows.readNext(into: &record) else { return nil }
            if !more { return before }
            if column >= record.count || record[column].trimmingWhitespace != key { return before }
        }
    }
}
