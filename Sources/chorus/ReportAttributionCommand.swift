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

    @OptionGroup var options: ReportOptions
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try options.requireCSVForRaw()
            let store = try workspace.openForReading(deferringOrderHistory: true)
            let waveID = try options.waves.resolved(in: store.workspace, today: Clock.now.day)
            let (result, ratesUsed, ambiguous) = try inputs(store, wave: waveID)
            let report = AttributionReport(result, workspace: store.workspace, wave: waveID, ambiguous: ambiguous)
            try report.write(as: options.format, raw: options.raw) { piece in
                try Output.standardOutput(TerminalText.forStandardOutput(piece))
            }
            if let rates = OrderCurrencies.notice(ratesUsed: ratesUsed) { Output.notice(rates) }
            // A million orders' credits, a hundred thousand creators and the answers' lists,
            // released one by one, would keep the report running after its last line for nothing.
            ProcessExit.leaveToTheSystem((store, result, report))
        }
    }

    /// Beside kept attribution, CSV (which lists no ambiguous answers) reads only the orders'
    /// amounts and days; the formats that list them also read the orders' names and the answers.
    private func inputs(_ store: WorkspaceStore, wave: WaveID?) throws
        -> (result: AttributionResult, ratesUsed: String?, ambiguous: [(order: OrderID, creatorPositions: [CreatorPosition])]) {
        guard options.format != .csv else {
            let kept = try store.keptAttributionInputs(wave: wave)
            return (kept.result, kept.ratesUsed, [])
        }
        return try store.keptAttributionWithAmbiguousAnswers(wave: wave)
    }
}
