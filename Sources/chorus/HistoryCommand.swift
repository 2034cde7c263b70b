import ArgumentParser
import ChorusCore
import ChorusStore
import Foundation

/// `chorus history`: who did what when, oldest first — the audit trail finance asks for, from
/// every console and command that wrote to the workspace.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Who changed what, and when.",
        discussion: "JSON output is an array of objects: seq, at, actor, kind (the command, e.g. approve) and summary.")

    @Option(help: ArgumentHelp("Only what this person did (their login, or CHORUS_USER).", valueName: "name"))
    var actor: String?

    @Option(help: ArgumentHelp("Only from this day (2026-11-21) or time (2026-11-21T10:00:00Z) on.", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("Only this kind of command: approve, markShipped, importOrders, …", valueName: "kind"))
    var kind: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let from = try since.map(Self.start(of:))
            let store = try workspace.openForReading()
            let records = try store.history().filter { record in
                (actor == nil || record.actor == actor) && (kind == nil || record.kind == kind) && (from.map { record.at >= $0 } ?? true)
            }
            try Output.print(Listing(rows: records.map(HistoryRow.init)).rendered(as: format))
        }
    }

    private static func start(of text: String) throws -> Timestamp {
        if let time = Timestamp(text) { return time }
        if let day = Day(text) { return Timestamp(day: day) }
        throw CLIFailure(message: "--since \"\(text)\" is not a day (2026-11-21) or a time (2026-11-21T10:00:00Z)")
    }
}

struct HistoryRow: ListRow {
    var seq: Int
    var at: String
    var actor: String
    var kind: String
    var summary: String

    init(_ record: HistoryRecord) {
        seq = record.seq
        at = record.at.description
        actor = record.actor
        kind = record.kind
        summary = record.summary
    }

    static let columns = ["seq", "at", "actor", "kind", "summary"]
    var cells: [String] { [String(seq), at, actor, kind, summary] }
}
