/// A store order as exported by Shopify, reduced to what attribution and the ledger need.
public struct Order: Hashable, Sendable, Codable, Identifiable {
    public var id: OrderID
    public var email: String?
    public var financialStatus: String
    public var createdAt: Timestamp
    public var cancelledAt: Timestamp?
    public var subtotal: Money
    public var refunded: Money
    /// The raw `Discount Code` field; may hold several codes separated by commas.
    public var discountCodes: String?
    public var source: String?
    public var utmSource: String?
    public var utmMedium: String?
    public var utmCampaign: String?
    public var utmContent: String?
    public var lines: [OrderLine]
    /// Shopify's numeric order `Id` (`5100000001001`) beside the `Name` (`#1001`): survey tools
    /// name an order by either. Nil for orders imported before it was kept.
    public var shopifyID: String?
    /// What the store charged in another currency, and the rate it was converted at; nil for
    /// an order in the program's currency.
    public var original: ForeignAmounts?

    public init(id: OrderID, email: String?, financialStatus: String, createdAt: Timestamp, cancelledAt: Timestamp? = nil,
                subtotal: Money, refunded: Money, discountCodes: String? = nil, source: String? = nil,
                utmSource: String? = nil, utmMedium: String? = nil, utmCampaign: String? = nil, utmContent: String? = nil,
                lines: [OrderLine] = [], shopifyID: String? = nil, original: ForeignAmounts? = nil) {
        self.id = id
        self.email = email
        self.financialStatus = financialStatus
        self.createdAt = createdAt
        self.cancelledAt = cancelledAt
        self.subtotal = subtotal
        self.refunded = refunded
        self.discountCodes = discountCodes
        self.source = source
        self.utmSource = utmSource
        self.utmMedium = utmMedium
        self.utmCampaign = utmCampaign
        self.utmContent = utmContent
        self.lines = lines
        self.shopifyID = shopifyID
        self.original = original
    }

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
