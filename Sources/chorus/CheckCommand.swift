import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation

/// `chorus check`: opens a workspace read-only and reports every problem found, so a broken
/// file is found by a cron job before a coordinator meets it in the morning.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a workspace: its files, its journal and the domain's invariants.")

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let url = workspace.url
            let store = try WorkspaceStore.open(at: url, mode: .readOnly)
            defer { store.close() }
            if let notice = store.recoveryNotice { Output.notice(notice) }
            let problems = WorkspaceCheck.problems(in: store.workspace)
            let ws = store.workspace
            let summary = "\(ws.creators.count) creators, \(ws.waves.count) waves, \(ws.shipments.count) shipments, "
                + "\(ws.submissions.count) submissions, \(ws.assets.count) assets, \(ws.orders.count) orders, "
                + "\(store.journalLength) journal entries"
            guard problems.isEmpty else {
                for problem in problems.prefix(50) { Output.error(problem) }
                if problems.count > 50 { Output.error("… and \(problems.count - 50) more") }
                throw CLIFailure(message: "\(url.path): \(problems.count) problem\(problems.count == 1 ? "" : "s") found (\(summary))")
            }
            Output.print("ok: \(url.path) — \(summary)")
        }
    }
}
