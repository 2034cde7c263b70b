import ChorusCore

/// Reads a post-purchase survey export ("How did you hear about us?") into responses for
/// `.importSurveyResponses`: the generic layout (`order_number` or `order_id`, `response`,
/// `other` as free text) and Fairing's (`order_id` is Shopify's numeric order `Id`, and
/// `other` is a true/false flag saying `response` is the buyer's own words).
///
/// An answer names its order by `Name` (`#1004` or `1004`) or numeric `Id`; whichever column
/// matches an order is used. An answer whose order is not imported yet is kept as written and
/// counted in `unmatched`: it joins the order when the orders export arrives (see
/// `SurveyAnswerOrders`). Responses have no id of their own in these exports, so an answer is
/// identified by its order, its question and its position among that order's answers to that
/// question: re-importing the same export updates the answers already there instead of adding
/// them twice, and keeps any creator a person credited for them.
public struct SurveyImport: Sendable {
    public static let orderColumns = ["order_number", "order_id"]

    public private(set) var responses: [SurveyResponse] = []
    public private(set) var errors: [ImportRowError] = []
    /// Answers whose order is not in the workspace yet.
    public private(set) var unmatched = 0

    /// Reads and checks the whole file against `workspace`'s orders and earlier answers.
    public init(bytes: [UInt8], fileName: String, workspace: Workspace) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        let orderColumns = Self.orderColumns.compactMap { table.header.index(of: $0) }
        var missing = table.header.missing(["response"])
        if orderColumns.isEmpty { missing.insert("order_number or order_id", at: 0) }
        if !missing.isEmpty {
            throw ImportFormatError(fileName: fileName, expected: "a post-purchase survey export", missingColumns: missing)
        }
        let responseColumn = table.header.index(of: "response")!
        let optional = { (name: String) in table.header.index(of: name) }
        let (other, email, coupon, utmSource, question) =
            (optional("other"), optional("email"), optional("coupon_code"), optional("utm_source"), optional("question"))

        let answered = SurveyAnswerOrders(workspace)
        var existing: [AnswerKey: [SurveyResponse]] = [:]
        for response in workspace.surveyResponses {
            let order = answered.order(response.orderID) ?? response.orderID
            existing[AnswerKey(order: order, question: response.question ?? ""), default: []].append(response)
        }
        var rows: [(line: Int, references: [OrderID], response: SurveyResponse)] = []
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let text = { (column: Int?) -> String? in
                guard let column else { return nil }
                let value = record[column].trimmingWhitespace
                return value.isEmpty ? nil : value
            }
            let references = orderColumns.compactMap(text).map(OrderID.init)
            guard !references.isEmpty else {
                errors.append(ImportRowError(fileName: fileName, line: record.line, column: orderColumns[0] + 1,
                                             message: "the answer names no order (order_number or order_id)",
                                             field: table.header.names[orderColumns[0]]))
                continue
            }
            let answer = text(responseColumn) ?? ""
            // Fairing's `other` says whether `response` is free text; it is not text itself.
            let otherText = text(other).flatMap { Self.isFlag($0) ? nil : $0 }
            if answer.isEmpty && otherText == nil {
                errors.append(ImportRowError(fileName: fileName, line: record.line, column: responseColumn + 1,
                                             message: "the answer is empty", field: "response"))
                continue
            }
            rows.append((record.line, references, SurveyResponse(id: SurveyResponseID(""), orderID: references[0], question: text(question),
                                                                response: answer, other: otherText, email: text(email),
                                                                couponCode: text(coupon), utmSource: text(utmSource))))
        }
        let matches = SurveyAnswerOrders(keys: rows.lazy.flatMap(\.references), in: workspace)
        var occurrences: [AnswerKey: Int] = [:]
        var ids = IDSequence<SurveyResponseID>(after: workspace.surveyResponses.lazy.map(\.id), prefix: "SR-", width: 6)
        for row in rows {
            var response = row.response
            if let order = row.references.lazy.compactMap(matches.order).first {
                response.orderID = order
            } else {
                unmatched += 1
            }
            let key = AnswerKey(order: response.orderID, question: response.question ?? "")
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            let known = existing[key] ?? []
            if occurrence < known.count {
                response.id = known[occurrence].id
                response.creditedCreator = known[occurrence].creditedCreator
            } else {
                response.id = ids.next()
            }
            responses.append(response)
        }
    }

    /// The report line for answers waiting for their orders, or nil when every answer matched.
    public var unmatchedNote: String? {
        guard unmatched > 0 else { return nil }
        return "\(unmatched) answer\(unmatched == 1 ? "" : "s") match\(unmatched == 1 ? "es" : "") no order yet (kept; they count once the order is imported)"
    }

    private static func isFlag(_ text: String) -> Bool {
        ["true", "false"].contains(text.lowercased())
    }

    private struct AnswerKey: Hashable {
        var order: OrderID
        var question: String
    }
}
