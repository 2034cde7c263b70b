import ChorusCore
import Foundation

/// Beside a kept attribution file, the survey answers about each order attribution left
/// ambiguous, with the order's `Name` (`Attribution.answersAboutAmbiguousOrders`). With it a
/// report lists the ambiguous answers, and adds up the kept figures, without reading any order:
/// reading every order's `Name` and Shopify id, only to find which answers are about which
/// order, was half of `chorus report attribution` beside a kept file.
///
/// Written only when the orders and survey answers in memory are exactly the snapshot's files
/// (`SavedRows`: nothing added or changed since they were read or written) and no order was
/// converted from another currency (a report then has no rates to name). It names both files
/// with their size and CRC-32, and a report checks them (a read at zlib's speed, a tenth of
/// decoding the orders) before it trusts the kept figures and positions: a file damaged or
/// replaced since is read, and refused, as before. Named as the kept file is
/// (`attribution-r2-3-1200.answers.json`) and, like it, derived: ignored when missing, damaged,
/// or not listing exactly the orders its decisions leave ambiguous.
///
///     {"orders":["orders-3.json",206087419,"crc32:0a1b2c3d"],
///      "answers":["surveyResponses-3.json",27950138,"crc32:5e6f7a8b",220000],"ambiguous":[
///     [12,"#1004",[5,77]],
///     …]}
struct KeptAmbiguousAnswers: Sendable, Equatable {
    /// A snapshot file as it was when the answers were kept.
    struct SnapshotFile: Sendable, Equatable {
        var name: String
        var bytes: Int
        var checksum: String

        /// The file at `path` as it is now (its checksum perhaps remembered by `checksums`).
        init(_ path: String, checksums: SnapshotFileChecksums, fileSystem: any FileSystem) throws {
            let (bytes, checksum) = try checksums.of(path, fileSystem: fileSystem)
            self.init(name: Self.name(of: path), bytes: bytes, checksum: checksum)
        }

        init(name: String, bytes: Int, checksum: String) {
            (self.name, self.bytes, self.checksum) = (name, bytes, checksum)
        }

        /// Whether the file at `path` has this name and size: cheap, before `holds`.
        func mayBe(_ path: String, fileSystem: any FileSystem) -> Bool {
            Self.name(of: path) == name && fileSystem.byteCount(at: path) == bytes
        }

        /// Whether the file at `path` is still this one, byte for byte as far as CRC-32 tells.
        func holds(_ path: String, fileSystem: any FileSystem) -> Bool {
            mayBe(path, fileSystem: fileSystem) && (try? BatchChecksum.ofFile(at: path, fileSystem: fileSystem).digest) == checksum
        }

        private static func name(of path: String) -> String { String(path.split(separator: "/").last ?? "") }
    }

    var orders: SnapshotFile
    var answers: SnapshotFile
    /// How many survey answers there were: every listed answer's position is below it.
    var answerCount: Int
    var about: [Attribution.AnswersAbout]

    /// For `decisions` over `orders` and `answers` as they are in memory, which are the
    /// snapshot's files at `files`; nil when an order was converted from another currency, or a
    /// file cannot be read.
    init?(_ decisions: AttributionDecisions, orders: EntityTable<Order>, answers: EntityTable<SurveyResponse>,
          files: (orders: String, answers: String), checksums: SnapshotFileChecksums, fileSystem: any FileSystem) {
        guard orders.rows.ratesUsed() == nil,
              let ordersFile = try? SnapshotFile(files.orders, checksums: checksums, fileSystem: fileSystem),
              let answersFile = try? SnapshotFile(files.answers, checksums: checksums, fileSystem: fileSystem) else { return nil }
        self.init(orders: ordersFile, answers: answersFile, answerCount: answers.count,
                  about: Attribution.answersAboutAmbiguousOrders(decisions, orders: orders, answers: answers))
    }

    init(orders: SnapshotFile, answers: SnapshotFile, answerCount: Int, about: [Attribution.AnswersAbout]) {
        (self.orders, self.answers, self.answerCount, self.about) = (orders, answers, answerCount, about)
    }

    /// Whether these answers may be for the snapshot files at `files`, of `answerCount`
    /// answers: names, sizes, the count and every position in range. What `fit` checks first.
    func mayFit(files: (orders: String, answers: String), answerCount: Int, fileSystem: any FileSystem) -> Bool {
        answerCount == self.answerCount && orders.mayBe(files.orders, fileSystem: fileSystem)
            && answers.mayBe(files.answers, fileSystem: fileSystem)
            && about.allSatisfy { $0.answers.allSatisfy { $0 >= 0 && Int($0) < answerCount } }
    }

