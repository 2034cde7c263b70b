import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus report weekly`: a wave's (or the program's) weeks — revenue, orders, spend and
/// cumulative spend against the budget — as rows, or as the console's charts in an SVG picture.
struct ReportWeeklyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weekly", abstract: "Revenue, orders and spend per week; --format svg draws them for a slide.",
        discussion: """
        Weeks run Monday to Sunday, from the wave's start to today or its end. Amounts are the ledger's, spread over the \
        weeks they happened in: revenue and commission on the order's day, a parcel when it was queued, fees when the \
        creator reached the stage that earns them, a bonus in the week of the creator's last direct order. With --wave \
        the picture also shows the wave's budget and its committed cost (parcels queued or packed, fees and credit due, \
        commission still held). Write the SVG to a file with `> weekly.svg`.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, svg }

    struct Row: ListRow {
        var week: String
        var directNetRevenue: String
        var assistedNetRevenue: String
        var orders: Int64
        var spend: String
        var cumulativeSpend: String

        static let columns = ["week", "direct_net_revenue", "assisted_net_revenue", "orders", "spend", "cumulative_spend"]
        var cells: [String] { [week, directNetRevenue, assistedNetRevenue, String(orders), spend, cumulativeSpend] }
    }

    @OptionGroup var waves: WaveOption
    @Option(help: "Output format.") var format: Format = .table
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try workspace.openForReading()
            let today = Clock.now.day
            let waveID = try waves.resolved(in: store.workspace, today: today)
            let ledger = Ledger(store.workspace, attribution: try store.attribution(), today: today, wave: waveID)
            let series = WeeklySeries(ledger, workspace: store.workspace, wave: waveID)
            let chosen = waveID.flatMap(store.workspace.wave)
            if format == .svg {
                let budget = chosen.map { WaveBudget($0, workspace: store.workspace, ledger: ledger) }
                let title = "\(store.workspace.program.name) · \(chosen?.name ?? "all waves") · as of \(today)"
                return try Output.print(WeeklyChartSVG(title: title, series: series, budget: budget, currency: ledger.currency).document
                    .trimmingTrailingNewline)
            }
            let money = { (minorUnits: Int64) in ledger.money(minorUnits).decimalString }
            let cumulative = series.cumulativeSpend
            let rows = series.weeks.indices.map { week in
                Row(week: series.weeks[week].description, directNetRevenue: money(series.directRevenue[week]),
                    assistedNetRevenue: money(series.assistedRevenue[week]), orders: series.orders[week],
                    spend: money(series.spend[week]), cumulativeSpend: money(cumulative[week]))
            }
            try Output.print(Listing(rows: rows).rendered(as: OutputFormat(rawValue: format.rawValue) ?? .table))
        }
    }
}
