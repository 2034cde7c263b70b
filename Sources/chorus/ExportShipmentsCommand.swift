import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus export shipments`: the pick-and-pack list a warehouse or label tool works from,
/// with names and addresses; its empty carrier and tracking columns come back through
/// `chorus import tracking`.
struct ExportShipmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipments", abstract: "Export shipments as a pick-and-pack list (CSV).",
        discussion: """
        Columns: \(PickListCSV.header.joined(separator: ", ")). Fill in carrier and tracking_number (and shipping_cost) \
        and import the file with `chorus import tracking`. --format shipstation writes ShipStation's order import \
        instead, one row per item: \(ShipStationOrdersCSV.header.joined(separator: ", ")); ShipStation's shipments \
        export then goes back through `chorus import tracking` unchanged, shipping costs included.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, shipstation }

    @OptionGroup var waves: WaveOption

    @Option(help: ArgumentHelp("Only this status: \(ShipmentStatus.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "status"))
    var status: String?

    @Option(help: "Output format.")
    var format: Format = .csv

    @OptionGroup var destination: ExportDestination
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try workspace.openForReading()
            let waveID = try waves.resolved(in: store.workspace, today: Clock.now.day)
            let status = try Listings.requireStatus(status, as: ShipmentStatus.self, "shipment")
            let shipments = store.workspace.shipments.filter { shipment in
                (waveID == nil || shipment.waveID == waveID) && (status == nil || shipment.status == status)
            }
            switch format {
            case .csv:
                try destination.writeCSV(PickListCSV.write(shipments, workspace: store.workspace,
                                                          neutralizesFormulas: destination.neutralizesFormulas))
            case .shipstation:
                try destination.writeCSV(ShipStationOrdersCSV.write(shipments, workspace: store.workspace,
                                                                   neutralizesFormulas: destination.neutralizesFormulas))
            }
        }
    }
}