    /// Whether both files are still the ones these answers were kept for (their checksums,
    /// each file read on both cores).
    func filesHold(_ files: (orders: String, answers: String), fileSystem: any FileSystem) -> Bool {
        orders.holds(files.orders, fileSystem: fileSystem) && answers.holds(files.answers, fileSystem: fileSystem)
    }

    /// Whether these are the answers about exactly the orders `decisions` leave ambiguous.
    func listTheAmbiguousOrders(of decisions: AttributionDecisions) -> Bool {
        about.map(\.position) == decisions.ambiguousPositions
    }

    var encoded: [UInt8] {
        var writer = JSONWriter(capacity: 256 + about.count * 32)
        writer.raw(#"{"orders":"#)
        write(orders, to: &writer)
        writer.raw(#","answers":"#)
        write(answers, to: &writer, count: answerCount)
        writer.raw(#","ambiguous":["#)
        for (index, order) in about.enumerated() {
            writer.raw(index == 0 ? "\n" : ",\n")
            writer.beginArray()
            writer.int(order.position)
            writer.string(order.order.rawValue)
            writer.beginArray()
            for answer in order.answers { writer.int(Int(answer)) }
            writer.endArray()
            writer.endArray()
        }
        writer.raw("]}\n")
        return writer.bytes
    }

    private func write(_ file: SnapshotFile, to writer: inout JSONWriter, count: Int? = nil) {
        writer.beginArray()
        writer.string(file.name)
        writer.int(file.bytes)
        writer.string(file.checksum)
        if let count { writer.int(count) }
        writer.endArray()
    }

    /// The answers in `bytes`; throws `JSONReadError` for anything but what `encoded` writes.
    init(decoding bytes: [UInt8]) throws {
        (orders, answers, answerCount, about) = try bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: 0..<buffer.count)
            func file(_ column: StaticString) throws -> SnapshotFile {
                SnapshotFile(name: try reader.string(column), bytes: try reader.int(column), checksum: try reader.string(column))
            }
            try reader.beginObject("kept answers")
            try reader.key("orders")
            try reader.beginArray("orders")
            let orders = try file("orders")
            try reader.endArray("orders")
            try reader.key("answers")
            try reader.beginArray("answers")
            let answers = try file("answers"), answerCount = try reader.int("answers")
            try reader.endArray("answers")
            try reader.key("ambiguous")
            try reader.beginArray("ambiguous")
            var about: [Attribution.AnswersAbout] = []
            while reader.hasMoreElements() {
                try reader.beginArray("ambiguous order")
                let position = try reader.int("position"), order = OrderID(try reader.string("order"))
                try reader.beginArray("answers")
                var positions: [Int32] = []
                while reader.hasMoreElements() { positions.append(Int32(clamping: try reader.int("answer"))) }
                try reader.endArray("answers")
                try reader.endArray("ambiguous order")
                about.append(Attribution.AnswersAbout(position: position, order: order, answers: positions))
            }
            try reader.endArray("ambiguous")
            try reader.endObject("kept answers")
            guard reader.isAtEnd() else { throw JSONReadError(offset: buffer.count, message: "text after the kept answers") }
            return (orders, answers, answerCount, about)
        }
    }
}

/// The checksums of snapshot files a store's attribution writer has taken. A snapshot's files
/// never change, and a console keeping attribution after each edit would otherwise read the
/// whole orders file again every time (2 GB at ten million orders). A file replaced since by
/// one of the same size is still caught: a report checks the file as it is then.
final class SnapshotFileChecksums: @unchecked Sendable {
    // @unchecked: `known` is only touched while holding `lock` (the writer is one queue, but
    // the store hands this to it from its owner's thread).
    private var known: [String: (bytes: Int, digest: String)] = [:]
    private let lock = NSLock()

    func of(_ path: String, fileSystem: any FileSystem) throws -> (bytes: Int, digest: String) {
        if let taken = lock.withLock({ known[path] }), taken.bytes == fileSystem.byteCount(at: path) { return taken }
        let taken = try BatchChecksum.ofFile(at: path, fileSystem: fileSystem)
        lock.withLock { known[path] = taken }
        return taken
    }
}
