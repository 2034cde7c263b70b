import ArgumentParser
import ChorusCore
import ChorusGenerator
import ChorusStore
import Foundation

/// `chorus generate`: a deterministic synthetic program, from the 300-creator sample to the
/// 100 000-creator / 1 000 000-order workspace the benchmarks use.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Generate a realistic synthetic workspace (deterministic for a seed).")

    @Option(help: "Number of creators.") var creators = 300
    @Option(help: "Number of store orders.") var orders = 4_000
    @Option(help: "Random seed; the same seed gives the same workspace.") var seed: UInt64 = SampleWorkspace.seed
    @Option(help: ArgumentHelp("The date the program is seen from (YYYY-MM-DD).", valueName: "day"))
    var today = SampleWorkspace.anchorDay.description
    @Option(help: ArgumentHelp("The new workspace folder (must be new or empty).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("Also write Shopify customers/orders and survey CSV files here.", valueName: "dir"))
    var importFiles: String?

    func validate() throws {
        guard Day(today) != nil else { throw ValidationError("--today '\(today)' is not a date like 2026-11-21") }
        guard creators >= 10 else { throw ValidationError("--creators must be at least 10") }
        guard orders >= 0 else { throw ValidationError("--orders cannot be negative") }
    }

    func run() throws {
        try reportingErrors {
            let url = URL(fileURLWithPath: out).standardizedFileURL
            try SampleWorkspace.prepareEmptyFolder(url)
            let options = GeneratorOptions(creators: creators, orders: orders, seed: seed, today: Day(today)!)
            let workspace = SampleProgram.generate(options: options)
            try SampleWorkspace.write(generated: workspace, to: url)
            if let importFiles {
                try SampleFiles.write(workspace: workspace, to: URL(fileURLWithPath: importFiles).standardizedFileURL)
            }
            try Output.print("generated \(workspace.creators.count) creators and \(workspace.orders.count) orders at \(url.path)")
        }
    }
}
