import ChorusCore

/// The Approvals pane's prompts: a y/n before deciding on marked drafts in bulk, and the one
/// line of text each decision needs (a note, a reason, the new caption). Enter sends it.
public enum ApprovalPrompt: Hashable, Sendable {
    /// "approve N marked? y/n": passing drafts are approved, failing ones stay pending and are named.
    case confirmApprove([SubmissionID])
    /// The note the creator gets with the request for changes.
    case changesNote([SubmissionID])
    case rejectionReason([SubmissionID])
    /// Why drafts that fail a check are approved anyway; recorded with who and when. Marked
    /// drafts that pass are approved along with them, as `a` would.
    case overrideReason([SubmissionID])
    /// The creator's new caption for a draft sent back for changes.
    case resubmittedCaption(SubmissionID)

    /// Whether the prompt takes one key (y or n) instead of a line of text.
    var isConfirmation: Bool {
        if case .confirmApprove = self { true } else { false }
    }

    /// Enter (or `y`): the commands to send. Empty text keeps the prompt open and says what is missing.
    func submit(_ text: String, _ state: inout UIState, workspace: Workspace) -> [Effect] {
        let text = text.trimmingSpaces
        let required: String? = switch self {
        case .confirmApprove: nil
        case .changesNote: "a note is required: what should the creator change?"
        case .rejectionReason: "a reason is required to reject"
        case .overrideReason: "a reason is required to approve despite a failing check"
        case .resubmittedCaption: "type or paste the new caption"
        }
        if let required, text.isEmpty {
            state.prompt = Prompt(.approvals(self))
            state.message = StatusMessage(.warning, required)
            return []
        }
        switch self {
        case .confirmApprove(let ids): return ApprovalDecision.approve(ids, &state, workspace: workspace)
        case .changesNote(let ids): return [.performSummarized(.requestChanges(ids, note: text), summary: ApprovalDecision.summary("changes requested on", ids, workspace))]
        case .rejectionReason(let ids): return [.performSummarized(.reject(ids, reason: text), summary: ApprovalDecision.summary("rejected", ids, workspace))]
        case .overrideReason(let ids):
            let (passing, failing) = workspace.approvable(ids)
            let approvals: [Effect] = passing.isEmpty ? [] : [.performSummarized(.approve(passing), summary: ApprovalDecision.summary("approved", passing, workspace))]
            return approvals + failing.map { id, _ in
                .performSummarized(.approveWithOverride(id, reason: text), summary: ApprovalDecision.summary("approved with override", [id], workspace))
            }
        case .resubmittedCaption(let id): return [.command(.resubmit(id, caption: text, onScreenText: nil), .plain)]
        }
    }

    /// The status-bar line while this prompt is open.
    func line(workspace: Workspace) -> PromptLine {
        switch self {
        case .confirmApprove(let ids): return PromptLine(" Approve \(ids.count) marked? y/n", "   drafts failing a check stay pending", hasField: false)
        case .changesNote(let ids): return PromptLine(" Request changes on \(ApprovalDecision.who(ids, workspace)) — note: ", "   Enter sends · Esc cancels")
        case .rejectionReason(let ids): return PromptLine(" Reject \(ApprovalDecision.who(ids, workspace)) — reason: ", "   Enter rejects · Esc cancels")
        case .overrideReason(let ids):
            let failing = workspace.approvable(ids).failing.map(\.0)
            return PromptLine(" Override the failing checks of \(ApprovalDecision.who(failing, workspace)) — reason: ", "   Enter approves · Esc cancels")
        case .resubmittedCaption(let id): return PromptLine(" Round \((workspace.submission(id)?.round ?? 0) + 1) of \(id) — new caption: ", "   Enter records · Esc cancels")
        }
    }
}
