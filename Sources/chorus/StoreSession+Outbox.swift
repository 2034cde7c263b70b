import ChorusCore
import ChorusOutbox
import ChorusUI
import Foundation

/// The console's outbox: the same plan, templates and files as `chorus outbox build`.
extension StoreSession: OutboxDrafting {
    func previewOutbox(_ kind: MessageKind, wave: WaveID, creators: [CreatorID]) throws -> OutboxSheet {
        let drafts = try drafts(kind, wave: wave, creators: creators)
        let text = OutboxPreview.text(drafts, workspace: workspace)
        return OutboxSheet(kind: kind, waveID: wave, recipients: drafts.drafts.map(\.creator.id),
                           lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    func writeOutbox(_ sheet: OutboxSheet) throws -> String {
        let drafts = try drafts(sheet.kind, wave: sheet.waveID, creators: sheet.recipients)
        guard let folder else { throw CLIFailure(message: "this workspace has no folder to write the outbox in") }
        return try drafts.write(under: folder, now: Clock.now).path
    }

    private func drafts(_ kind: MessageKind, wave: WaveID, creators: [CreatorID]) throws -> OutboxDrafts {
        guard let folder else { throw CLIFailure(message: "this workspace has no folder with templates") }
        let now = Clock.now
        let plan = workspace.outboxPlan(kind, wave: wave, creators: creators, today: now.day)
        if let refusal = plan.refusal { throw CLIFailure(message: refusal + "; unmark them and try again") }
        return OutboxDrafts(plan: plan, template: try TemplateFolder(workspaceFolder: folder).template(kind), workspace: workspace, now: now)
    }
}
