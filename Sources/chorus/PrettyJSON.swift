import ChorusConcurrency
import ChorusStore

/// JSON laid out as Foundation's `JSONEncoder` lays it out with `.prettyPrinted` (two-space
/// indent, `"key" : value`, an empty array as `[`, a blank line, `]`), written as it is
/// produced and handed on in pieces: a report naming millions of creators is never held
/// whole, nor built as a tree of values first. The caller writes keys in sorted order, as
/// `.sortedKeys` would.
struct PrettyJSON {
    private var writer: JSONWriter
    private let sink: ([UInt8]) throws -> Void
    private var depth = 0
    /// Whether the open container has no member yet.
    private var isEmpty = true
    /// Whether a key was just written, so its value follows on the same line.
    private var afterKey = false

    /// About how many bytes are collected before they are handed to `sink`.
    static let pieceSize = 1 << 20

    /// About how many lines a piece of `members` holds: some 250 KB of a report's lines (an
    /// indented handle, some 30 bytes), so a core's piece stays in its cache while it is made.
    static let linesPerPiece = 1 << 13

    init(to sink: @escaping ([UInt8]) throws -> Void) {
        writer = JSONWriter(capacity: Self.pieceSize + 4_096)
        self.sink = sink
    }

    /// A piece of the members of an array at `depth` (`members`), kept whole: it has nothing to
    /// hand on to. Written into `buffer`'s memory, a piece's written before it (`Parallel.writePieces`).
    private init(membersAt depth: Int, first: Bool, lines: Int, reusing buffer: inout [UInt8]) {
        writer = JSONWriter(reusing: &buffer, capacity: lines * 32 + 4_096)
        sink = { _ in preconditionFailure("a piece of members is handed on whole") }
        self.depth = depth
        isEmpty = first
    }

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    mutating func key(_ name: String) {
        startMember()
        writer.string(name)
        writer.raw(" : ")
        afterKey = true
    }

    mutating func string(_ text: String) {
        startMember()
        writer.string(text)
    }

    mutating func int(_ value: Int) {
        startMember()
        writer.int(value)
    }

    /// Strings written over and over (a report names the same creators millions of times),
    /// escaped once and kept side by side, each laid out as a member of an array at `depth`
    /// (`,`, line break, indent, string): writing one is one copy, with no string to retain.
    struct Strings {
        fileprivate var bytes: [UInt8] = []
        fileprivate var ends: [Int] = [0]
        fileprivate let depth: Int

        init(_ strings: [String], membersAt depth: Int) {
            self.depth = depth
            let lead = Array(",\n".utf8) + PrettyJSON.spaces.prefix(depth * 2)
            // One writer for them all: a report lays out every creator's handle, and a writer
            // each was a hundred thousand buffers allocated and copied once more.
            var writer = JSONWriter(capacity: strings.count * (lead.count + 24))
            ends.reserveCapacity(strings.count + 1)
            lead.withUnsafeBufferPointer { lead in
                for text in strings {
                    writer.raw(bytes: lead)
                    writer.string(text)
                    ends.append(writer.bytes.count)
                }
            }
            bytes = writer.bytes
        }
    }

    /// The string at `index` in `strings`, as the next member of the open array.
    mutating func string(_ index: Int, of strings: Strings) {
        precondition(depth == strings.depth && !afterKey, "laid out for members of an array at depth \(strings.depth)")
        // The array's first member has no comma before it: its bytes from the line break on.
        let start = strings.ends[index] + (isEmpty ? 1 : 0)
        strings.bytes.withUnsafeBufferPointer { writer.raw(bytes: UnsafeBufferPointer(rebasing: $0[start..<strings.ends[index + 1]])) }
        isEmpty = false
    }

    /// `key` and its value, left out when the value is nil (as `Encodable` leaves out nil optionals).
    mutating func field(_ name: String, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// `count` members of the open array, member `index` written by `member(index, &json)`,
    /// made in pieces on all cores and handed on in order while the next are made
    /// (`Parallel.writePieces`): the JSON report's list of ambiguous answers (200 MB for a
    /// million orders) was most of its time, written on one core. `lines(index)` says about
    /// how many lines member `index` takes, so pieces come out about `linesPerPiece` lines
    /// each. `member` is called on several threads at once: it may only read values they share.
    mutating func members(_ count: Int, lines: (Int) -> Int, linesPerPiece: Int = Self.linesPerPiece,
                          _ member: (Int, inout PrettyJSON) -> Void) throws {
        precondition(depth > 0 && !afterKey, "members of an open array")
        var starts = [0], piece = 0
        for index in 0..<count {
            piece += lines(index)
            if piece >= linesPerPiece || index == count - 1 {
                starts.append(index + 1)
                piece = 0
            }
        }
        try writer.flush(to: sink)
        let (depth, first) = (depth, isEmpty)
        try Parallel.writePieces(starts.count - 1, making: { piece, bytes in
            var json = PrettyJSON(membersAt: depth, first: first && piece == 0, lines: linesPerPiece, reusing: &bytes)
            for index in starts[piece]..<starts[piece + 1] { member(index, &json) }
            bytes = json.writer.bytes
        }, to: sink)
        if count > 0 { isEmpty = false }
    }

    /// Hands on what is written once it is a piece's worth; call between members.
    mutating func flushIfFull() throws {
        if writer.bytes.count >= Self.pieceSize { try writer.flush(to: sink) }
    }

    /// Ends the document with a line break and hands on the rest.
    mutating func finish() throws {
        writer.raw("\n")
        try writer.flush(to: sink)
    }

    private mutating func open(_ bracket: StaticString) {
        startMember()
        writer.raw(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func close(_ bracket: StaticString) {
        depth -= 1
        writer.raw(isEmpty ? "\n\n" : "\n")
        indent()
        writer.raw(bracket)
        isEmpty = false
    }

    /// The separator and indentation before a member, unless it is the value of a key.
    private mutating func startMember() {
        if afterKey {
            afterKey = false
            return
        }
        if depth > 0 {
            writer.raw(isEmpty ? "\n" : ",\n")
            indent()
        }
        isEmpty = false
    }

    private mutating func indent() {
        Self.spaces.withUnsafeBufferPointer { writer.raw(bytes: UnsafeBufferPointer(rebasing: $0[..<min(depth * 2, $0.count)])) }
    }

    fileprivate static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
}
