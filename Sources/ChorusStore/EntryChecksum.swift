import Foundation

/// Each journal line carries `sum`, a checksum of the line itself, and `prev`, the `sum` of the
/// line before it: a line edited by hand no longer matches its sum, and a line removed breaks
/// the chain, so either is named on open (and by `chorus check`) instead of replayed.
///
/// The sum is FNV-1a (64 bits) over the line's bytes as written, with the sum's own sixteen
/// hex digits replaced by dashes: computed on the raw bytes, so it never depends on how a
/// later build would encode the same entry. It detects accidents and hand edits, not an
/// attacker, who could recompute it; file permissions are the boundary against those.
enum EntryChecksum {
    private static let placeholder = String(repeating: "-", count: 16)
    private static let key = Array(#""sum":""#.utf8)

    /// The line for `entry` (with its newline) chained after `previous`, and its sum.
    static func sealed(_ entry: JournalEntry, after previous: String?, encoder: JSONEncoder) throws -> (line: [UInt8], sum: String) {
        var line: [UInt8]
        if let batch = entry.batch {
            var sealed = StagedJournalLine(entry, batch: batch)
            sealed.prev = previous
            sealed.sum = placeholder
            line = [UInt8](try encoder.encode(sealed))
        } else {
            var sealed = entry
            sealed.prev = previous
            sealed.sum = placeholder
            line = [UInt8](try encoder.encode(sealed))
        }
        guard let start = sumRange(in: line[...]) else { return (line + [UInt8(ascii: "\n")], placeholder) }
        let sum = hex(fnv(line[...]))
        line.replaceSubrange(start, with: Array(sum.utf8))
        line.append(UInt8(ascii: "\n"))
        return (line, sum)
    }

    /// Whether `line` (without its newline) still has the checksum it claims.
    static func holds(_ line: ArraySlice<UInt8>, claimed sum: String) -> Bool {
        guard let range = sumRange(in: line) else { return false }
        var bytes = Array(line)
        let offset = range.lowerBound - line.startIndex
        bytes.replaceSubrange(offset..<(offset + 16), with: Array(placeholder.utf8))
        return hex(fnv(bytes[...])) == sum
    }

    /// Where the top-level sum's sixteen characters are: after the last `"sum":"` (keys are
    /// sorted, so it follows the command, and a quote inside any string is escaped).
    private static func sumRange(in line: ArraySlice<UInt8>) -> Range<Int>? {
        var index = line.endIndex - key.count
        while index >= line.startIndex {
            if line[index..<(index + key.count)].elementsEqual(key) {
                let start = index + key.count
                return start + 16 <= line.endIndex ? start..<(start + 16) : nil
            }
            index -= 1
        }
        return nil
    }

    /// The checksum of any bytes, as sixteen hex digits (a batch staged before format 7's).
    static func digest(_ bytes: ArraySlice<UInt8>) -> String { hex(fnv(bytes)) }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    private static func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
