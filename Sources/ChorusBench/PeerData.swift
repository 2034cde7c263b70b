import ChorusCore
import ChorusInterchange
import Foundation

/// A workspace's attribution inputs as plain CSV files, for a peer (DuckDB) to read: orders,
/// discount codes, creators' link slugs, the words creators are known by, and survey answers.
/// Values are as stored, so the peer applies the rules itself (which orders count, net
/// revenue, which code is first); only two joins are settled here, because they are lookups
/// of identifiers, not attribution: which order an answer is about (`SurveyAnswerOrders`),
/// and the creator a person credited (`chorus resolve`). Names are folded with
/// `TextFolding`, the table survey matching folds them with; the peer folds the answers.
public struct PeerData {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public var orders: URL { folder.appendingPathComponent("orders.csv") }
    public var codes: URL { folder.appendingPathComponent("codes.csv") }
    public var creators: URL { folder.appendingPathComponent("creators.csv") }
    public var names: URL { folder.appendingPathComponent("names.csv") }
    public var answers: URL { folder.appendingPathComponent("answers.csv") }
    /// Present once every file is written, so an interrupted export is written again.
    private var complete: URL { folder.appendingPathComponent("complete") }

    public var isComplete: Bool { FileManager.default.fileExists(atPath: complete.path) }

    /// Writes the files, replacing any.
    public func write(_ workspace: Workspace) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var csv = CSVWriter(neutralizesFormulas: false, reservingCapacity: workspace.orders.count * 80)
        csv.writeRow(["pos", "financial_status", "cancelled", "subtotal", "refunded", "codes", "medium", "content"])
        for (position, order) in workspace.orders.rows.enumerated() {
            csv.append(String(position))
            csv.append(order.financialStatus)
            csv.append(order.cancelledAt == nil ? "false" : "true")
            csv.append(String(order.subtotal.minorUnits))
            csv.append(String(order.refunded.minorUnits))
            csv.append(order.discountCodes)
            csv.append(order.utmMedium)
            csv.append(order.utmContent)
            csv.endRow()
        }
        try Data(csv.bytes).write(to: orders)

        csv = CSVWriter(neutralizesFormulas: false)
        csv.writeRow(["code", "creator"])
        for code in workspace.discountCodes {
            guard let creator = workspace.creatorPosition(code.creatorID) else { continue }
            csv.writeRow([code.code, String(creator)])
        }
        try Data(csv.bytes).write(to: codes)

        csv = CSVWriter(neutralizesFormulas: false)
        var names = CSVWriter(neutralizesFormulas: false)
        csv.writeRow(["pos", "handle", "slug"])
        names.writeRow(["creator", "phrase"])
        for (position, creator) in workspace.creators.rows.enumerated() {
            csv.writeRow([String(position), creator.handle, creator.effectiveLinkSlug])
            guard !creator.isLead else { continue }
            for text in [creator.handle, creator.name] + creator.aliases {
                let words = TextFolding.words(text)
                if !words.isEmpty { names.writeRow([String(position), words.joined(separator: " ")]) }
            }
        }
        try Data(csv.bytes).write(to: creators)
        try Data(names.bytes).write(to: self.names)

        csv = CSVWriter(neutralizesFormulas: false)
        csv.writeRow(["order_pos", "answer_pos", "response", "other", "credited"])
        let answered = SurveyAnswerOrders(workspace)
        for (position, answer) in workspace.surveyResponses.rows.enumerated() {
            guard let order = answered.order(answer.orderID).flatMap({ workspace.orders.position(of: $0) }) else { continue }
            csv.append(String(order))
            csv.append(String(position))
            csv.append(answer.response)
            csv.append(answer.other)
            csv.append(answer.creditedCreator.flatMap { workspace.creatorPosition($0) }.map(String.init))
            csv.endRow()
        }
        try Data(csv.bytes).write(to: answers)
        try Data().write(to: complete)
    }

    /// Bytes of the files the peer reads.
    public var byteCount: Int {
        [orders, codes, creators, names, answers].reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
        }
    }
}
