import ChorusConcurrency
import ChorusCore
import Foundation

/// Decoding a big collection's file (creators, enrollments, orders, survey answers, kept
/// attribution) a window at a time, straight into one array sized from the manifest's count.
/// Holding the 200 MB orders file of a million orders whole beside its decoded rows was 200 MB
/// of a workspace's peak memory at open. A staged import's rows, read whole for their
/// checksum, are decoded as a file's last window is.
extension CollectionFile {
    /// How a file is cut for reading. Tests use tiny sizes so rows straddle many windows and pieces.
    struct ReadSizes {
        /// Bytes read at a time. 16 MB is a small part of the rows it decodes into (~45 MB of
        /// orders), yet big enough that a window still splits into a piece per core and that a
        /// 200 MB file takes a dozen reads.
        var window = 16 << 20
        /// Below this many bytes a piece of a window is not worth a thread.
        var piece = 1 << 20
        /// Pieces of a window per core at most. Cores take the next piece as they finish one, so
        /// one core waits for the other at most a piece's time at a window's end: with two a
        /// piece, a quarter of a window, kept one core of two idle for a third of opening
        /// creators.
        var piecesPerCore = 4
    }

    static func decode<Codec: RowCodec>(file path: String, fileSystem: any FileSystem, as codec: Codec.Type, currency: Currency,
                                        expectedRows: Int, sizes: ReadSizes = ReadSizes()) throws -> [Codec.Row] {
        var window = FileWindow(path: path, fileSystem: fileSystem, size: sizes.window)
        let pool = ReferralPool()
        var found = 0
        let rows: [Codec.Row]
        do {
            try window.readOn()
            var start = try rowsStart(in: &window, collection: Codec.collection, columns: Codec.columns, earlier: Codec.earlierColumns)
            // No more rows than the file has room for, whatever a damaged manifest says: a row is
            // at least `[]` and a separator.
            let capacity = min(expectedRows, fileSystem.byteCount(at: path).map { $0 / 3 + 1 } ?? expectedRows)
            var inParallel = true
            rows = try [Codec.Row](unsafeUninitializedCapacity: capacity) { storage, initialized in
                while true {
                    let free = UnsafeMutableBufferPointer(rebasing: storage[initialized...])
                    if window.isAtEnd {
                        // The last window holds all of the rows not decoded yet (and the whole
                        // file once a window failed): one thread reads them if it must, so an
                        // error points at the first bad row.
                        let read = try window.bytes.withUnsafeBytes { buffer in
                            try readLast(buffer, from: start, into: free, inParallel: inParallel, as: codec, currency: currency, sizes: sizes, pool: pool)
                        }
                        initialized += min(read, free.count)
                        found += read
                        return
                    }
                    if inParallel, let cut = window.bytes.withUnsafeBytes({ lastRowStart($0, in: start..<$0.count) }) {
                        // The rows before the window's last row start are whole: decode them and
                        // keep only that last row, which may go on in the next window, read
                        // meanwhile.
                        window.readAhead(from: cut + 1)
                        let read = window.bytes.withUnsafeBytes {
                            decodeInParallel($0, start..<cut, into: free, as: codec, currency: currency, sizes: sizes, pool: pool)
                        }
                        pool.publishLearned()
                        if let read {
                            initialized += read
                            found += read
                            window.drop(before: cut + 1)
                            start = 0
                        } else {
                            inParallel = false  // keep the rest whole, for the one-thread reading above
                        }
                    }
                    try window.readOn()
                }
            }
        } catch let error as JSONReadError {
            throw StoreError(.corrupt, file: path, line: window.line(of: error.offset), error.message)
        }
        try checkCount(found, expectedRows, file: path)
        return rows
    }

    /// A big collection's file held whole: a staged import's batch, read whole to check its
    /// checksum. Decoded on every core as the last window of a file is.
    static func decode<Codec: RowCodec>(_ bytes: [UInt8], as codec: Codec.Type, currency: Currency, expectedRows: Int, file: String,
                                        sizes: ReadSizes = ReadSizes()) throws -> [Codec.Row] {
        var found = 0
        let rows = try bytes.withUnsafeBytes { buffer in
            do {
                let start = try rowsStart(buffer, collection: Codec.collection, columns: Codec.columns, earlier: Codec.earlierColumns)
                return try [Codec.Row](unsafeUninitializedCapacity: min(expectedRows, buffer.count / 3 + 1)) { storage, initialized in
                    found = try readLast(buffer, from: start, into: storage, inParallel: true, as: codec, currency: currency, sizes: sizes,
                                         pool: ReferralPool())
                    initialized = min(found, storage.count)
                }
            } catch let error as JSONReadError {
                throw StoreError(.corrupt, file: file, line: line(of: error.offset, in: buffer), error.message)
            }
        }
        try checkCount(found, expectedRows, file: file)
        return rows
    }

