import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus import products FILE.csv`: creates and updates SKUs (name, unit cost, price,
/// category, stock) from Shopify's products export, or stock alone from its inventory export,
/// as one undoable change that says what changed.
struct ImportProductsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products", abstract: "Import SKUs and stock from a Shopify products or inventory export.",
        discussion: """
        The layout is detected from the header. Shopify's products export, older template: Handle, Title, Type, \
        Option1 Value…, Variant SKU, Variant Inventory Qty, Variant Price, Cost per item; newer template: Title, \
        URL handle, SKU, Price, Cost per item, Inventory quantity, Product category, Type. Each variant is a SKU named \
        "Title - Option / Option"; its category is its Type, else the last step of the product category; rows with \
        only an image are skipped. Shopify's inventory export (SKU, Location, Available, On hand) sets stock only: \
        Available summed over all locations. SKUs are matched by SKU; an empty cell keeps what the workspace has.
        """)

    @Argument(help: ArgumentHelp("The products or inventory CSV file.", valueName: "file")) var file: String
    @Flag(help: "Apply the valid rows and list the invalid ones, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                let parsed = try ProductsImport(bytes: bytes, fileName: name, workspace: store.workspace)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard !parsed.skus.isEmpty else { throw CLIFailure(message: "\(name) has no products to import") }
                let applied = try FileImport.perform(.importProducts(parsed.skus), rows: parsed.skus.count, on: store)
                try Output.print(applied.summary + skipped)
                if parsed.layout == .shopifyInventory {
                    let places = parsed.locations.count == 1 ? "1 location" : "\(parsed.locations.count) locations"
                    try Output.print("stock is Shopify's '\(parsed.stockColumn)' summed over \(places) (\(parsed.locations.joined(separator: ", ")))")
                }
                if !parsed.withoutCost.isEmpty {
                    let ids = parsed.withoutCost.prefix(5).map(\.rawValue).joined(separator: ", ") + (parsed.withoutCost.count > 5 ? ", …" : "")
                    Output.notice("\(parsed.withoutCost.count) new SKU\(parsed.withoutCost.count == 1 ? " has" : "s have") no cost per item (\(ids)); seeding them costs nothing in the ledger until you set one in Shopify and import again")
                }
            }
        }
    }
}
