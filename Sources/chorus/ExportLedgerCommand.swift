import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation

/// `chorus export ledger [--wave W] --format csv|json`: finance's ledger, one row per creator
/// and wave, by the README's "Ledger rules" — the same computation as the console's Ledger pane.
struct ExportLedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Export the ledger: costs and results per creator and wave, with program KPIs.",
        discussion: """
        CSV columns: handle, name, creator_id, wave, currency, \(LedgerExport.columns.dropFirst(4).joined(separator: ", ")); \
        the last row (wave `total`) sums them, and the KPIs go to stderr. JSON: {"rows": […], "summary": {KPIs}}. \
        Money is a decimal string with the currency's minor digits; today (CHORUS_NOW pins it) decides which \
        commission is still in its hold.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: ArgumentHelp("Only this wave (id, slug or name).", valueName: "wave")) var wave: String?
    @Option(help: "Output format.") var format: Format = .csv
    @OptionGroup var destination: ExportDestination
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try workspace.openForReading()
            let today = Clock.now.day
            let waveID = try wave.map { try Listings(workspace: store.workspace, today: today).resolveWave($0) }
            let ledger = Ledger(store.workspace, attribution: try store.attribution(), today: today, wave: waveID)
            let export = LedgerExport(ledger, workspace: store.workspace)
            switch format {
            case .csv: try destination.write(export.csv())
            case .json: try destination.write(Array(try Self.json(export)) + [0x0A])
            }
            let summary = export.summary.map { "\($0.name) \(export.text($0.value))" }.joined(separator: ", ")
            Output.notice("exported \(ledger.rows.count) ledger row\(ledger.rows.count == 1 ? "" : "s"); \(summary)")
        }
    }

    /// Counts as JSON numbers, money and percentages as decimal strings (never binary floats).
    static func json(_ export: LedgerExport) throws -> Data {
        func value(_ cell: LedgerExport.Cell) -> Any {
            switch cell {
            case .count(let count): count
            case .money(nil), .percent(nil), .multiple(nil): NSNull()
            default: export.text(cell)
            }
        }
        let rows = export.rows.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.name, value($0.value)) }) }
        let summary = Dictionary(uniqueKeysWithValues: export.summary.map { ($0.name, value($0.value)) })
        let document: [String: Any] = ["currency": export.ledger.currency.code, "rows": rows, "summary": summary]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
