/// One answer from the post-purchase survey ("How did you hear about us?").
///
/// A big program keeps one for every few orders, and each one's e-mail is text no other answer
/// shares, so it is kept as `PackedText` (bytes in a block shared by the answers a snapshot's
/// decoder reads) behind the same property. Equality, hashing and the `Codable` form are those
/// of the plain fields.
public struct SurveyResponse: Hashable, Sendable, Codable, Identifiable {
    public var id: SurveyResponseID
    public var orderID: OrderID
    public var question: String?
    public var response: String
    public var other: String?
    private var emailText: PackedText
    public var couponCode: String?
    public var utmSource: String?
    /// The creator a person credited when the answer named several (`chorus resolve`); it
    /// outranks what the answer's words name.
    public var creditedCreator: CreatorID?

    public init(id: SurveyResponseID, orderID: OrderID, question: String? = nil, response: String, other: String? = nil,
                email: String? = nil, couponCode: String? = nil, utmSource: String? = nil, creditedCreator: CreatorID? = nil) {
        self.init(id: id, orderID: orderID, question: question, response: response, other: other, email: PackedText(email),
                  couponCode: couponCode, utmSource: utmSource, creditedCreator: creditedCreator)
    }

    /// With the e-mail as a snapshot's decoder packs it.
    public init(id: SurveyResponseID, orderID: OrderID, question: String?, response: String, other: String?,
                email: PackedText, couponCode: String?, utmSource: String?, creditedCreator: CreatorID?) {
        self.id = id
        self.orderID = orderID
        self.question = question
        self.response = response
        self.other = other
        emailText = email
        self.couponCode = couponCode
        self.utmSource = utmSource
        self.creditedCreator = creditedCreator
    }

    public var email: String? {
        get { emailText.string }
        set { emailText = PackedText(newValue) }
    }

    // `Codable` as synthesised for the plain fields: the same keys in the same order, nil left out.
    private enum CodingKeys: String, CodingKey {
        case id, orderID, question, response, other, email, couponCode, utmSource, creditedCreator
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(SurveyResponseID.self, forKey: .id), orderID: try container.decode(OrderID.self, forKey: .orderID),
                  question: try container.decodeIfPresent(String.self, forKey: .question),
                  response: try container.decode(String.self, forKey: .response),
                  other: try container.decodeIfPresent(String.self, forKey: .other),
                  email: try container.decodeIfPresent(String.self, forKey: .email),
                  couponCode: try container.decodeIfPresent(String.self, forKey: .couponCode),
                  utmSource: try container.decodeIfPresent(String.self, forKey: .utmSource),
                  creditedCreator: try container.decodeIfPresent(CreatorID.self, forKey: .creditedCreator))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(orderID, forKey: .orderID)
        try container.encodeIfPresent(question, forKey: .question)
        try container.encode(response, forKey: .response)
        try container.encodeIfPresent(other, forKey: .other)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encodeIfPresent(couponCode, forKey: .couponCode)
        try container.encodeIfPresent(utmSource, forKey: .utmSource)
        try container.encodeIfPresent(creditedCreator, forKey: .creditedCreator)
    }
}
