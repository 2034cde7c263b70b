import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus export codes`: creators' discount codes as CSV, for upload to the store.
struct ExportCodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes", abstract: "Export discount codes (CSV) for upload to the store.",
        discussion: "Columns: \(DiscountCodesCSV.header.joined(separator: ", ")).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }

    @OptionGroup var waves: WaveOption
    @Option(help: "Output format.") var format: Format = .csv
    @OptionGroup var destination: ExportDestination
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try workspace.openForReading()
            let waveID = try waves.resolved(in: store.workspace, today: Clock.now.day)
            try destination.writeCSV(DiscountCodesCSV.write(workspace: store.workspace, wave: waveID,
                                                            neutralizesFormulas: destination.neutralizesFormulas))
        }
    }
}
