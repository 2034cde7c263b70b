import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus report cohorts`: the ledger grouped by tier, source, incentive type, niche or
/// country — the comparison a manager makes before scaling a kind of creator into the next wave.
struct ReportCohortsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohorts", abstract: "Creators, content, results and returns per tier, source, incentive, niche or country.",
        discussion: """
        Per group: creators, active creators (with an approved asset), posts, engagement rate (engagements per post per \
        follower), direct and assisted orders and net revenue, cost, contribution margin, CPA, ROAS (direct net revenue ÷ \
        cost) and ROI on margin (contribution margin ÷ cost), by the ledger's rules. A creator in several niches or found \
        through several sources counts in each. Today (CHORUS_NOW pins it) decides which commission is still held.
        """)

    @Option(help: ArgumentHelp("Group creators by this.", valueName: "tier|source|incentive|niche|country"))
    var by: Cohorts.Dimension
    @OptionGroup var options: ReportOptions
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try options.requireCSVForRaw()
            let store = try workspace.openForReading()
            let today = Clock.now.day
            let waveID = try options.waves.resolved(in: store.workspace, today: today)
            let ledger = Ledger(store.workspace, attribution: try store.attribution(), today: today, wave: waveID)
            let cohorts = Cohorts(ledger, workspace: store.workspace, by: by, wave: waveID)
            let rows = cohorts.groups.map { CohortRow($0, currency: ledger.currency) }
            try Output.print(Listing(rows: rows).rendered(as: options.format, raw: options.raw))
        }
    }
}

extension Cohorts.Dimension: ExpressibleByArgument {}
