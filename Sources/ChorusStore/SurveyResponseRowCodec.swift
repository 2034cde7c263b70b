import ChorusCore

/// Post-purchase survey answers as rows; there can be one per order.
enum SurveyResponseRowCodec: RowCodec {
    static let collection = "surveyResponses"
    static let columns: String? = #"["id","orderID","question","response","other","email","couponCode","utmSource","creditedCreator"]"#
    typealias Sharing = SurveyResponse.Sharing
    static let earlierColumns = [#"["id","orderID","question","response","other","email","couponCode","utmSource"]"#]

    static func write(_ response: SurveyResponse, to writer: inout JSONWriter, currency: Currency) {
        writer.beginArray()
        writer.string(response.id.rawValue)
        writer.string(response.orderID.rawValue)
        writer.optionalString(response.question)
        writer.string(response.response)
        writer.optionalString(response.other)
        writer.optionalString(response.email)
        writer.optionalString(response.couponCode)
        writer.optionalString(response.utmSource)
        writer.optionalString(response.creditedCreator?.rawValue)
        writer.endArray()
    }

    static func read(from reader: inout JSONReader, currency: Currency) throws -> SurveyResponse {
        try reader.beginArray("surveyResponse")
        // An answer's "other" text is free, yet most are a few dozen common phrases: shared.
        let id = SurveyResponseID(try reader.string("id")), orderID = OrderID(try reader.string("orderID"))
        let question = try reader.optionalString("question", shared: true), response = try reader.string("response", shared: true)
        let other = try reader.optionalString("other", shared: true)
        let email = try reader.optionalString("email")
        let couponCode = try reader.optionalString("couponCode", shared: true), utmSource = try reader.optionalString("utmSource", shared: true)
        let creditedCreator = reader.hasMoreElements() ? try reader.optionalString("creditedCreator").map(CreatorID.init) : nil
        try reader.endArray("surveyResponse")
        return reader.surveySharing.response(id: id, orderID: orderID, question: question, response: response, other: other, email: email,
                                             couponCode: couponCode, utmSource: utmSource, creditedCreator: creditedCreator)
    }
}
