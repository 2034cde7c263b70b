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
        CSV columns: handle, name, creator_id, wave, currency, as_of, \(LedgerExport.columns.dropFirst(4).joined(separator: ", ")); \
        one row per creator and wave, and nothing else, so a pivot table or SUM counts each once. The total row (wave \
        `total`, same columns) goes to its own file: --totals FILE, or beside --output FILE as FILE-totals.csv \
        (ledger.csv → ledger-totals.csv); the KPIs go to stderr. as_of is the day the figures are for. \
        JSON: {"as_of", "currency", "rows": […], "total": {…}, "summary": {KPIs}}. Money is a decimal string with the \
        currency's minor digits; today (CHORUS_NOW pins it) decides which commission is still in its hold.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var waves: WaveOption
    @Option(help: "Output format.") var format: Format = .csv
    @Option(help: ArgumentHelp("Write the total row (CSV) to this file; default with --output: beside it as NAME-totals.csv.",
                               valueName: "file"))
    var totals: String?
    @OptionGroup var destination: ExportDestination
    @OptionGroup var workspace: WorkspaceOption

    /// Where the total row goes: `--totals`, else beside `--output`; nil on stdout without `--totals`.
    var totalsPath: String? {
        if let totals { return totals }
        guard let output = destination.output else { return nil }
        let url = URL(fileURLWithPath: output)
        let stem = url.pathExtension.isEmpty ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + "-totals.csv").path
    }

    func run() throws {
        try reportingErrors {
            // The ledger reads the orders' amounts and days and nothing else of their history (`keptAttributionInputs`).
            let store = try workspace.openForReading(deferringOrderHistory: true)
            let today = Clock.now.day
            let waveID = try waves.resolved(in: store.workspace, today: today)
            let (attribution, orders, ratesUsed) = try store.keptAttributionInputs()
            let ledger = Ledger(store.workspace, orders: orders, attribution: attribution, today: today, wave: waveID)
            let export = LedgerExport(ledger, workspace: store.workspace)
            switch format {
            case .csv:
                if totalsPath == destination.output, totalsPath != nil {
                    throw CLIFailure(message: "--totals must name another file than --output")
                }
                try destination.requireWritable([destination.output, totalsPath].compactMap { $0 })
                try destination.writeCSV(export.csv(neutralizesFormulas: destination.neutralizesFormulas))
                if let totalsPath {
                    try destination.writeCSV(export.totalsCSV(neutralizesFormulas: destination.neutralizesFormulas), to: totalsPath)
                }
            case .json:
                if totals != nil { throw CLIFailure(message: "--totals is for CSV; JSON has the total in \"total\"") }
                try destination.write(Array(try Self.json(export)) + [0x0A])
            }
            let summary = export.summary.map { "\($0.name) \(export.text($0.value))" }.joined(separator: ", ")
            let totalsNote = format == .csv ? "; the total row is in \(totalsPath ?? "no file (add --totals FILE)")" : ""
            Output.notice("exported \(ledger.rows.count) ledger row\(ledger.rows.count == 1 ? "" : "s") as of \(today)\(totalsNote); \(summary)")
            if let rates = OrderCurrencies.notice(ratesUsed: ratesUsed) { Output.notice(rates) }
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
        let object = { (cells: [(name: String, value: LedgerExport.Cell)]) in
            Dictionary(uniqueKeysWithValues: cells.map { ($0.name, value($0.value)) })
        }
        let document: [String: Any] = ["as_of": export.ledger.today.description, "currency": export.ledger.currency.code,
                                       "rows": export.rows.map(object), "total": object(export.totalRow),
                                       "summary": object(export.summary)]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
