import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus import metrics FILE.csv`: the latest views, likes, comments, shares, saves and
/// clicks per asset, found by asset id or by the post's link, all rows or none.
struct ImportMetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "Update assets' performance from a CSV of post metrics.",
        discussion: """
        Columns: asset_id or post_url, date (YYYY-MM-DD, the day measured), \(MetricsImport.countColumns.joined(separator: ", ")). \
        A post_url matches however it was copied (any case, with or without www, a trailing slash or ?utm_… tail). \
        Each row replaces that asset's figures; one row per asset.
        """)

    @Argument(help: ArgumentHelp("The metrics CSV file.", valueName: "file")) var file: String
    @Flag(help: "Apply the valid rows and list the invalid ones, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                let parsed = try MetricsImport(bytes: bytes, fileName: name, workspace: store.workspace)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard !parsed.readings.isEmpty else { throw CLIFailure(message: "\(name) has no metrics to import") }
                let applied = try FileImport.perform(.importMetrics(parsed.readings), rows: parsed.readings.count, on: store)
                try Output.print(applied.summary + skipped)
            }
        }
    }
}
