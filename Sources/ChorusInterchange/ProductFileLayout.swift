import ChorusCore

/// The three Shopify files `chorus import products` reads, told apart by header: the product
/// export in its older template (`Handle`, `Variant SKU`, `Variant Price`, …), the same export
/// in its newer template (`URL handle`, `SKU`, `Price`, …), and the inventory export (`SKU`,
/// `Location`, `Available`, `On hand`), which carries stock only.
public enum ProductFileLayout: Hashable, Sendable {
    case shopifyProductsOlder, shopifyProductsNewer, shopifyInventory

    public init(header: CSVHeader) {
        if header.index(of: "Location") != nil && (header.index(of: "Available") != nil || header.index(of: "On hand") != nil) {
            self = .shopifyInventory
        } else if header.index(of: "URL handle") != nil {
            self = .shopifyProductsNewer
        } else {
            self = .shopifyProductsOlder
        }
    }

    public var label: String {
        switch self {
        case .shopifyProductsOlder: "a Shopify products export (older template)"
        case .shopifyProductsNewer: "a Shopify products export"
        case .shopifyInventory: "a Shopify inventory export"
        }
    }

    /// Columns without which the file is not this layout.
    var required: [String] {
        switch self {
        case .shopifyProductsOlder: ["Handle", "Title", "Variant SKU"]
        case .shopifyProductsNewer: ["Title", "URL handle", "SKU"]
        case .shopifyInventory: ["SKU", "Location"]
        }
    }

    /// Where a product export keeps each field; both templates have the same fields under
    /// different names (and the newer one in sentence case, which `CSVHeader` ignores).
    struct Columns {
        var handle: Int, title: Int, sku: Int
        var price: Int?, cost: Int?, quantity: Int?, type: Int?, category: Int?
        var options: [Int]

        init(_ header: CSVHeader, _ layout: ProductFileLayout) {
            let older = layout == .shopifyProductsOlder
            handle = header.index(of: older ? "Handle" : "URL handle")!
            title = header.index(of: "Title")!
            sku = header.index(of: older ? "Variant SKU" : "SKU")!
            price = header.index(of: older ? "Variant Price" : "Price")
            cost = header.index(of: "Cost per item")
            quantity = header.index(of: older ? "Variant Inventory Qty" : "Inventory quantity")
            type = header.index(of: "Type")
            category = header.index(of: "Product category")
            options = (1...3).compactMap { header.index(of: "Option\($0) Value") }
        }
    }
}
