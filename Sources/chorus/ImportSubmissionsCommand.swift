import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus import submissions FILE.csv`: drafts that arrived outside Chorus join the approval
/// inbox as one undoable change, each checked against its wave's brief like any other.
struct ImportSubmissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions", abstract: "Add drafts to the approval inbox from a CSV file.",
        discussion: """
        Columns (by name): handle, wave (id, slug or name), platform (\(Platform.allCases.map(\.rawValue).joined(separator: ", "))), \
        format (\(ContentFormat.allCases.map(\.rawValue).joined(separator: ", "))), caption and submitted_at (2026-11-20T14:30:00Z \
        or 2026-11-20) are required; asset_urls (separated by ; or spaces) and on_screen_text are optional. A creator's \
        new round of a draft sent back for changes is recorded with `chorus resubmit ID --caption …` instead.
        """)

    @Argument(help: ArgumentHelp("The submissions CSV file.", valueName: "file")) var file: String
    @Flag(help: "Apply the valid rows and list the invalid ones, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                let parsed = try SubmissionsImport(bytes: bytes, fileName: name, workspace: store.workspace)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard let command = parsed.command else { throw CLIFailure(message: "\(name) has no submissions to import") }
                let applied = try FileImport.perform(command, rows: parsed.submissions.count, on: store)
                try Output.print(applied.summary + skipped)
            }
        }
    }
}
