import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus report attribution`: per creator, direct and assisted orders and net revenue, by the
/// rules in the README's "Attribution rules" — the same computation the console shows.
struct ReportAttributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution", abstract: "Orders and net revenue credited to each creator.",
        discussion: """
        Lists every creator with credited orders (direct by code or link, assisted by survey), the total, and the \
        orders no creator gets: paid/affiliate, unattributed, ambiguous survey answers, cancelled/void. \
        Amounts are net of refunds, in the program currency.
        """)

    @Option(help: ArgumentHelp("Only orders of this wave (id, slug or name).", valueName: "wave")) var wave: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: cells exactly as stored, without the leading ' that keeps spreadsheets from running them.")
    var raw = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            if raw && format != .csv { throw CLIFailure(message: "--raw is for CSV; add --format csv") }
            let store = try workspace.openForReading()
            let waveID = try wave.map { try Listings(workspace: store.workspace, today: Clock.now.day).resolveWave($0) }
            let result = try store.attribution(wave: waveID)
            let report = AttributionReport(result, workspace: store.workspace, wave: waveID, listingAmbiguousAnswers: format != .csv)
            try report.write(as: format, raw: raw) { piece in
                try Output.standardOutput(TerminalText.forStandardOutput(piece))
            }
            if let rates = OrderCurrencies.ratesUsed(by: store.workspace.orders.rows) { Output.notice(rates) }
        }
    }
}
