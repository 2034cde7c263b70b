/// `Codable` as the compiler synthesised it when every field was stored plainly: the same keys
/// in the same order, optionals left out when nil. Journals and staged imports hold orders in
/// this form, and old ones must read, and new ones be written, byte for byte as before.
extension Order {
    private enum CodingKeys: String, CodingKey {
        case id, email, financialStatus, createdAt, cancelledAt, subtotal, refunded, discountCodes, source, utmSource, utmMedium,
             utmCampaign, utmContent, lines, shopifyID, original
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(OrderID.self, forKey: .id),
                  email: try container.decodeIfPresent(String.self, forKey: .email),
                  financialStatus: try container.decode(String.self, forKey: .financialStatus),
                  createdAt: try container.decode(Timestamp.self, forKey: .createdAt),
                  cancelledAt: try container.decodeIfPresent(Timestamp.self, forKey: .cancelledAt),
                  subtotal: try container.decode(Money.self, forKey: .subtotal),
                  refunded: try container.decode(Money.self, forKey: .refunded),
                  referral: OrderReferral(discountCodes: try container.decodeIfPresent(String.self, forKey: .discountCodes),
                                          source: try container.decodeIfPresent(String.self, forKey: .source),
                                          utmSource: try container.decodeIfPresent(String.self, forKey: .utmSource),
                                          utmMedium: try container.decodeIfPresent(String.self, forKey: .utmMedium),
                                          utmCampaign: try container.decodeIfPresent(String.self, forKey: .utmCampaign),
                                          utmContent: try container.decodeIfPresent(String.self, forKey: .utmContent)),
                  lines: try container.decode(OrderLines.self, forKey: .lines),
                  shopifyID: try container.decodeIfPresent(String.self, forKey: .shopifyID),
                  original: try container.decodeIfPresent(ForeignAmounts.self, forKey: .original))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encode(financialStatus, forKey: .financialStatus)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(cancelledAt, forKey: .cancelledAt)
        try container.encode(subtotal, forKey: .subtotal)
        try container.encode(refunded, forKey: .refunded)
        try container.encodeIfPresent(discountCodes, forKey: .discountCodes)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(utmSource, forKey: .utmSource)
        try container.encodeIfPresent(utmMedium, forKey: .utmMedium)
        try container.encodeIfPresent(utmCampaign, forKey: .utmCampaign)
        try container.encodeIfPresent(utmContent, forKey: .utmContent)
        try container.encode(lines, forKey: .lines)
        try container.encodeIfPresent(shopifyID, forKey: .shopifyID)
        try container.encodeIfPresent(original, forKey: .original)
    }
}
