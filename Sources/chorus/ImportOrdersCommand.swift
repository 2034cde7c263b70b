import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation

/// `chorus import orders FILE.csv`: Shopify's order export, upserted by order `Name`, so
/// re-importing the same file changes nothing and a later, overlapping export updates refunds
/// and cancellations instead of duplicating orders.
struct ImportOrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "Import Shopify's order export (Orders → Export → CSV).",
        discussion: """
        Orders in another currency than the program's are converted at the rates of `chorus import rates` (the \
        order's day, or the latest before it), keeping what the store charged. Reads Name, Email, Financial Status, \
        Created at, Currency, Subtotal, Discount Code, Refunded Amount, \
        Cancelled at, Source, the Lineitem quantity/name/sku/price columns and, when present, Landing Site or \
        utm_* lines in Note Attributes. Other columns are ignored. A bad amount or date leaves its whole order out.
        """)

    @Argument(help: ArgumentHelp("The orders CSV file.", valueName: "file")) var file: String
    @Flag(help: "Apply the valid orders and list the invalid rows, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let (input, name) = try FileImport.open(file)
            try FileImport.into(workspace.url) { store in
                let currency = store.workspace.program.currency
                let imported = try Self.apply(input, fileName: name, to: store, skipInvalid: skipInvalid)
                try Output.print(imported.summary)
                if store.workspace.program.currency != currency {
                    try Output.print("the program's currency is now \(store.workspace.program.currency), taken from these orders (nothing had a price yet)")
                }
                ProcessExit.leaveToTheSystem(imported)
            }
        }
    }

    /// Reads an export and applies it, durably: what the command does, and what `chorus bench`
    /// times against Python. The file is read a window at a time (see `CSVFile`): it is as big
    /// as the orders, and holding it whole while they were built made the import's peak memory.
    static func apply(_ file: CSVFile, fileName: String, to store: WorkspaceStore, skipInvalid: Bool) throws
        -> (parsed: ShopifyOrdersImport, applied: AppliedCommand, summary: String) {
        let parsed = try ShopifyOrdersImport(file: file, fileName: fileName, currency: store.workspace.program.currency)
        let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
        guard !parsed.orders.isEmpty else { throw CLIFailure(message: "\(fileName) has no orders to import") }
        let (orders, converted) = try OrderCurrencies.inProgramCurrency(parsed.orders, workspace: store.workspace, skipInvalid: skipInvalid)
        guard !orders.isEmpty else { throw CLIFailure(message: "\(fileName) has no orders with a rate to import") }
        let applied = try FileImport.perform(.importOrders(orders), rows: orders.count, on: store, undoable: false)
        return (parsed, applied, "\(applied.summary) from \(parsed.rowCount) rows\(skipped)\(converted)")
    }
}
