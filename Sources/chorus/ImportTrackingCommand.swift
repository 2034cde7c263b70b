import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation

/// `chorus import tracking FILE.csv`: marks parcels shipped from a file of tracking numbers,
/// as one journaled command. Every row is checked first; one bad row stops the whole file
/// (each problem listed with its line and column) unless `--skip-invalid` applies the rest.
struct ImportTrackingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracking", abstract: "Mark shipments shipped from a CSV of tracking numbers.",
        discussion: """
        Columns: shipment_id (or handle, when that creator has one parcel waiting), carrier \
        (\(Carrier.allCases.map(\.label).joined(separator: ", "))), tracking_number and, optionally, shipping_cost \
        (a decimal in the program's currency, what the label cost). A pick list from `chorus export shipments` with \
        those columns filled in is such a file. ShipStation's shipments export (Order #, Ship Date, Recipient, Carrier, \
        Service, Tracking #, Shipping Cost) is read too, its Order # being the parcel id that \
        `chorus export shipments --format shipstation` gave it; its Ship Date is the day the parcel shipped, and a row \
        for a parcel already shipped under the same tracking number adds its shipping cost. Columns that are not read are named.
        """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @Flag(help: "Apply the valid rows and report the others, instead of applying nothing.")
    var skipInvalid = false

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIFailure(message: "cannot read \(file)") }
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            let rows = try TrackingImportCSV(bytes: [UInt8](data), fileName: fileName, workspace: store.workspace, today: Clock.now.day)
            if !rows.unreadColumns.isEmpty {
                Output.notice("not read from \(fileName): " + rows.unreadColumns.map { "'\($0)'" }.joined(separator: ", ")
                              + (rows.layout == .shipStation ? " (only Shipping Cost counts as the parcel's shipping cost)"
                                                             : " (a parcel's shipping cost goes in shipping_cost)"))
            }
            rows.errors.forEach { Output.error($0.description) }
            if !rows.errors.isEmpty && !skipInvalid {
                throw CLIFailure(message: "\(rows.errors.count) invalid row\(rows.errors.count == 1 ? "" : "s"); nothing was applied (--skip-invalid applies the valid rows)")
            }
            guard !rows.dispatches.isEmpty else { throw CLIFailure(message: "\(fileName) has no rows to apply") }
            let applied = try store.perform(.importTracking(rows.dispatches), context: Clock.context)
            let skipped = rows.errors.isEmpty ? "" : "; skipped \(rows.errors.count) invalid row\(rows.errors.count == 1 ? "" : "s")"
            try Output.print(applied.summary + skipped)
        }
    }
}
