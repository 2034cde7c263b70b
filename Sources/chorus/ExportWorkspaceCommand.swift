import ArgumentParser
import ChorusPostgres
import ChorusStore
import Foundation

/// `chorus export workspace FOLDER --workspace postgres://…`: moves a server workspace back into
/// a folder — a team that shrank to one machine, or a copy to keep — as `chorus migrate` moves
/// one the other way: the newest state becomes the folder's snapshot, positions go on from the
/// server's, and the whole history (what was moved onto the server with it included) comes along
/// for `chorus history` and `H`. The server workspace is left as it was.
struct ExportWorkspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Move a workspace on a PostgreSQL server into a folder, with its history.",
        discussion: "The folder must be new (or empty). Stop using the server workspace afterwards; if anyone changes it "
            + "while it is being moved, nothing is kept in the folder and you are told to try again.")

    @Argument(help: ArgumentHelp("The new workspace folder.", valueName: "dir"))
    var folder: String

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            guard let address = try ServerWorkspace.address(workspace.url) else {
                throw CLIFailure(message: "\(workspace.url.path) is a folder already; --workspace names the server workspace to move, "
                                 + "as postgres://HOST/DB?workspace=NAME")
            }
            let path = URL(fileURLWithPath: folder).standardizedFileURL.path
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard existing.isEmpty else {
                throw CLIFailure(message: "\(path) is not empty; name a new folder to move the workspace into")
            }
            let made = !FileManager.default.fileExists(atPath: path)
            let (store, log) = try ServerWorkspace.open(address)
            try store.finishLoadingOrderHistory()
            let history = try store.history()
            do {
                let moved = try WorkspaceStore.create(at: path, workspace: store.workspace, through: store.lastSequence, earlierHistory: history)
                defer { moved.close() }
                // A colleague's change made on the server meanwhile would be left behind.
                let head = try log.head()
                guard head == store.lastSequence else {
                    throw CLIFailure(message: "\(address) was changed while it was being moved (entry \(head) is new); "
                                     + "nothing was kept in \(path) — ask the team to close their consoles and try again")
                }
                moved.keepAttribution()
            } catch {
                if made { try? FileManager.default.removeItem(atPath: path) } else {
                    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                        try? FileManager.default.removeItem(atPath: path + "/" + name)
                    }
                }
                throw error
            }
            try Output.print("moved \(address) into \(path): the state after entry \(store.lastSequence) and \(history.count) history records")
            try Output.print("open it with chorus --workspace '\(path)'; stop using the server workspace")
        }
    }
}
