import ChorusCore

/// Reads a post-purchase survey export ("How did you hear about us?") into responses for
/// `.importSurveyResponses`.
///
/// Survey apps name the order by `order_number` (`#1004`, or `1004`) or `order_id`; either is
/// matched to the store's order `Name` with or without `#`. Responses have no id of their own
/// in these exports, so an answer is identified by its order, its question and its position
/// among that order's answers to that question: re-importing the same export updates the
/// answers already there instead of adding them twice.
public struct SurveyImport: Sendable {
    public static let orderColumns = ["order_number", "order_id"]

    public private(set) var responses: [SurveyResponse] = []
    public private(set) var errors: [ImportRowError] = []

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

        var existing: [AnswerKey: [SurveyResponseID]] = [:]
        for response in workspace.surveyResponses {
            existing[AnswerKey(order: response.orderID, question: response.question ?? ""), default: []].append(response.id)
        }
        var occurrences: [AnswerKey: Int] = [:]
        var ids = IDSequence<SurveyResponseID>(after: workspace.surveyResponses.lazy.map(\.id), prefix: "SR-", width: 6)
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let text = { (column: Int?) -> String? in
                guard let column else { return nil }
                let value = record[column].trimmingWhitespace
                return value.isEmpty ? nil : value
            }
            guard let orderText = orderColumns.lazy.compactMap(text).first else {
                errors.append(ImportRowError(fileName: fileName, line: record.line, column: orderColumns[0] + 1,
                                             message: "the answer names no order"))
                continue
            }
            let answer = text(responseColumn) ?? ""
            if answer.isEmpty && text(other) == nil {
                errors.append(ImportRowError(fileName: fileName, line: record.line, column: responseColumn + 1,
                                             message: "the answer is empty"))
                continue
            }
            let orderID = Self.orderID(orderText, in: workspace)
            let key = AnswerKey(order: orderID, question: text(question) ?? "")
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            let known = existing[key] ?? []
            let id = occurrence < known.count ? known[occurrence] : ids.next()
            responses.append(SurveyResponse(id: id, orderID: orderID, question: text(question), response: answer, other: text(other),
                                            email: text(email), couponCode: text(coupon), utmSource: text(utmSource)))
        }
    }

    /// The order `Name` an answer refers to: as written if the store has it, else with or
    /// without `#`, else Shopify's `#1004` form for a bare number.
    static func orderID(_ text: String, in workspace: Workspace) -> OrderID {
        let asWritten = OrderID(text)
        if workspace.order(asWritten) != nil { return asWritten }
        let toggled = OrderID(text.hasPrefix("#") ? String(text.dropFirst()) : "#" + text)
        if workspace.order(toggled) != nil { return toggled }
        return text.hasPrefix("#") || !text.allSatisfy(\.isNumber) ? asWritten : toggled
    }

    private struct AnswerKey: Hashable {
        var order: OrderID
        var question: String
    }
}
