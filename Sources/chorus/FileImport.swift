import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation

/// What every `chorus import` does around its reader: read the file (whole, or the order
/// export a window at a time), list bad rows
/// (summarised, never a hundred thousand lines), and refuse to apply anything while there are
/// bad rows unless `--skip-invalid` says to apply the rest.
enum FileImport {
    /// Reads the file straight into one byte array: a 500 MB export is not copied twice.
    static func read(_ path: String) throws -> (bytes: [UInt8], name: String) {
        let (file, name) = try open(path)
        do {
            return (try file.readAll(), name)
        } catch {
            throw CLIFailure(message: "cannot read \(path): \(error.reason)")
        }
    }

    /// Opens the file to be read a window at a time (see `CSVFile`), with the name errors give it.
    static func open(_ path: String) throws -> (file: CSVFile, name: String) {
        do {
            return (try CSVFile(path: path), URL(fileURLWithPath: path).lastPathComponent)
        } catch {
            throw CLIFailure(message: "cannot read \(path): \(error.reason)")
        }
    }

    /// Reads `file` whole, opens the workspace for writing, and runs `body` (see `into(_:_:)`).
    /// `body` may empty `bytes` once it has read them, so that a 500 MB export is not held
    /// while applying.
    static func into(_ workspace: URL, from file: String,
                     _ body: (_ bytes: inout [UInt8], _ fileName: String, _ store: WorkspaceStore) throws -> Void) throws {
        var bytes: [UInt8], name: String
        (bytes, name) = try read(file)
        try into(workspace) { try body(&bytes, name, $0) }
    }

    /// Opens the workspace for writing (`WritableWorkspace`: waits for a busy lock), runs
    /// `body`, and releases the workspace however `body` ends, ready for the next open
    /// (`leaveReadyForTheNextOpen`): imports are what cron jobs run before people come in.
    static func into(_ workspace: URL, _ body: (_ store: WorkspaceStore) throws -> Void) throws {
        let store = try WritableWorkspace.open(workspace)
        defer {
            // Also when `body` threw after its import was durable (its summary line cut off by a closed pipe).
            store.leaveReadyForTheNextOpen()
            store.close()
        }
        try body(store)
        ProcessExit.leaveToTheSystem(store)
    }

    /// Prints `errors`; throws unless they may be skipped. Returns the note for the summary line.
    static func check(_ errors: [ImportRowError], skipInvalid: Bool, rows: String = "row") throws -> String {
        guard !errors.isEmpty else { return "" }
        ImportRowError.summary(errors).forEach { Output.error($0) }
        // A row can have several problems (a bad date and a bad count); it is still one row to fix.
        let lines = Set(errors.map { "\($0.fileName):\($0.line)" }).count
        let count = "\(lines) invalid \(rows)\(lines == 1 ? "" : "s")"
        guard skipInvalid else { throw CLIFailure(message: "\(count); nothing was applied (--skip-invalid applies the valid ones)") }
        return "; skipped \(count) (listed above)"
    }

    /// Big imports are made durable by a new snapshot rather than one huge journal line, which
    /// would cost more to write now and to replay on every open than the snapshot does.
    static func durability(rows: Int) -> WorkspaceStore.Durability {
        rows > 10_000 ? .snapshot : .journal
    }

    /// Performs an import's command of `rows` rows, durable as `durability` says.
    static func perform(_ command: Command, rows: Int, on store: WorkspaceStore, undoable: Bool = true) throws -> AppliedCommand {
        try store.perform(command, context: Clock.context, durability: durability(rows: rows), undoable: undoable)
    }
}
