import ChorusCore

/// Writes post-purchase survey answers in the flat layout survey apps export
/// (one answer per row: order, question, answer, free-text "other", and order context).
///
/// Survey answers are the third attribution signal after codes and links: a buyer who writes
/// "@lena.hikes" or "Lena from TikTok" credits a creator the store data alone would miss.
/// A response records no time of its own, so `created_at` is the order's time plus three
/// minutes, when a thank-you-page survey is answered.
public enum SurveyResponsesCSV {
    public static let header: [String] = [
        "order_id", "order_number", "question", "response", "other", "email", "coupon_code", "utm_source", "created_at",
    ]

    /// The export of every survey response in `workspace`, in its order.
    public static func write(workspace: Workspace, lineEnding: CSVWriter.LineEnding = .lf) -> [UInt8] {
        var writer = CSVWriter(lineEnding: lineEnding, reservingCapacity: 64 + workspace.surveyResponses.count * 160)
        writer.writeRow(header)
        for response in workspace.surveyResponses {
            if let id = ShopifyOrdersCSV.numericID(for: response.orderID) { writer.append(id) } else { writer.appendEmpty() }
            writer.append(response.orderID.rawValue)
            writer.append(response.question)
            writer.append(response.response)
            writer.append(response.other)
            writer.append(response.email)
            writer.append(response.couponCode)
            writer.append(response.utmSource)
            writer.append(workspace.order(response.orderID)?.createdAt.adding(seconds: 180), style: .iso8601)
            writer.endRow()
        }
        return writer.bytes
    }
}
