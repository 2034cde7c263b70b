/// A store order as exported by Shopify, reduced to what attribution and the ledger need.
///
/// A big program loads millions of these, so the stored fields are laid out for size (104
/// bytes instead of 328) behind the same properties: the referral fields live in shared boxes,
/// `lines` and `email` in blocks shared by many orders, the financial status as a code for the
/// statuses stores use, Shopify's `Id` as its number, and what nearly every order lacks — a
/// cancellation, amounts converted from another currency, an unusual status, a refund in another
/// currency than the subtotal, an `Id` not written as a plain number — in one rare box. Equality, hashing and the `Codable` form are those of the plain fields.
public struct Order: Hashable, Sendable, Codable, Identifiable {
    public var id: OrderID
    /// The customer's e-mail as bytes in a block shared with other orders (see `PackedText`).
    private var emailText: PackedText
    public var createdAt: Timestamp
    private var subtotalUnits: Int64
    private var refundedUnits: Int64
    public var referral: OrderReferral
    public var lines: OrderLines
    /// `shopifyID` as its number; 0 when there is none or `Rare` keeps it as written. A
    /// `String?` took 16 bytes of every order, 152 MB of ten million.
    private var shopifyNumber: UInt64
    /// Nil unless the order has one of `Rare`'s fields.
    private var rareBox: Boxed<Rare>?
    /// The subtotal's currency, and the refund's unless `Rare` says otherwise.
    private var currency: Currency
    /// `financialStatus` as its position in `commonStatuses` plus one; 0 for one kept in `Rare`.
    private var statusCode: UInt8

    /// What few orders have, kept out of the other orders' bytes. Nil fields are absent; an
    /// order with none of them keeps no box, so equal orders store equal fields.
    private struct Rare: Hashable, Sendable {
        var cancelledAt: Timestamp?
        var original: ForeignAmounts?
        var financialStatus: String?
        var refundedCurrency: Currency?
        /// A Shopify `Id` that is not the digits of a number from 1 on (`shopifyNumber`).
        var shopifyID: String?
    }

    /// The statuses Shopify exports, which nearly every order has. Plain lowercase ASCII, which
    /// no other spelling equals as a `String`, so a status found here reads back byte for byte.
    static let commonStatuses = ["paid", "refunded", "partially_refunded", "pending", "authorized", "voided", "partially_paid",
                                 "unpaid", "expired"]

