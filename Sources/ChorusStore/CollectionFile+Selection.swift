import ChorusConcurrency
import ChorusCore
import Foundation

/// Decoding only some rows of a big collection's file, picked by their id (the row's first
/// value) without decoding the others: what a preview of the opening screen needs from a
/// million creators is the few hundred in the wave it shows, and finding their lines costs a
/// tenth of decoding them all.
extension CollectionFile {
    /// The rows whose id (`id` of the row, written as its first value) is in `wanted`, in the
    /// file's order. Every row is counted against `expectedRows`, as the full decoding does; only
    /// the wanted ones are decoded, so damage elsewhere is left for the full decoding to report.
    /// Throws as `decode` does for a file it cannot read.
    static func decode<Codec: RowCodec>(file path: String, fileSystem: any FileSystem, as codec: Codec.Type, currency: Currency,
                                        expectedRows: Int, keepingIDs wanted: Set<String>, id: (Codec.Row) -> String,
                                        sizes: ReadSizes = ReadSizes()) throws -> [Codec.Row] {
        var window = FileWindow(path: path, fileSystem: fileSystem, size: sizes.window)
        var rows: [Codec.Row] = []
        var found = 0
        /// The rows wanted in `region`, found on both cores.
        func read(_ buffer: UnsafeRawBufferPointer, _ region: Range<Int>) throws {
            let pieces = splitAtRowStarts(buffer, region, pieces: Parallel.pieceCount(for: region.count, minimumSize: sizes.piece))
            for piece in Parallel.map(pieces.count, { piece in
                Result { try readRows(buffer, pieces[piece], whoseIDIsIn: wanted, as: codec, currency: currency) }
            }) {
                let (decoded, count) = try piece.get()
                rows += decoded.filter { wanted.contains(id($0)) }  // a row whose id has an escape was decoded to be sure
                found += count
            }
        }
        do {
            try window.readOn()
            var start = try rowsStart(in: &window, collection: Codec.collection, columns: Codec.columns, earlier: Codec.earlierColumns)
            while !window.isAtEnd {
                if let cut = window.bytes.withUnsafeBytes({ lastRowStart($0, in: start..<$0.count) }) {
                    window.readAhead(from: cut + 1)
                    try window.bytes.withUnsafeBytes { try read($0, start..<cut) }
                    window.drop(before: cut + 1)
                    start = 0
                }
                try window.readOn()
            }
            try window.bytes.withUnsafeBytes { try read($0, start..<(try rowsEnd($0, after: start))) }
        } catch let error as JSONReadError {
            window.settle()
            throw StoreError(.corrupt, file: path, line: window.line(of: error.offset), error.message)
        } catch {
            window.settle()
            throw error
        }
        try checkCount(found, expectedRows, file: path)
        return rows
    }

    /// Walks the rows in `range` a line at a time (rows are written one per line) and decodes
    /// those whose id may be wanted; returns them and how many rows there were.
    private static func readRows<Codec: RowCodec>(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>, whoseIDIsIn wanted: Set<String>,
                                                  as codec: Codec.Type, currency: Currency) throws -> (rows: [Codec.Row], count: Int) {
        var rows: [Codec.Row] = []
        var count = 0
        guard let base = buffer.baseAddress else { return (rows, count) }
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = memchr(base + lineStart, 0x0A, range.upperBound - lineStart).map { base.distance(to: UnsafeRawPointer($0)) }
                ?? range.upperBound
            var rowEnd = lineEnd
            while rowEnd > lineStart, [0x20, 0x0D, 0x09, UInt8(ascii: ",")].contains(buffer[rowEnd - 1]) { rowEnd -= 1 }
            if rowEnd > lineStart {
                count += 1
                if mayBeWanted(buffer, lineStart..<rowEnd, wanted) {
                    var reader = JSONReader(buffer, range: lineStart..<rowEnd)
                    rows.append(try Codec.read(from: &reader, currency: currency))
                }
            }
            lineStart = lineEnd + 1
        }
        return (rows, count)
    }

    /// Whether the row's first value, a string, is one of `wanted`; true for a row that does not
    /// start `["` or whose id has an escape, so that decoding it decides (or reports it). An id
    /// of up to 15 bytes makes a `String` without allocating.
    private static func mayBeWanted(_ buffer: UnsafeRawBufferPointer, _ row: Range<Int>, _ wanted: Set<String>) -> Bool {
        var index = row.lowerBound
        while index < row.upperBound, [0x20, 0x09, 0x0D].contains(buffer[index]) { index += 1 }
        guard index + 1 < row.upperBound, buffer[index] == UInt8(ascii: "["), buffer[index + 1] == UInt8(ascii: "\"") else { return true }
        let idStart = index + 2
        var idEnd = idStart
        while idEnd < row.upperBound, buffer[idEnd] != UInt8(ascii: "\"") {
            if buffer[idEnd] == UInt8(ascii: "\\") { return true }
            idEnd += 1
        }
        return wanted.contains(String(decoding: UnsafeRawBufferPointer(rebasing: buffer[idStart..<idEnd]), as: UTF8.self))
    }
}
