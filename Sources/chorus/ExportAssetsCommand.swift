import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus export assets --usable-for paid-social --territory DE`: the library content a paid,
/// site or email team may run today. Anything not licensed for that use, in that country, on
/// the export date is left out, and stderr says how many and why, so nobody mistakes a short
/// export for a complete one.
struct ExportAssetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets", abstract: "Export the assets licensed today for one use in one territory (CSV or JSON).",
        discussion: """
        Uses: \(RightsUse.slugs). Without --territory only worldwide licences count. CSV columns: \
        \(UsableAssetsCSV.header.joined(separator: ", ")). JSON is the same rows as `chorus list assets --format json`. \
        The export date is today (CHORUS_NOW pins it).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: ArgumentHelp("The use the assets are for: \(RightsUse.slugs).", valueName: "use"))
    var usableFor: String

    @Option(help: ArgumentHelp("The country the use is in, as a two-letter code (DE, US).", valueName: "country"))
    var territory: String?

    @Option(help: "Output format.")
    var format: Format = .csv

    @OptionGroup var destination: ExportDestination
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            guard let use = RightsUse(named: usableFor) else {
                throw CLIFailure(message: "'\(usableFor)' is not a use; use one of \(RightsUse.slugs)")
            }
            if let territory, !CountryCodes.isKnown(territory) {
                throw CLIFailure(message: "'\(territory)' is not a known country code; use two letters such as DE or US")
            }
            let store = try workspace.openForReading()
            let today = Clock.now.day
            let question = UsableFor(use, in: territory)
            let selection = question.select(store.workspace.assets.rows, on: today)
            switch format {
            case .csv:
                try destination.writeCSV(UsableAssetsCSV.write(selection.usable, workspace: store.workspace,
                                                               neutralizesFormulas: destination.neutralizesFormulas))
            case .json:
                let listings = Listings(workspace: store.workspace, today: today)
                let rows = selection.usable.map {
                    AssetRow($0, handle: listings.handle($0.creatorID), today: today,
                             warningDays: store.workspace.program.settings.rightsExpiryWarningDays,
                             waiver: store.workspace.waiver(of: $0))
                }
                try destination.write(Array((Listing(rows: rows).rendered(as: .json) + "\n").utf8))
            }
            let exported = selection.usable.count == 1 ? "1 asset" : "\(selection.usable.count) assets"
            Output.notice("exported \(exported) usable for \(question.label) on \(today); \(question.summary(of: selection))")
        }
    }
}
