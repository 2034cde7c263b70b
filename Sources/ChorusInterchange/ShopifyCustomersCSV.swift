import ChorusCore

/// Writes customers in the layout of Shopify's newer customer export (Customers → Export).
///
/// Brands recruit creators from their own customers, and the customer export is where that
/// list comes from: spend and order counts are the fit signal, and the store's tags are where
/// staff note social handles (`ig:@lena.hikes`, `tt:@lena`). Only creators who are customers
/// (who have `CustomerSignals`) are written, since the export lists customers.
public enum ShopifyCustomersCSV {
    public static let header: [String] = [
        "Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing", "Default Address Company",
        "Default Address Address1", "Default Address Address2", "Default Address City", "Default Address Province Code",
        "Default Address Country Code", "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing",
        "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags",
    ]

    /// Tag prefixes for social handles, the convention the customer importer reads back.
    public static func tagPrefix(for platform: Platform) -> String {
        switch platform {
        case .instagram: "ig"
        case .tiktok: "tt"
        case .youtube: "yt"
        case .pinterest: "pin"
        }
    }

    /// The export of the customers among `creators`, in their order.
    public static func write(creators: [Creator], lineEnding: CSVWriter.LineEnding = .lf) -> [UInt8] {
        var writer = CSVWriter(lineEnding: lineEnding, reservingCapacity: 64 + creators.count * 260)
        writer.writeRow(header)
        for creator in creators {
            guard let customer = creator.customer else { continue }
            let (first, last) = splitName(creator.name)
            if let id = customerID(for: creator.id) { writer.append(id) } else { writer.appendEmpty() }
            writer.append(first)
            writer.append(last)
            writer.append(creator.email)
            writer.append(customer.acceptsMarketing ? "yes" : "no")
            writer.appendEmpty()  // company
            writer.append(creator.address?.line1)
            writer.append(creator.address?.line2)
            writer.append(creator.address?.city)
            writer.append(creator.address?.region)
            writer.append(creator.address?.country ?? creator.country)
            writer.append(creator.address?.postalCode)
            writer.appendEmpty(2)  // phones
            writer.append("no")
            writer.append(customer.totalSpent)
            writer.append(customer.orders)
            writer.append(creator.note)
            writer.append("no")
            writer.append(tags(for: creator, customer: customer))
            writer.endRow()
        }
        return writer.bytes
    }

    /// Shopify's numeric customer id, derived from the creator id (`CR-00042` → 7200000000042).
    public static func customerID(for creator: CreatorID) -> Int? {
        guard let number = Int(creator.rawValue.drop { !$0.isNumber }) else { return nil }
        return 7_200_000_000_000 + number
    }

    /// First and last name the way Shopify's form splits them: the last word is the last name.
    static func splitName(_ name: String) -> (first: String, last: String) {
        guard let space = name.lastIndex(of: " ") else { return (name, "") }
        return (String(name[..<space]), String(name[name.index(after: space)...]))
    }

    private static func tags(for creator: Creator, customer: CustomerSignals) -> String {
        var tags = creator.profiles.map { "\(tagPrefix(for: $0.platform)):@\($0.handle)" }
        if let tier = customer.loyaltyTier { tags.append("loyalty-\(tier.lowercased())") }
        tags.append(contentsOf: customer.categories)
        return tags.joined(separator: ", ")
    }
}
