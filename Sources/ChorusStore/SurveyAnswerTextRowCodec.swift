import ChorusCore

/// The survey answers file read for each answer's order and words alone (`SurveyAnswerText`),
/// for a report listing the answers that name several creators beside kept attribution: the
/// id, question, e-mail, coupon, source and credited creator are skipped, and no answer's
/// wording is boxed for sharing, as a whole read does. Skipped fields are still checked to be
/// of their type, so a file a full open refuses is refused here too. Read only: the file is
/// written by `SurveyResponseRowCodec`, whose layouts this follows.
enum SurveyAnswerTextRowCodec: PartialRowCodec {
    typealias Whole = SurveyResponseRowCodec

    static func read(from reader: inout JSONReader, currency: Currency) throws -> SurveyAnswerText {
        try reader.beginArray("surveyResponse")
        try reader.skipString("id")
        let orderID = OrderID(try reader.string("orderID"))
        try reader.skipString("question", optional: true)
        let response = try reader.string("response", shared: true), other = try reader.optionalString("other", shared: true)
        for column: StaticString in ["email", "couponCode", "utmSource"] { try reader.skipString(column, optional: true) }
        if reader.hasMoreElements() { try reader.skipString("creditedCreator", optional: true) }
        try reader.endArray("surveyResponse")
        return SurveyAnswerText(orderID: orderID, response: response, other: other)
    }
}
