/// Where an order came from as the store recorded it: the discount codes, the channel and the
/// four UTM parameters that attribution matches against creators.
///
/// Six optional strings are 96 bytes, yet a program's orders repeat a few thousand combinations
/// of them (a creator's code with their campaign's UTM values), so the six live in one shared,
/// immutable box: a snapshot's decoder hands equal referrals the same box, and an order stores
/// eight bytes. All six nil costs no box at all. Setting a field gives this order a box of its
/// own (copy on write), never changing another order's.
public struct OrderReferral: Hashable, Sendable {
    struct Fields: Hashable, Sendable {
        var discountCodes: String?
        var source: String?
        var utmSource: String?
        var utmMedium: String?
        var utmCampaign: String?
        var utmContent: String?
    }

    private(set) var box: Boxed<Fields>?

    /// The box the six fields are kept in, which the orders with this referral share; nil when
    /// all six are nil. A writer of a million orders keeps what it wrote for a box and copies it
    /// for the next order that has it. It names the box only while this referral is alive.
    public var sharedFields: ObjectIdentifier? { box.map(ObjectIdentifier.init) }

    public init(discountCodes: String? = nil, source: String? = nil, utmSource: String? = nil, utmMedium: String? = nil,
                utmCampaign: String? = nil, utmContent: String? = nil) {
        self.init(Fields(discountCodes: discountCodes, source: source, utmSource: utmSource, utmMedium: utmMedium,
                         utmCampaign: utmCampaign, utmContent: utmContent))
    }

    private init(_ fields: Fields) {
        box = fields == Fields() ? nil : Boxed(fields)
    }

    private var fields: Fields {
        get { box?.value ?? Fields() }
        set { self = OrderReferral(newValue) }
    }

    // Each read goes through the box to its one field: reading `fields` copied all six, six
    // retains and releases for each field a snapshot writer or attribution read.

    /// The raw `Discount Code` field; may hold several codes separated by commas.
    public var discountCodes: String? { get { box?.value.discountCodes } set { fields.discountCodes = newValue } }
    public var source: String? { get { box?.value.source } set { fields.source = newValue } }
    public var utmSource: String? { get { box?.value.utmSource } set { fields.utmSource = newValue } }
    public var utmMedium: String? { get { box?.value.utmMedium } set { fields.utmMedium = newValue } }
    public var utmCampaign: String? { get { box?.value.utmCampaign } set { fields.utmCampaign = newValue } }
    public var utmContent: String? { get { box?.value.utmContent } set { fields.utmContent = newValue } }
}
