import ArgumentParser
import ChorusPostgres
import ChorusStore
import Foundation

/// Where a command finds its workspace: `--workspace DIR`, else `$CHORUS_WORKSPACE`, else the
/// per-user default, so a coordinator who works on one program never has to type a path. A
/// `postgres://HOST/DB?workspace=NAME` address names a workspace on a server instead.
struct WorkspaceOption: ParsableArguments {
    @Option(name: [.customLong("workspace"), .customShort("w")], help: ArgumentHelp(
        "The workspace folder or postgres://HOST/DB?workspace=NAME (default: $CHORUS_WORKSPACE, else \(WorkspaceLocation.defaultDescription)).",
        valueName: "dir"))
    var path: String?

    var url: URL { WorkspaceLocation.resolve(path) }

    /// The workspace opened for reading: no lock, so it works while a console has it open, and
    /// nothing to close. Says on stderr if a torn journal line was recovered.
    /// `deferringOrderHistory`: for a command that reads the orders itself, and maybe nothing
    /// else of their history (see `WorkspaceStore.keptAttributionInputs`).
    func openForReading(deferringOrderHistory: Bool = false) throws -> WorkspaceStore {
        if let address = try ServerWorkspace.address(url) { return try ServerWorkspace.open(address).0 }
        let store = try WorkspaceStore.open(at: url, mode: .readOnly, deferringOrderHistory: deferringOrderHistory)
        if let notice = store.recoveryNotice { Output.notice(notice) }
        return store
    }
}

enum WorkspaceLocation {
    static let environmentVariable = "CHORUS_WORKSPACE"
    static let defaultDescription = "$XDG_DATA_HOME/chorus/workspace (~/.local/share/chorus/workspace)"

    static func resolve(_ explicit: String?) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit, !explicit.isEmpty { return location(explicit) }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return location(fromEnvironment) }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return URL(fileURLWithPath: dataHome).appendingPathComponent("chorus/workspace")
    }

    /// A folder, or a server's address kept as it was typed.
    private static func location(_ text: String) -> URL {
        if PostgresAddress.isPostgres(text), let url = URL(string: text) { return url }
        return URL(fileURLWithPath: text).standardizedFileURL
    }
}
