import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation

/// `chorus check`: opens a workspace read-only and reports every problem found, so a broken
/// file is found by a cron job before a coordinator meets it in the morning. With `--repair`
/// it first does the tidying that needs the workspace alone (`WorkspaceStore.repair`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a workspace: its files, its journal and the domain's invariants.")

    @OptionGroup var workspace: WorkspaceOption

    @Flag(help: "First repair what is safe to: cut a torn last journal entry, remove files nothing refers to. Needs the workspace closed everywhere.")
    var repair = false

    func run() throws {
        try reportingErrors {
            let url = workspace.url
            if repair {
                for done in try WorkspaceStore.repair(at: url.path) { try Output.print("repaired: \(done)") }
            }
            let store = try ServerWorkspace.address(url).map { try ServerWorkspace.open($0).0 } ?? WorkspaceStore.open(at: url, mode: .readOnly)
            defer { store.close() }
            if let notice = store.recoveredTornLine?.notice { Output.notice(notice) }
            if let strays = StrayReport(store.strayFiles) { Output.notice(strays.sentence(in: store.folder)) }
            // A journal line this build cannot read keeps the workspace read-only: a problem.
            let problems = (store.unreadableLastLine.map { [$0.notice] } ?? []) + WorkspaceCheck.problems(in: store.workspace)
            let ws = store.workspace
            let leads = ws.leads.count
            let counts = [counted(ws.creators.count - leads, "creator")] + (leads > 0 ? [counted(leads, "lead")] : [])
                + [counted(ws.waves.count, "wave"), counted(ws.shipments.count, "shipment"), counted(ws.submissions.count, "submission"),
                   counted(ws.assets.count, "asset"), counted(ws.orders.count, "order"), counted(store.journalLength, "journal entry", plural: "journal entries")]
            let summary = counts.joined(separator: ", ")
            guard problems.isEmpty else {
                for problem in problems.prefix(50) { Output.error(problem) }
                if problems.count > 50 { Output.error("… and \(problems.count - 50) more") }
                throw CLIFailure(message: "\(store.folder): \(problems.count) problem\(problems.count == 1 ? "" : "s") found (\(summary))")
            }
            try Output.print("ok: \(store.folder) — \(summary)")
        }
    }
}

/// Files a killed or failed compaction left behind, for `chorus check` to name with their
/// size: they hold the same names and addresses as the snapshot and can be as big.
struct StrayReport {
    let files: [StrayFile]

    init?(_ files: [StrayFile]) {
        guard !files.isEmpty else { return nil }
        self.files = files
    }

    func sentence(in folder: String) -> String {
        let total = files.reduce(0) { $0 + $1.byteCount }
        let shown = files.prefix(10).map { "\($0.name) (\(Self.size($0.byteCount)))" }.joined(separator: ", ")
        let more = files.count > 10 ? " and \(files.count - 10) more" : ""
        return "\(folder): \(files.count) file\(files.count == 1 ? "" : "s") no snapshot refers to (\(Self.size(total)) in all), "
            + "left by an interrupted compaction: \(shown)\(more); `chorus compact` removes them"
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\((bytes + 999) / 1_000) kB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
