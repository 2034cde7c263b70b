import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus stock SKU +20 --reason "..."`: corrects what is on the shelf (a delivery, a
/// recount, damaged units) as one journaled change that keeps its reason.
struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock", abstract: "Correct a SKU's stock on hand, with a reason.",
        discussion: "CHANGE is +N for units that arrived or -N for units that left: chorus stock GS-30 -3 --reason damaged.")

    @Argument(help: ArgumentHelp("The SKU.", valueName: "sku")) var sku: String
    /// Captured this way so `-3` is read as a change rather than an unknown option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Units to add (+20) or remove (-3).", valueName: "change"))
    var changes: [String] = []
    @Option(help: "Why the stock changed (kept with the change).") var reason: String
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            guard changes.count == 1, case let change = changes[0],
                  let delta = Int(change.hasPrefix("+") ? String(change.dropFirst()) : change), delta != 0 else {
                throw CLIFailure(message: "\(changes.isEmpty ? "no change given" : "'\(changes.joined(separator: " "))' is not a change in units"); write +20 or -3")
            }
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let applied = try store.perform(.adjustStock(sku: SKUID(sku), delta: delta, reason: reason), context: Clock.context)
            let now = store.workspace.sku(SKUID(sku))
            try Output.print(applied.summary + (now.map { ": \($0.stockOnHand) on hand, \($0.available) available" } ?? ""))
        }
    }
}
