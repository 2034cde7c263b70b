/// Where a CSV reader's bytes come from: a file already in memory, or one read a window at a
/// time (see `CSVFile`). Both read the same: the tests hold a file read in windows of every
/// size to reading it whole.
public enum CSVSource: Sendable {
    case bytes([UInt8])
    case file(CSVFile)

    /// The number of bytes.
    var count: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .file(let file): file.count
        }
    }

    /// Calls `body` with consecutive windows covering `range`, in order, until it returns false.
    /// Each window holds one more byte after its part of `range` when the source has one, so
    /// that a CR can be told from a CRLF: `body` gets the bytes, the position of their first
    /// byte, and how many of them are in `range`.
    func forEachWindow(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Int, Int) throws -> Bool) throws {
        switch self {
        case .bytes(let bytes):
            _ = try bytes.withUnsafeBufferPointer { buffer in
                try body(UnsafeBufferPointer(rebasing: buffer[range.lowerBound..<min(range.upperBound + 1, buffer.count)]),
                         range.lowerBound, range.count)
            }
        case .file(let file):
            var window: [UInt8] = []
            var start = range.lowerBound
            while start < range.upperBound {
                let count = min(file.windowSize, range.upperBound - start)
                let read = start..<min(start + count + 1, file.count)
                try file.read(read, into: &window)
                let more = try window.withUnsafeBufferPointer { buffer in
                    try body(UnsafeBufferPointer(rebasing: buffer[..<read.count]), start, count)
                }
                guard more else { return }
                start += count
            }
        }
    }
}
