import ArgumentParser
import ChorusPostgres
import ChorusStore
import Foundation

/// `chorus migrate FOLDER --to URL`: moves a folder workspace onto a PostgreSQL server for a
/// team at several machines. The newest state travels as the server's first snapshot, positions
/// go on from the folder's, and the whole history (who did what when, with the summaries) comes
/// along for `chorus history` and `H`. The folder is left exactly as it was.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Move a folder workspace onto a PostgreSQL server, with its history.",
        discussion: "The server workspace is new: --name (or ?workspace= in the URL) names it. Stop using the folder afterwards; "
            + "if anyone changes it while it is being moved, nothing is moved and you are told to try again.")

    @Argument(help: ArgumentHelp("The workspace folder to move.", valueName: "dir"))
    var folder: String

    @Option(help: ArgumentHelp("The PostgreSQL server to move it to.", valueName: "url"))
    var to: String

    @Option(help: "The workspace's name on the server (lower-case letters, digits and _).")
    var name: String?

    func run() throws {
        try reportingErrors {
            let address = try PostgresAddress(to, workspace: name)
            let path = URL(fileURLWithPath: folder).standardizedFileURL.path
            let store = try WorkspaceStore.open(at: path, mode: .readOnly)
            try store.finishLoadingOrderHistory()
            let history = try store.history()
            try PostgresLog.create(address, workspace: store.workspace, through: store.lastSequence, earlierHistory: history)
            // A colleague's change made to the folder meanwhile would be left behind.
            let after = try WorkspaceStore.open(at: path, mode: .readOnly, deferringOrderHistory: true)
            guard after.lastSequence == store.lastSequence else {
                try? PostgresLog.remove(address)
                throw CLIFailure(message: "\(path) was changed while it was being moved (entry \(after.lastSequence) is new); "
                                 + "nothing was moved — close the consoles on it and try again")
            }
            try Output.print("moved \(path) onto \(address): the state after entry \(store.lastSequence) and \(history.count) history records")
            try Output.print("open it with chorus --workspace '\(address.url)'; stop using the folder")
        }
    }
}
