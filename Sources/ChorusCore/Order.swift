/// A store order as exported by Shopify, reduced to what attribution and the ledger need.
///
/// A big program loads a million of these, so the stored fields are laid out for size (144
/// bytes instead of 328) behind the same properties: the referral fields and `original` live in
/// shared or rare boxes, `lines` in blocks shared by many orders, `cancelledAt` in eight bytes.
/// Equality, hashing and the `Codable` form are those of the plain fields.
public struct Order: Hashable, Sendable, Codable, Identifiable {
    public var id: OrderID
    /// The customer's e-mail as bytes in a block shared with other orders (see `PackedText`).
    private var emailText: PackedText
    public var financialStatus: String
    public var createdAt: Timestamp
    /// `cancelledAt` in seconds, `Int64.min` for none: an optional `Timestamp` is nine bytes
    /// and pads to sixteen.
    private var cancelledSeconds: Int64
    public var subtotal: Money
    public var refunded: Money
    public var referral: OrderReferral
    public var lines: OrderLines
    /// Shopify's numeric order `Id` (`5100000001001`) beside the `Name` (`#1001`): survey tools
    /// name an order by either. Nil for orders imported before it was kept.
    public var shopifyID: String?
    /// Nil on nearly every order, so not 88 bytes on every one.
    private var originalBox: Boxed<ForeignAmounts>?

    public init(id: OrderID, email: String?, financialStatus: String, createdAt: Timestamp, cancelledAt: Timestamp? = nil,
                subtotal: Money, refunded: Money, discountCodes: String? = nil, source: String? = nil,
                utmSource: String? = nil, utmMedium: String? = nil, utmCampaign: String? = nil, utmContent: String? = nil,
                lines: [OrderLine] = [], shopifyID: String? = nil, original: ForeignAmounts? = nil) {
        self.init(id: id, email: email, financialStatus: financialStatus, createdAt: createdAt, cancelledAt: cancelledAt,
                  subtotal: subtotal, refunded: refunded,
                  referral: OrderReferral(discountCodes: discountCodes, source: source, utmSource: utmSource, utmMedium: utmMedium,
                                          utmCampaign: utmCampaign, utmContent: utmContent),
                  lines: OrderLines(lines), shopifyID: shopifyID, original: original)
    }

    /// With the referral and lines as a snapshot's decoder shares them.
    public init(id: OrderID, email: String?, financialStatus: String, createdAt: Timestamp, cancelledAt: Timestamp?,
                subtotal: Money, refunded: Money, referral: OrderReferral, lines: OrderLines, shopifyID: String?,
                original: ForeignAmounts?) {
        self.init(id: id, email: PackedText(email), financialStatus: financialStatus, createdAt: createdAt, cancelledAt: cancelledAt,
                  subtotal: subtotal, refunded: refunded, referral: referral, lines: lines, shopifyID: shopifyID, original: original)
    }

    /// With the e-mail, referral and lines as a snapshot's decoder shares them.
    public init(id: OrderID, email: PackedText, financialStatus: String, createdAt: Timestamp, cancelledAt: Timestamp?,
                subtotal: Money, refunded: Money, referral: OrderReferral, lines: OrderLines, shopifyID: String?,
                original: ForeignAmounts?) {
        self.id = id
        self.emailText = email
        self.financialStatus = financialStatus
        self.createdAt = createdAt
        self.cancelledSeconds = cancelledAt?.secondsSinceEpoch ?? .min
        self.subtotal = subtotal
        self.refunded = refunded
        self.referral = referral
        self.lines = lines
        self.shopifyID = shopifyID
        self.originalBox = original.map(Boxed.init)
    }

    public var email: String? {
        get { emailText.string }
        set { emailText = PackedText(newValue) }
    }

    public var cancelledAt: Timestamp? {
        get { cancelledSeconds == .min ? nil : Timestamp(secondsSinceEpoch: cancelledSeconds) }
        set { cancelledSeconds = newValue?.secondsSinceEpoch ?? .min }
    }

    /// What the store charged in another currency, and the rate it was converted at; nil for
    /// an order in the program's currency.
    public var original: ForeignAmounts? {
        get { originalBox?.value }
        set { originalBox = newValue.map(Boxed.init) }
    }

    /// The raw `Discount Code` field; may hold several codes separated by commas.
    public var discountCodes: String? { get { referral.discountCodes } set { referral.discountCodes = newValue } }
    public var source: String? { get { referral.source } set { referral.source = newValue } }
    public var utmSource: String? { get { referral.utmSource } set { referral.utmSource = newValue } }
    public var utmMedium: String? { get { referral.utmMedium } set { referral.utmMedium = newValue } }
    public var utmCampaign: String? { get { referral.utmCampaign } set { referral.utmCampaign = newValue } }
    public var utmContent: String? { get { referral.utmContent } set { referral.utmContent = newValue } }

    /// Cancelled, voided and never-captured orders count for nothing.
    public var counts: Bool {
        guard cancelledAt == nil else { return false }
        // Compared without allocating: attribution asks this of a million orders.
        return !(financialStatus.equalsIgnoringASCIICase("voided") || financialStatus.equalsIgnoringASCIICase("pending")
            || financialStatus.equalsIgnoringASCIICase("authorized"))
    }

    /// Subtotal less refunds, never below zero.
    public var netRevenue: Money {
        let net = subtotal - refunded
        return net.minorUnits < 0 ? .zero(net.currency) : net
    }
}

public struct OrderLine: Hashable, Sendable, Codable {
    public var sku: String?
    public var name: String
    public var quantity: Int
    public var price: Money

    public init(sku: String?, name: String, quantity: Int, price: Money) {
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.price = price
    }
}

/// One answer from the post-purchase survey ("How did you hear about us?").
public struct SurveyResponse: Hashable, Sendable, Codable, Identifiable {
    public var id: SurveyResponseID
    public var orderID: OrderID
    public var question: String?
    public var response: String
    public var other: String?
    public var email: String?
    public var couponCode: String?
    public var utmSource: String?
    /// The creator a person credited when the answer named several (`chorus resolve`); it
    /// outranks what the answer's words name.
    public var creditedCreator: CreatorID?

    public init(id: SurveyResponseID, orderID: OrderID, question: String? = nil, response: String, other: String? = nil,
                email: String? = nil, couponCode: String? = nil, utmSource: String? = nil, creditedCreator: CreatorID? = nil) {
        self.id = id
        self.orderID = orderID
        self.question = question
        self.response = response
        self.other = other
        self.email = email
        self.couponCode = couponCode
        self.utmSource = utmSource
        self.creditedCreator = creditedCreator
    }
}
