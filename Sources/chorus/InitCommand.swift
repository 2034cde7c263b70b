import ArgumentParser
import ChorusCore
import ChorusOutbox
import ChorusStore
import Foundation

/// Creates a workspace: empty for a real program, or a copy of the sample program.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new workspace folder (empty, or a copy of the sample program).",
        discussion: "With --postgres URL instead of a folder, the workspace is made on a PostgreSQL server for a team at several "
            + "machines: --name (or ?workspace= in the URL) names it there, in lower-case letters, digits and _.")

    @Argument(help: ArgumentHelp("The folder to create (must be new or empty).", valueName: "dir"))
    var path: String?

    @Option(help: ArgumentHelp("Create the workspace on this PostgreSQL server instead of in a folder.", valueName: "url"))
    var postgres: String?

    @Flag(help: "Copy the sample program instead of starting empty.")
    var sample = false

    @Option(help: "The program's name (with --postgres, the workspace's name on the server; default: the brand's creator program).")
    var name: String?
    @Option(help: "The brand the program belongs to.") var brand: String?
    @Option(help: "ISO 4217 currency for all money in the program (default: the first orders import's, else EUR).")
    var currency: String?
    @Option(help: "Landing page that tracking links point to.") var landingURL = "https://example.com/"
    @Option(help: ArgumentHelp("Who drafted messages are from, written into a new program's templates/: \"Brand <creators@brand.example>\".", valueName: "mailbox"))
    var from: String?

    func validate() throws {
        guard (path == nil) != (postgres == nil) else {
            throw ValidationError(path == nil ? "say where to create the workspace: a folder, or --postgres URL" : "give a folder or --postgres URL, not both")
        }
        if let postgres, !postgres.contains("workspace="), name == nil {
            throw ValidationError("name the workspace on the server: --name NAME (lower-case letters, digits and _), or ?workspace=NAME in the URL")
        }
        if let currency, currency.count != 3 || !currency.allSatisfy(\.isLetter) {
            throw ValidationError("'\(currency)' is not a three-letter currency code such as EUR or USD")
        }
    }

    /// A brand starting from `--brand` alone sees its own name in the console's header, not a
    /// placeholder it has no command to change.
    private var programName: String {
        name ?? brand.map { "\($0) creator program" } ?? "Creator program"
    }

    private var brandName: String { brand ?? "My brand" }

    func run() throws {
        try reportingErrors {
            if let postgres { return try ServerWorkspaceCreation(url: postgres, name: programName, brand: brandName, currency: currency,
                                                                 landingURL: landingURL, sample: sample).run() }
            let url = URL(fileURLWithPath: path ?? "").standardizedFileURL
            if sample {
                try SampleWorkspace.copy(to: url)
            } else {
                try SampleWorkspace.prepareEmptyFolder(url)
                let program = Program(name: programName, brand: brandName, currency: Currency(currency ?? "EUR"), landingURL: landingURL,
                                      currencyIsProvisional: currency == nil)
                try WorkspaceStore.create(at: url, workspace: Workspace(program: program)).close()
            }
            if !sample { try TemplateFolder(workspaceFolder: url).writeMissingDefaults(from: from ?? "\(brandName) <creators@example.com>") }
            try Output.print("created \(sample ? "a copy of the sample program" : "an empty workspace") at \(url.path)")
            if from == nil && !sample { try Output.print("message templates are in templates/; set their from: line to the brand's address") }
            if !sample && currency == nil {
                try Output.print("currency: EUR, unless the first orders import is in another and nothing has a price yet (--currency chooses now)")
            }
        }
    }
}

/// Writes a fresh snapshot and empties the journal; the console also does this on exit.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compact", abstract: "Write a fresh snapshot and trim the journal.")

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let entries = store.journalLength
            try store.compact()
            try Output.print("compacted \(store.folder): \(counted(entries, "journal entry", plural: "journal entries")) folded into the snapshot")
        }
    }
}