    /// Reads the rows from `start` to the end of the file, which `buffer` ends with: on every
    /// core when told and they read cleanly, else on one thread, so an error points at the
    /// first bad row.
    private static func readLast<Codec: RowCodec>(_ buffer: UnsafeRawBufferPointer, from start: Int,
                                                  into slots: UnsafeMutableBufferPointer<Codec.Row>, inParallel: Bool,
                                                  as codec: Codec.Type, currency: Currency, sizes: ReadSizes, pool: ReferralPool) throws -> Int {
        let region = start..<(try rowsEnd(buffer, after: start))
        return try (inParallel ? decodeInParallel(buffer, region, into: slots, as: codec, currency: currency, sizes: sizes, pool: pool) : nil)
            ?? readRows(buffer, region, into: slots, as: codec, currency: currency, pool: pool)
    }

    /// Reads the header from the first window, reading on while it is longer than that (so a
    /// damaged header is only reported once the whole file is read: a cost only damage pays).
    static func rowsStart(in window: inout FileWindow, collection: String, columns: String?, earlier: [String]) throws -> Int {
        while true {
            do {
                return try window.bytes.withUnsafeBytes { try rowsStart($0, collection: collection, columns: columns, earlier: earlier) }
            } catch is JSONReadError where !window.isAtEnd {
                try window.readOn()
            }
        }
    }

    /// Where the last row starting in `range` begins: the `,` of the `,\n[` before it (rows are
    /// one per line, so that only occurs between rows). Nil if no row starts after the first.
    static func lastRowStart(_ buffer: UnsafeRawBufferPointer, in range: Range<Int>) -> Int? {
        var cut = range.upperBound - 3
        while cut >= range.lowerBound {
            if buffer[cut] == UInt8(ascii: ","), buffer[cut + 1] == 0x0A, buffer[cut + 2] == UInt8(ascii: "[") { return cut }
            cut -= 1
        }
        return nil
    }

    /// Splits `region` into about `pieces` ranges, each starting at a row: a line that begins
    /// with `[` right after a line that ends with `,`.
    static func splitAtRowStarts(_ buffer: UnsafeRawBufferPointer, _ region: Range<Int>, pieces: Int) -> [Range<Int>] {
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

    /// Reads the rows in `range` into `slots`. Rows beyond the slots are still read, so a bad one
    /// is reported, and counted, so a count that disagrees with the manifest says by how much.
    /// Returns how many there were; throws with none of them left initialized.
    private static func readRows<Codec: RowCodec>(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>,
                                                  into slots: UnsafeMutableBufferPointer<Codec.Row>,
                                                  as codec: Codec.Type, currency: Currency, pool: ReferralPool) throws -> Int {
        var reader = JSONReader(buffer, range: range)
        reader.orderSharing.pool = pool
        reader.orderSharing.known = pool.knownSpellings
        defer { pool.learn(reader.orderSharing.learned) }
        var count = 0
        do {
            while !reader.isAtEnd() {
                if count < slots.count {
                    try Codec.read(from: &reader, currency: currency, into: slots.baseAddress! + count)
                } else {
                    _ = try Codec.read(from: &reader, currency: currency)
                }
                count += 1
            }
        } catch {
            slots.baseAddress?.deinitialize(count: min(count, slots.count))
            throw error
        }
        return count
    }

    /// Decodes each piece of `region` on its own core straight into its slots of the result, so
    /// a million rows are never copied (and retained and released) a second time to concatenate
    /// them. Rows are counted first by their line starts; returns nil, with nothing left
    /// initialized, if any piece fails, does not hold exactly the rows counted, or they do not
    /// fit, leaving the error to the one-thread reading.
    private static func decodeInParallel<Codec: RowCodec>(_ buffer: UnsafeRawBufferPointer, _ region: Range<Int>,
                                                          into slots: UnsafeMutableBufferPointer<Codec.Row>,
                                                          as codec: Codec.Type, currency: Currency, sizes: ReadSizes,
                                                          pool: ReferralPool) -> Int? {
        let pieces = splitAtRowStarts(buffer, region, pieces: Parallel.pieceCount(for: region.count, minimumSize: sizes.piece,
                                                                                 perCore: sizes.piecesPerCore))
        let counts = Parallel.map(pieces.count) { rowStarts(buffer, pieces[$0]) }
        let firsts = counts.reduce(into: [0]) { $0.append($0.last! + $1) }
        guard firsts.last! <= slots.count else { return nil }
        let outcomes = Parallel.map(pieces.count) { piece -> (stored: Int, complete: Bool) in
            let own = UnsafeMutableBufferPointer(rebasing: slots[firsts[piece]..<firsts[piece + 1]])
            guard let read = try? readRows(buffer, pieces[piece], into: own, as: codec, currency: currency, pool: pool) else { return (0, false) }
            return (min(read, own.count), read == own.count)
        }
        guard outcomes.allSatisfy(\.complete) else {
            for (piece, outcome) in outcomes.enumerated() where outcome.stored > 0 {
                (slots.baseAddress! + firsts[piece]).deinitialize(count: outcome.stored)
            }
            return nil
        }
        return firsts.last!
    }

    /// Rows in a piece written one per line: lines that start with `[`, found with `memchr`.
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
}
