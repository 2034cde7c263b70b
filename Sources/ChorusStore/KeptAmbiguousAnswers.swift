import ChorusCore
import Foundation

/// Beside a kept attribution file, the survey answers about each order attribution left
/// ambiguous, with the order's `Name` (`Attribution.answersAboutAmbiguousOrders`). With it a
/// report lists the ambiguous answers, and adds up the kept figures, without reading any order:
/// reading every order's `Name` and Shopify id, only to find which answers are about which
/// order, was half of `chorus report attribution` beside a kept file.
///
/// Written only when no order was converted from another currency (a report then has no rates
/// to name), and for the snapshot's orders file as it was then, by its size and CRC-32. A report
/// checks those (a read at zlib's speed, a tenth of decoding the file) before it trusts the kept
/// figures without the file, so an orders file damaged or replaced since is read, and refused,
/// as before. Named as the kept file is (`attribution-r2-3-1200.answers.json`) and, like it,
/// derived: ignored when missing, damaged or not listing exactly the orders its decisions leave
/// ambiguous.
///
///     {"ordersFile":"orders-3.json","ordersBytes":206087419,"ordersChecksum":"crc32:0a1b2c3d",
///      "answers":220000,"ambiguous":[
///     [12,"#1004",[5,77]],
///     …]}
struct KeptAmbiguousAnswers: Sendable, Equatable {
    /// The snapshot's orders file the decisions were made for: its name, size and CRC-32.
    var ordersFile: String
    var ordersBytes: Int
    var ordersChecksum: String
    /// How many survey answers there were: every listed answer's position is below it.
    var answerCount: Int
    var about: [Attribution.AnswersAbout]

    /// For `decisions` over `orders` and `answers` as they are in memory, whose orders are the
    /// snapshot's `ordersFile` (at `path`); nil when an order was converted from another
    /// currency, or the file cannot be read.
    init?(_ decisions: AttributionDecisions, orders: EntityTable<Order>, answers: EntityTable<SurveyResponse>,
          ordersFile path: String, checksums: OrdersFileChecksums, fileSystem: any FileSystem) {
        guard orders.rows.ratesUsed() == nil, let (bytes, checksum) = try? checksums.of(path, fileSystem: fileSystem) else { return nil }
        self.init(ordersFile: String(path.split(separator: "/").last ?? ""), ordersBytes: bytes, ordersChecksum: checksum,
                  answerCount: answers.count, about: Attribution.answersAboutAmbiguousOrders(decisions, orders: orders, answers: answers))
    }

    init(ordersFile: String, ordersBytes: Int, ordersChecksum: String, answerCount: Int, about: [Attribution.AnswersAbout]) {
        (self.ordersFile, self.ordersBytes, self.ordersChecksum) = (ordersFile, ordersBytes, ordersChecksum)
        (self.answerCount, self.about) = (answerCount, about)
    }

    /// Whether these answers are for `decisions` over the orders file at `path` as it is now, with
    /// `answerCount` answers: the same orders ambiguous, answers in range, the file unchanged.
    func fit(_ decisions: AttributionDecisions, ordersFile path: String, answerCount: Int, fileSystem: any FileSystem) -> Bool {
        guard answerCount == self.answerCount, path.split(separator: "/").last.map(String.init) == ordersFile,
              fileSystem.byteCount(at: path) == ordersBytes,
              about.allSatisfy({ $0.answers.allSatisfy { $0 >= 0 && Int($0) < answerCount } }),
              about.map(\.position) == decisions.credits.indices.filter({ decisions.credits[$0].outcome == .ambiguous })
        else { return false }
        return (try? BatchChecksum.ofFile(at: path, fileSystem: fileSystem).digest) == ordersChecksum
    }

    var encoded: [UInt8] {
        var writer = JSONWriter(capacity: 256 + about.count * 32)
        writer.raw(#"{"ordersFile":"#)
        writer.string(ordersFile)
        writer.raw(#","ordersBytes":"#)
        writer.int(ordersBytes)
        writer.raw(#","ordersChecksum":"#)
        writer.string(ordersChecksum)
        writer.raw(#","answers":"#)
        writer.int(answerCount)
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

    /// The answers in `bytes`; throws `JSONReadError` for anything but what `encoded` writes.
    init(decoding bytes: [UInt8]) throws {
        (ordersFile, ordersBytes, ordersChecksum, answerCount, about) = try bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: 0..<buffer.count)
            try reader.beginObject("kept answers")
            try reader.key("ordersFile")
            let file = try reader.string("ordersFile")
            try reader.key("ordersBytes")
            let bytes = try reader.int("ordersBytes")
            try reader.key("ordersChecksum")
            let checksum = try reader.string("ordersChecksum")
            try reader.key("answers")
            let answerCount = try reader.int("answers")
            try reader.key("ambiguous")
            try reader.beginArray("ambiguous")
            var about: [Attribution.AnswersAbout] = []
            while reader.hasMoreElements() {
                try reader.beginArray("ambiguous order")
                let position = try reader.int("position"), order = OrderID(try reader.string("order"))
                try reader.beginArray("answers")
                var answers: [Int32] = []
                while reader.hasMoreElements() { answers.append(Int32(clamping: try reader.int("answer"))) }
                try reader.endArray("answers")
                try reader.endArray("ambiguous order")
                about.append(Attribution.AnswersAbout(position: position, order: order, answers: answers))
            }
            try reader.endArray("ambiguous")
            try reader.endObject("kept answers")
            guard reader.isAtEnd() else { throw JSONReadError(offset: buffer.count, message: "text after the kept answers") }
            return (file, bytes, checksum, answerCount, about)
        }
    }
}

/// The checksums of snapshot orders files a store's writer has taken. A snapshot's files never
/// change, and a console keeping attribution after each edit would otherwise read the whole
/// orders file again every time (2 GB at ten million orders). A file replaced since (of the same
/// size) is still caught: the report checks the file as it is against what was recorded.
final class OrdersFileChecksums: @unchecked Sendable {
    // @unchecked: `known` is only touched while holding `lock`.
    private var known: [String: (bytes: Int, digest: String)] = [:]
    private let lock = NSLock()

    func of(_ path: String, fileSystem: any FileSystem) throws -> (bytes: Int, digest: String) {
        if let taken = lock.withLock({ known[path] }), taken.bytes == fileSystem.byteCount(at: path) { return taken }
        let taken = try BatchChecksum.ofFile(at: path, fileSystem: fileSystem)
        lock.withLock { known[path] = taken }
        return taken
    }
}
