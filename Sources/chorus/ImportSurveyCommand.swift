import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus import survey FILE.csv`: post-purchase survey answers, matched to orders by number;
/// re-importing the same export updates the answers instead of adding them twice.
struct ImportSurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Import a post-purchase survey export.",
        discussion: """
        Columns: order_number or order_id (matched to the order Name with or without #, or to Shopify's \
        numeric order Id), response, and optionally other (free text, or Fairing's true/false flag), email, \
        coupon_code, utm_source, question. Fairing's export is read as it is. An answer whose order is not \
        imported yet is kept and counts once the order arrives.
        """)

    @Argument(help: ArgumentHelp("The survey CSV file.", valueName: "file")) var file: String
    @Flag(help: "Apply the valid answers and list the invalid rows, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                let parsed = try SurveyImport(bytes: bytes, fileName: name, workspace: store.workspace)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard !parsed.responses.isEmpty else { throw CLIFailure(message: "\(name) has no answers to import") }
                let applied = try FileImport.perform(.importSurveyResponses(parsed.responses), rows: parsed.responses.count, on: store)
                try Output.print(applied.summary + skipped)
                if let note = parsed.unmatchedNote { try Output.print(note) }
            }
        }
    }
}
