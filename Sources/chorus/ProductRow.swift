import ChorusCore

/// A row of `chorus list products`: what each SKU is, what is on the shelf and what it costs.
/// Money is in minor units (`unitCost: 420` is 4.20) with its currency, so scripts never parse
/// a decimal; the table shows decimals.
struct ProductRow: ListRow {
    var sku: String
    var name: String
    var category: String?
    var stock: Int
    /// Units held by parcels queued or packed and not yet shipped.
    var reserved: Int
    var available: Int
    var unitCost: Int64
    var price: Int64?
    var currency: String

    init(_ sku: SKU) {
        self.sku = sku.id.rawValue
        name = sku.name
        category = sku.category
        stock = sku.stockOnHand
        reserved = sku.reserved
        available = sku.available
        unitCost = sku.unitCost.minorUnits
        price = sku.price?.minorUnits
        currency = sku.unitCost.currency.code
        decimals = (sku.unitCost.decimalString, sku.price?.decimalString)
    }

    private var decimals: (cost: String, price: String?)
    private enum CodingKeys: String, CodingKey { case sku, name, category, stock, reserved, available, unitCost, price, currency }

    static let columns = ["sku", "name", "category", "stock", "reserved", "available", "unit cost", "price"]
    var cells: [String] {
        [sku, name, category ?? "", String(stock), String(reserved), String(available), decimals.cost, decimals.price ?? ""]
    }
}
