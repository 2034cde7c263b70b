import ChorusConcurrency
import CZlib

/// A staged batch's checksum, taken piece by piece as the batch is written and over the whole
/// payload when it is read back (on replay, by a colleague's console, by `chorus check`).
///
/// Since journal format 7 it is CRC-32 as zlib computes it for gzip and zip, written
/// `crc32:` and eight hex digits, so any tool can check a batch file. Batches staged before
/// carry sixteen hex digits of FNV-1a (64 bits), which reads a byte at a time: over a
/// million orders' 217 MB it was a tenth of the import on one core, against a fiftieth
/// for zlib's.
struct BatchChecksum {
    private static let prefix = "crc32:"
    private var crc = UInt32(truncatingIfNeeded: CZlib.crc32(0, nil, 0))

    init() {}

    mutating func add(_ bytes: [UInt8]) {
        crc = bytes.withUnsafeBufferPointer { Self.crc32(crc, $0) }
    }

    /// `crc32:` and the sum's eight hex digits.
    var digest: String {
        let digits = String(crc, radix: 16)
        return Self.prefix + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Whether `payload` has the checksum `claimed`, in either form a batch may carry.
    static func holds(_ payload: [UInt8], claimed: String) -> Bool {
        guard claimed.hasPrefix(prefix) else { return EntryChecksum.digest(payload[...]) == claimed }
        var sum = BatchChecksum()
        sum.add(payload)
        return sum.digest == claimed
    }

    /// The size and checksum of the file at `path`, read a window at a time, each half on its
    /// own core (zlib joins the halves' sums): how a report makes sure an orders file it does not
    /// decode is the one its kept figures were made from (see `KeptAmbiguousAnswers`).
    static func ofFile(at path: String, fileSystem: any FileSystem) throws -> (bytes: Int, digest: String) {
        guard let size = fileSystem.byteCount(at: path) else { throw StoreError(.io, file: path, "cannot be read") }
        let halves = [0..<size / 2, size / 2..<size], window = 8 << 20
        let sum = { (half: Int) in
            Result {
                var sum = BatchChecksum(), buffer: [UInt8] = [], offset = halves[half].lowerBound
                while offset < halves[half].upperBound {
                    let count = min(window, halves[half].upperBound - offset)
                    buffer = try fileSystem.readFile(at: path, offset: offset, count: count, reusing: buffer)
                    guard buffer.count == count else { throw StoreError(.io, file: path, "changed while it was read") }
                    sum.add(buffer)
                    offset += count
                }
                return sum.crc
            }
        }
        // A file system that reads one file at a time (a test's, counting its steps) gets the halves in turn.
        let sums = fileSystem.readsFilesConcurrently ? Parallel.map(halves.count, sum) : halves.indices.map(sum)
        var whole = BatchChecksum()
        whole.crc = UInt32(truncatingIfNeeded: crc32_combine(UInt(try sums[0].get()), UInt(try sums[1].get()), off_t(halves[1].count)))
        return (size, whole.digest)
    }

    /// zlib's `crc32_z` takes a length of `size_t`, so no size of payload is cut short.
    private static func crc32(_ crc: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(truncatingIfNeeded: crc32_z(UInt(crc), base, bytes.count))
    }
}
