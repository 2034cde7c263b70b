/// One answer from the post-purchase survey ("How did you hear about us?").
///
/// A big program keeps one for every few orders, so the fields are laid out for size (88 bytes
/// instead of 144) behind the same properties: the words answers repeat — the question, the
/// answer picked, the coupon and UTM source — in one box that a snapshot's decoder hands to
/// every answer with the same words (`Sharing`), and the e-mail, which no other answer shares,
/// as `PackedText`. Equality, hashing and the `Codable` form are those of the plain fields.
public struct SurveyResponse: Hashable, Sendable, Codable, Identifiable {
    public var id: SurveyResponseID
    public var orderID: OrderID
    private var wording: Boxed<Wording>
    public var other: String?
    private var emailText: PackedText
    /// The creator a person credited when the answer named several (`chorus resolve`); it
    /// outranks what the answer's words name.
    public var creditedCreator: CreatorID?

    struct Wording: Hashable, Sendable {
        var question: String?
        var response: String
        var couponCode: String?
        var utmSource: String?
    }

    public init(id: SurveyResponseID, orderID: OrderID, question: String? = nil, response: String, other: String? = nil,
                email: String? = nil, couponCode: String? = nil, utmSource: String? = nil, creditedCreator: CreatorID? = nil) {
        self.init(id: id, orderID: orderID, wording: Boxed(Wording(question: question, response: response, couponCode: couponCode, utmSource: utmSource)),
                  other: other, email: PackedText(email), creditedCreator: creditedCreator)
    }

    private init(id: SurveyResponseID, orderID: OrderID, wording: Boxed<Wording>, other: String?, email: PackedText, creditedCreator: CreatorID?) {
        self.id = id
        self.orderID = orderID
        self.wording = wording
        self.other = other
        emailText = email
        self.creditedCreator = creditedCreator
    }

    public var question: String? {
        get { wording.value.question }
        set { wording = Boxed(Wording(question: newValue, response: response, couponCode: couponCode, utmSource: utmSource)) }
    }

    public var response: String {
        get { wording.value.response }
        set { wording = Boxed(Wording(question: question, response: newValue, couponCode: couponCode, utmSource: utmSource)) }
    }

    public var couponCode: String? {
        get { wording.value.couponCode }
        set { wording = Boxed(Wording(question: question, response: response, couponCode: newValue, utmSource: utmSource)) }
    }

    public var utmSource: String? {
        get { wording.value.utmSource }
        set { wording = Boxed(Wording(question: question, response: response, couponCode: couponCode, utmSource: newValue)) }
    }

    /// What the answers one decoder reads (one chunk of a file, on one thread) share: one box
    /// per distinct wording, and their e-mails' bytes.
    public struct Sharing {
        private var wordings: Set<Boxed<Wording>> = []
        private var emails = PackedText.Builder()

        public init() {}

        /// An answer as `SurveyResponse.init` makes it, with storage shared with the answers before.
        public mutating func response(id: SurveyResponseID, orderID: OrderID, question: String?, response: String, other: String?,
                                      email: String?, couponCode: String?, utmSource: String?, creditedCreator: CreatorID?) -> SurveyResponse {
            let wording = wordings.insert(Boxed(Wording(question: question, response: response, couponCode: couponCode, utmSource: utmSource)))
            return SurveyResponse(id: id, orderID: orderID, wording: wording.memberAfterInsert, other: other, email: emails.add(email),
                                  creditedCreator: creditedCreator)
        }
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
