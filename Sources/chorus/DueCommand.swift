import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus due W2 @mila +7d`: gives creators their own due date in a wave, as the console's
/// `:due` does for marked rows.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Set creators' own due date in a wave: a date (2027-01-15) or days later (+7d).",
        discussion: "chorus due W2 @mila.makes @sakura_hibi +7d moves each one's current due date a week later.")

    @Argument(help: ArgumentHelp("The wave (id, slug or name).", valueName: "wave")) var wave: String
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The creators' handles, then the date or +Nd.", valueName: "handles… date"))
    var words: [String] = []
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            guard let last = words.last, let change = DueDateChange(last) else {
                throw CLIFailure(message: "\(words.last.map { "'\($0)' is not a due date" } ?? "no due date given"); end with a date such as 2027-01-15 or +7d")
            }
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let listings = Listings(workspace: store.workspace, today: Clock.now.day)
            let waveID = try listings.resolveWave(wave)
            let ids = try OutboxCreators.resolve(Array(words.dropLast()), in: store.workspace)
            if ids.isEmpty { throw CLIFailure(message: "no creators given; name them by handle before the date: chorus due \(wave) @handle +7d") }
            try Output.print(try store.perform(.setDueDate(creators: ids, wave: waveID, change: change), context: Clock.context).summary)
        }
    }
}

/// Creators named on a command line by handle (with or without `@`), refusing unknown ones by name.
enum OutboxCreators {
    /// `@handle`s, or a lead's email (a lead has no handle yet).
    static func resolve(_ handles: [String], in workspace: Workspace) throws -> [CreatorID] {
        let find = { (text: String) in workspace.creator(handle: text) ?? (text.contains("@") ? workspace.lead(email: text) : nil) }
        let unknown = handles.filter { find($0) == nil }
        if !unknown.isEmpty { throw CLIFailure(message: "no creator with the handle (or lead with the email) \(unknown.joined(separator: ", "))") }
        return handles.compactMap { find($0)?.id }
    }
}
