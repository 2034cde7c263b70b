import ArgumentParser
import ChorusCore
import ChorusStore
import Foundation

/// `chorus list …`: the workspace's collections for scripts (JSON, CSV) and people (table).
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List creators, shipments, submissions, assets or products.",
        discussion: """
        JSON output is an array of objects with camelCase keys, an `id` on each and the creator's `handle`. \
        Status values: shipments queued|packed|shipped|delivered|exception|cancelled; submissions \
        pending|approved|changesRequested|rejected; creators (with --wave) their pipeline stage; assets their \
        rights status active|expiring|expired|notYetActive|none. Products: one row per SKU with `sku`, `name`, \
        `category`, `stock` (on hand), `reserved`, `available`, `unitCost` and `price` in minor units, and `currency`.
        """)

    enum Collection: String, ExpressibleByArgument, CaseIterable { case creators, shipments, submissions, assets, products }

    @Argument(help: ArgumentHelp("What to list: \(Collection.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "collection"))
    var collection: Collection

    @Option(help: ArgumentHelp("Only rows with this status (see below).", valueName: "status"))
    var status: String?


    @Flag(help: "Only pending submissions older than the program's overdueBusinessDays (business days, Monday to Friday).")
    var overdue = false
    @Option(help: ArgumentHelp("Only assets whose rights hold today and end within this many days: 14d.", valueName: "days"))
    var expiring: DayCount?
    @Flag(help: "Only creators to chase: past their due date with nothing submitted (days late), then those a ghosting nudge is due for.")
    var late = false
    @Flag(help: "Only leads: customers with an email but no social handle yet, with what they bought (never counted as creators).")
    var leads = false

    @OptionGroup var options: ReportOptions

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try options.requireCSVForRaw()
            let store = try workspace.openForReading()
            let listings = Listings(workspace: store.workspace, today: Clock.now.day)
            let listing = leads ? try listings.leads(collection)
                : late ? try listings.lateCreators(collection, wave: options.wave)
                : try listings.listing(of: collection, status: status, wave: options.wave, overdue: overdue, expiringWithin: expiring?.days)
            try Output.print(listing.rendered(as: options.format, raw: options.raw))
        }
    }
}

/// A number of days as typed on the command line: `14d` or `14`.
struct DayCount: ExpressibleByArgument {
    var days: Int

    init?(argument: String) {
        let digits = argument.hasSuffix("d") ? String(argument.dropLast()) : argument
        guard let days = Int(digits), days >= 0 else { return nil }
        self.days = days
    }
}
