import ArgumentParser
import ChorusStore
import Foundation

/// Where a command finds its workspace: `--workspace DIR`, else `$CHORUS_WORKSPACE`, else the
/// per-user default, so a coordinator who works on one program never has to type a path.
struct WorkspaceOption: ParsableArguments {
    @Option(name: [.customLong("workspace"), .customShort("w")], help: ArgumentHelp(
        "The workspace folder (default: $CHORUS_WORKSPACE, else \(WorkspaceLocation.defaultDescription)).",
        valueName: "dir"))
    var path: String?

    var url: URL { WorkspaceLocation.resolve(path) }

    /// The workspace opened for reading: no lock, so it works while a console has it open, and
    /// nothing to close. Says on stderr if a torn journal line was recovered.
    func openForReading() throws -> WorkspaceStore {
        let store = try WorkspaceStore.open(at: url, mode: .readOnly)
        if let notice = store.recoveryNotice { Output.notice(notice) }
        return store
    }
}

enum WorkspaceLocation {
    static let environmentVariable = "CHORUS_WORKSPACE"
    static let defaultDescription = "$XDG_DATA_HOME/chorus/workspace (~/.local/share/chorus/workspace)"

    static func resolve(_ explicit: String?) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit).standardizedFileURL }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment).standardizedFileURL
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return URL(fileURLWithPath: dataHome).appendingPathComponent("chorus/workspace")
    }
}
