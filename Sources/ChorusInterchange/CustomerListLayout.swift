import ChorusCore

/// The kinds of customer list `chorus import customers` reads, told apart by header:
/// Shopify's older export (`Accepts Marketing`, `Address1`, `Country Code`), its newer one
/// (`Customer ID`, `Accepts Email Marketing`, `Default Address …`), Klaviyo's profile export
/// (`Email Marketing Consent` as `SUBSCRIBED`, `UNSUBSCRIBED` or `NEVER_SUBSCRIBED`), and a
/// generic CRM or loyalty list (`email` plus any of `crmColumns`).
public enum CustomerListLayout: Hashable, Sendable, CaseIterable {
    case shopifyOlder, shopifyNewer, klaviyo, generic

    /// Columns a generic CRM or loyalty list may have; only `email` is required.
    public static let crmColumns = ["email", "name", "handle", "instagram", "tiktok", "youtube", "followers",
                                    "loyalty_tier", "total_spent", "orders", "tags", "country", "accepts_marketing", "note",
                                    "address1", "address2", "city", "region", "postal_code", "phone", "payout_email"]

    /// What a customer list can say about a person, whatever the layout calls it.
    enum Field: CaseIterable {
        case customerID, firstName, lastName, name, email, acceptsMarketing
        case address1, address2, city, province, country, zip, phone, payoutEmail
        case totalSpent, orders, tags, note, handle, instagram, tiktok, youtube, followers, loyaltyTier
    }

    public init(header: CSVHeader) {
        if header.index(of: "Accepts Email Marketing") != nil || header.index(of: "Customer ID") != nil {
            self = .shopifyNewer
        } else if header.index(of: "Accepts Marketing") != nil && header.index(of: "First Name") != nil {
            self = .shopifyOlder
        } else if header.index(of: "Email Marketing Consent") != nil {
            self = .klaviyo
        } else {
            self = .generic
        }
    }

    public var label: String {
        switch self {
        case .shopifyOlder: "a Shopify customers export (older layout)"
        case .shopifyNewer: "a Shopify customers export"
        case .klaviyo: "a Klaviyo profile export"
        case .generic: "a customer list"
        }
    }

    /// Columns without which the file is not this kind of list.
    var required: [String] {
        switch self {
        case .shopifyOlder: ["Email", "Accepts Marketing", "Total Spent", "Total Orders", "Tags"]
        case .shopifyNewer: ["Email", "Accepts Email Marketing", "Total Spent", "Total Orders", "Tags"]
        case .klaviyo: ["Email", "Email Marketing Consent"]
        case .generic: ["email"]
        }
    }

    /// What to say when a file is none of these: its own columns, then each layout with the
    /// columns it would need.
    static func unrecognized(_ table: CSVTable) -> ImportFormatError {
        let layouts = allCases.map { "\($0.label) (\($0.required.joined(separator: ", ")))" }.joined(separator: "; ")
        return ImportFormatError(fileName: table.fileName, expected: "a customer list Chorus reads", missingColumns: [],
                                 detail: "its columns are \(table.header.names.map { "'\($0)'" }.joined(separator: ", ")); Chorus reads \(layouts)")
    }

    /// The column this layout keeps `field` in, if it has one.
    func column(for field: Field) -> String? {
        switch (self, field) {
        case (.shopifyNewer, .customerID): "Customer ID"
        case (.shopifyOlder, .firstName), (.shopifyNewer, .firstName), (.klaviyo, .firstName): "First Name"
        case (.shopifyOlder, .lastName), (.shopifyNewer, .lastName), (.klaviyo, .lastName): "Last Name"
        case (.klaviyo, .acceptsMarketing): "Email Marketing Consent"
        case (.klaviyo, .phone): "Phone Number"
        case (.klaviyo, .address1): "Address"
        case (.klaviyo, .address2): "Address 2"
        case (.klaviyo, .city): "City"
        case (.klaviyo, .province): "State / Region"
        case (.klaviyo, .country): "Country"
        case (.klaviyo, .zip): "Zip Code"
        case (.klaviyo, .instagram): "Instagram"
        case (.klaviyo, .tiktok): "TikTok"
        case (.generic, .address1): "address1"
        case (.generic, .address2): "address2"
        case (.generic, .city): "city"
        case (.generic, .province): "region"
        case (.generic, .zip): "postal_code"
        case (.generic, .phone): "phone"
        case (.generic, .payoutEmail): "payout_email"
        case (.generic, .name): "name"
        case (_, .email): "email"
        case (.shopifyOlder, .acceptsMarketing): "Accepts Marketing"
        case (.shopifyNewer, .acceptsMarketing): "Accepts Email Marketing"
        case (.generic, .acceptsMarketing): "accepts_marketing"
        case (.shopifyOlder, .address1): "Address1"
        case (.shopifyOlder, .address2): "Address2"
        case (.shopifyOlder, .city): "City"
        case (.shopifyOlder, .province): "Province Code"
        case (.shopifyOlder, .country): "Country Code"
        case (.shopifyOlder, .zip): "Zip"
        case (.shopifyNewer, .address1): "Default Address Address1"
        case (.shopifyNewer, .address2): "Default Address Address2"
        case (.shopifyNewer, .city): "Default Address City"
        case (.shopifyNewer, .province): "Default Address Province Code"
        case (.shopifyNewer, .country): "Default Address Country Code"
        case (.shopifyNewer, .zip): "Default Address Zip"
        case (.shopifyNewer, .phone): "Default Address Phone"
        case (.shopifyOlder, .phone): "Phone"
        case (.generic, .country): "country"
        case (.shopifyOlder, .totalSpent), (.shopifyNewer, .totalSpent): "Total Spent"
        case (.generic, .totalSpent): "total_spent"
        case (.shopifyOlder, .orders), (.shopifyNewer, .orders): "Total Orders"
        case (.generic, .orders): "orders"
        case (_, .tags): "tags"
        case (_, .note): "note"
        case (.generic, .handle): "handle"
        case (.generic, .instagram): "instagram"
        case (.generic, .tiktok): "tiktok"
        case (.generic, .youtube): "youtube"
        case (.generic, .followers): "followers"
        case (.generic, .loyaltyTier): "loyalty_tier"
        default: nil
        }
    }
}