    /// Sets `statusCode`, and the rare status when it is not a common one.
    private mutating func setStatus(_ status: String) {
        let position = Self.commonStatuses.firstIndex(of: status)
        statusCode = position.map { UInt8($0 + 1) } ?? 0
        if position == nil || rareBox?.value.financialStatus != nil { rare.financialStatus = position == nil ? status : nil }
    }

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
        emailText = email
        self.createdAt = createdAt
        subtotalUnits = subtotal.minorUnits
        refundedUnits = refunded.minorUnits
        self.referral = referral
        self.lines = lines
        shopifyNumber = Self.number(ofShopifyID: shopifyID) ?? 0
        currency = subtotal.currency
        statusCode = 0
        rareBox = nil
        let writtenShopifyID = shopifyNumber == 0 ? shopifyID : nil
        if cancelledAt != nil || original != nil || refunded.currency != subtotal.currency || writtenShopifyID != nil {
            rare = Rare(cancelledAt: cancelledAt, original: original, refundedCurrency: refunded.currency == subtotal.currency ? nil : refunded.currency,
                        shopifyID: writtenShopifyID)
        }
        setStatus(financialStatus)
    }

    private var rare: Rare {
        get { rareBox?.value ?? Rare() }
        set { rareBox = newValue == Rare() ? nil : Boxed(newValue) }
    }

    public var email: String? {
        get { emailText.string }
        set { emailText = PackedText(newValue) }
    }

    /// Shopify's numeric order `Id` (`5100000001001`) beside the `Name` (`#1001`): survey tools
    /// name an order by either. Nil for orders imported before it was kept.
    public var shopifyID: String? {
        get { withShopifyID { $0.map { String(decoding: $0, as: UTF8.self) } } }
        set {
            shopifyNumber = Self.number(ofShopifyID: newValue) ?? 0
            let written = shopifyNumber == 0 ? newValue : nil
            if written != rareBox?.value.shopifyID { rare.shopifyID = written }  // no box made for nothing
        }
    }

    /// Calls `body` with Shopify's `Id` as UTF-8, or nil for none, without making a `String`:
    /// what a writer of a million orders wants.
    public func withShopifyID<Result>(_ body: (UnsafeBufferPointer<UInt8>?) throws -> Result) rethrows -> Result {
        guard shopifyNumber != 0 else {
            guard var written = rareBox?.value.shopifyID else { return try body(nil) }
            return try written.withUTF8(body)
        }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var (number, start) = (shopifyNumber, digits.count)
            while number > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(number % 10)
                number /= 10
            }
            return try body(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Sets Shopify's `Id` from its digits as a file has them, without making a `String` of
    /// them first: an import reads a million.
    public mutating func setShopifyID(digits: UnsafeBufferPointer<UInt8>) {
        guard let number = Self.number(digits) else { return shopifyID = String(decoding: digits, as: UTF8.self) }
        shopifyNumber = number
        if rareBox?.value.shopifyID != nil { rare.shopifyID = nil }
    }

    /// `shopifyID` as a key, without making its text.
    public var shopifyKey: ShopifyOrderKey? {
        shopifyNumber != 0 ? .number(shopifyNumber) : rareBox?.value.shopifyID.map(ShopifyOrderKey.written)
    }

    static func number(ofShopifyID id: String?) -> UInt64? {
        guard var id else { return nil }
        return id.withUTF8(number)
    }

    /// The number `digits` are, when they read back as the same text: one to nineteen digits,
    /// no leading zero. Anything else is kept as written.
    private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard (1...19).contains(digits.count), digits[0] != UInt8(ascii: "0") else { return nil }
        var number: UInt64 = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            number = number * 10 + UInt64(digit - UInt8(ascii: "0"))
        }
        return number
    }

    /// The e-mail as it is kept, for a writer that copies its bytes rather than make a `String`.
    public var packedEmail: PackedText { emailText }

    public var financialStatus: String {
        get { statusCode == 0 ? rare.financialStatus! : Self.commonStatuses[Int(statusCode) - 1] }
        set { setStatus(newValue) }
    }

    public var cancelledAt: Timestamp? {
        get { rareBox?.value.cancelledAt }
        set { rare.cancelledAt = newValue }
    }

    public var subtotal: Money {
        get { Money(minorUnits: subtotalUnits, currency: currency) }
        set {
            let refunded = self.refunded
            subtotalUnits = newValue.minorUnits
            currency = newValue.currency
            self.refunded = refunded
        }
    }

    public var refunded: Money {
        get { Money(minorUnits: refundedUnits, currency: rareBox?.value.refundedCurrency ?? currency) }
        set {
            refundedUnits = newValue.minorUnits
            rare.refundedCurrency = newValue.currency == currency ? nil : newValue.currency
        }
    }

    /// What the store charged in another currency, and the rate it was converted at; nil for
    /// an order in the program's currency.
    public var original: ForeignAmounts? {
        get { rareBox?.value.original }
        set { rare.original = newValue }
    }

    /// The raw `Discount Code` field; may hold several codes separated by commas.
    public var discountCodes: String? { get { referral.discountCodes } set { referral.discountCodes = newValue } }
    public var source: String? { get { referral.source } set { referral.source = newValue } }
    public var utmSource: String? { get { referral.utmSource } set { referral.utmSource = newValue } }
    public var utmMedium: String? { get { referral.utmMedium } set { referral.utmMedium = newValue } }
    public var utmCampaign: String? { get { referral.utmCampaign } set { referral.utmCampaign = newValue } }
    public var utmContent: String? { get { referral.utmContent } set { referral.utmContent = newValue } }

    /// Cancelled, voided and never-captured orders count for nothing. Inlined, and calling
    /// nothing for a common status: a call would have attribution, which reads a million orders
    /// in place, copy each one out first (a dozen retains and releases).
    public var counts: Bool {
        @inline(__always) get {
            let rare = rareBox
            guard rare?.value.cancelledAt == nil else { return false }
            if statusCode != 0 { return Self.countingStatusCodes & (1 << statusCode) != 0 }
            // Code 0 keeps the status in `Rare` (see `setStatus`).
            return Self.counts(status: rare?.value.financialStatus ?? "")
        }
    }

    /// Bit `n` set when the status with code `n` (`commonStatuses[n - 1]`) counts: all but
    /// pending (4), authorized (5) and voided (6). A literal rather than derived from the list,
    /// so reading it calls nothing; `CompactOrderTests` checks it against `counts(status:)` for
    /// every status in the list.
    private static let countingStatusCodes: UInt16 = 0b11_1000_1110

    /// Whether an order with this status counts (cancellation aside): voided, pending and
    /// authorized ones do not, in any case.
    static func counts(status: String) -> Bool {
        !(status.equalsIgnoringASCIICase("voided") || status.equalsIgnoringASCIICase("pending") || status.equalsIgnoringASCIICase("authorized"))
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
