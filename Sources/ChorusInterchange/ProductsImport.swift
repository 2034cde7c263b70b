import ChorusCore

/// Reads a Shopify products export (either template) or inventory export into SKUs for
/// `.importProducts`: new SKUs and the new values of existing ones, merged with what the
/// workspace already has so a column the file lacks or leaves empty changes nothing.
///
/// A product export lists each product's variants on rows sharing its handle; only the first
/// has the title, type and category, and rows holding nothing but an image are skipped. Each
/// variant becomes a SKU named as Shopify names it in orders (`Glow Serum - 30 ml / Rose`).
/// Every row is checked before anything is applied, and each problem names file, line and
/// column, because a catalogue edited in a spreadsheet must go in whole or say what to fix.
public struct ProductsImport: Sendable {
    public let layout: ProductFileLayout
    public private(set) var skus: [SKU] = []
    public private(set) var errors: [ImportRowError] = []
    /// New SKUs the file gives no cost per item; they cost nothing in the ledger until one is set.
    public private(set) var withoutCost: [SKUID] = []
    /// Inventory export only: the column stock was read from and the locations summed.
    public private(set) var stockColumn = ""
    public private(set) var locations: [String] = []

    public init(bytes: [UInt8], fileName: String, workspace: Workspace) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        layout = ProductFileLayout(header: table.header)
        // A file that looks like none of the three is named with all three, not just the first.
        let lookedLikeOne = layout != .shopifyProductsOlder || table.header.index(of: "Variant SKU") != nil || table.header.index(of: "Handle") != nil
        try ImportFormatError.require(layout.required, in: table, expected: lookedLikeOne ? layout.label
            : "a Shopify products export (older template: Handle, Title, Variant SKU, …; newer: Title, URL handle, SKU, …) "
            + "or inventory export (SKU, Location, Available, …)")
        if layout == .shopifyInventory {
            try readInventory(&table, workspace: workspace)
        } else {
            try readProducts(&table, columns: ProductFileLayout.Columns(table.header, layout), workspace: workspace)
        }
    }

    /// What a product export says about one product, from the first of its rows.
    private struct Product {
        var title: String
        var category: String?
    }

    private mutating func readProducts(_ table: inout CSVTable, columns: ProductFileLayout.Columns, workspace: Workspace) throws {
        let fileName = table.fileName, currency = workspace.program.currency
        var products: [String: Product] = [:]
        var lines: [SKUID: Int] = [:]
        let header = table.header
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let fail = { (column: Int, message: String) in
                ImportRowError(fileName: fileName, line: record.line, column: column + 1, message: message, field: header.name(at: column))
            }
            let handle = record[columns.handle].trimmingWhitespace
            let title = record[columns.title].trimmingWhitespace
            let skuText = record[columns.sku].trimmingWhitespace
            let variantFields = [columns.price, columns.cost, columns.quantity].compactMap { $0 } + columns.options
            if skuText.isEmpty && (title.isEmpty || products[handle] != nil) && variantFields.allSatisfy({ record[$0].trimmingWhitespace.isEmpty }) {
                continue  // an image-only row
            }
            // The first row with a title is the product's; a template that repeats the title on
            // variant rows leaves their type and category empty.
            if !title.isEmpty, products[handle] == nil { products[handle] = Product(title: title, category: Self.category(record, columns)) }
            guard !skuText.isEmpty else {
                errors.append(fail(columns.sku, "no SKU for \(products[handle]?.title ?? handle); give every variant a SKU in Shopify and export again"))
                continue
            }
            guard let product = products[handle] else {
                errors.append(fail(columns.handle, "the variant \(skuText) comes before a row with its product's Title (handle '\(handle)')"))
                continue
            }
            let id = SKUID(skuText)
            let existing = workspace.sku(id)
            var rowErrors: [ImportRowError] = []
            if let earlier = lines[id] { rowErrors.append(fail(columns.sku, "SKU \(id) is already on line \(earlier); keep one row per SKU")) }
            let cost = Self.amount(record, columns.cost, currency, "cost per item", fail, &rowErrors)
            let price = Self.amount(record, columns.price, currency, "price", fail, &rowErrors)
            let quantity = Self.quantity(record, columns.quantity, reserved: existing?.reserved ?? 0, fail, &rowErrors)
            guard rowErrors.isEmpty else { errors += rowErrors; continue }
            lines[id] = record.line
            let options = columns.options.map { record[$0].trimmingWhitespace }.filter { !$0.isEmpty && $0 != "Default Title" }
            if cost == nil && existing == nil { withoutCost.append(id) }
            skus.append(SKU(id: id, name: options.isEmpty ? product.title : product.title + " - " + options.joined(separator: " / "),
                            unitCost: cost ?? existing?.unitCost ?? .zero(currency),
                            stockOnHand: quantity ?? existing?.stockOnHand ?? 0,
                            category: product.category ?? existing?.category, price: price ?? existing?.price))
        }
    }

    /// The brand's own product type, else the last step of Shopify's product category (`Toners`
    /// of `Health & Beauty > … > Toners`): what wave categories and order lines match on. Type
    /// first, because both templates have it, so moving to the newer one changes no category.
    private static func category(_ record: CSVRecord, _ columns: ProductFileLayout.Columns) -> String? {
        let type = columns.type.map { record[$0].trimmingWhitespace } ?? ""
        if !type.isEmpty { return type }
        guard let column = columns.category, let leaf = record[column].split(separator: ">").last.map({ String($0).trimmingWhitespace }),
              !leaf.isEmpty else { return nil }
        return leaf
    }

    /// An amount in the program's currency; nil when the column is missing or empty.
    private static func amount(_ record: CSVRecord, _ column: Int?, _ currency: Currency, _ what: String,
                               _ fail: (Int, String) -> ImportRowError, _ errors: inout [ImportRowError]) -> Money? {
        guard let column, case let text = record[column].trimmingWhitespace, !text.isEmpty else { return nil }
        guard let amount = Money.parse(Substring(text), currency: currency), amount.minorUnits >= 0 else {
            errors.append(fail(column, "'\(text)' is not a \(what) in \(currency); write an amount like 4.20"))
            return nil
        }
        return amount
    }

    /// A count of units; nil when the column is missing or empty.
    private static func quantity(_ record: CSVRecord, _ column: Int?, reserved: Int,
                                 _ fail: (Int, String) -> ImportRowError, _ errors: inout [ImportRowError]) -> Int? {
        guard let column, case let text = record[column].trimmingWhitespace, !text.isEmpty else { return nil }
        guard let count = Int(text), count >= 0 else {
            errors.append(fail(column, "'\(text)' is not a stock count; write a whole number of units, 0 or more"))
            return nil
        }
        if count < reserved {
            errors.append(fail(column, "\(count) in stock but \(reserved) are reserved for parcels Chorus has queued; ship or cancel them first"))
            return nil
        }
        return count
    }

    /// Stock per SKU summed over the export's locations, from `Available` (units neither
    /// committed to customers' orders nor set aside as unavailable), else `On hand`.
    private mutating func readInventory(_ table: inout CSVTable, workspace: Workspace) throws {
        let fileName = table.fileName
        let skuColumn = table.header.index(of: "SKU")!, locationColumn = table.header.index(of: "Location")!
        stockColumn = table.header.index(of: "Available") != nil ? "Available" : "On hand"
        let stock = table.header.index(of: stockColumn)!
        var totals: [SKUID: (units: Int, line: Int)] = [:]
        var order: [SKUID] = []
        let header = table.header
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let fail = { (column: Int, message: String) in
                ImportRowError(fileName: fileName, line: record.line, column: column + 1, message: message, field: header.name(at: column))
            }
            let skuText = record[skuColumn].trimmingWhitespace
            guard !skuText.isEmpty else {
                errors.append(fail(skuColumn, "no SKU; give every variant a SKU in Shopify and export again"))
                continue
            }
            let id = SKUID(skuText)
            guard workspace.sku(id) != nil else {
                errors.append(fail(skuColumn, "SKU \(id) is not in this workspace; import Shopify's products export first"))
                continue
            }
            let text = record[stock].trimmingWhitespace
            // Shopify writes "not stocked" where a location does not carry the variant.
            let units = text.isEmpty || text.lowercased() == "not stocked" ? 0 : Int(text)
            guard let units, units >= 0 else {
                errors.append(fail(stock, "'\(text)' is not a stock count; write a whole number of units, 0 or more"))
                continue
            }
            let location = record[locationColumn].trimmingWhitespace
            if !location.isEmpty && !locations.contains(location) { locations.append(location) }
            if totals[id] == nil { order.append(id) }
            totals[id, default: (0, record.line)].units += units
        }
        for id in order {
            guard var sku = workspace.sku(id), let total = totals[id] else { continue }
            if total.units < sku.reserved {
                errors.append(ImportRowError(fileName: fileName, line: total.line, column: stock + 1, message:
                    "\(id) has \(total.units) \(stockColumn.lowercased()) over all locations but \(sku.reserved) are reserved for parcels Chorus has queued; ship or cancel them first",
                    field: header.name(at: stock)))
                continue
            }
            sku.stockOnHand = total.units
            skus.append(sku)
        }
    }
}
