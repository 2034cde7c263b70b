import ChorusInterchange
import ChorusStore
import Foundation

/// What every `chorus import` does around its reader: read the file whole, list bad rows
/// (summarised, never a hundred thousand lines), and refuse to apply anything while there are
/// bad rows unless `--skip-invalid` says to apply the rest.
enum FileImport {
    static func read(_ path: String) throws -> (bytes: [UInt8], name: String) {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure(message: "cannot read \(path)") }
        return ([UInt8](data), URL(fileURLWithPath: path).lastPathComponent)
    }

    /// Reads `file` whole, opens the workspace for writing (saying if a torn journal line was
    /// recovered), runs `body`, and releases the workspace however `body` ends.
    static func into(_ workspace: URL, from file: String,
                     _ body: (_ bytes: [UInt8], _ fileName: String, _ store: WorkspaceStore) throws -> Void) throws {
        let (bytes, name) = try read(file)
        let store = try WorkspaceStore.open(at: workspace, mode: .readWrite)
        defer { store.close() }
        if let notice = store.recoveryNotice { Output.notice(notice) }
        try body(bytes, name, store)
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
}
