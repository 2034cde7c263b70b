/// The Approvals pane's keys: one key per decision, so a coordinator works through the inbox
/// with a keystroke a draft. They apply to the marked drafts, or else to the one under the cursor.
extension KeyMap {
    static let approvalsBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("a")], action: .approveSubmissions, scope: .approvals,
                   help: "approve (refused, naming the failing checks, unless every check passes)", hint: "approve", command: "approve") { ApprovalDecision.start(.approveSubmissions, &$0, context: $1) },
        KeyBinding(keys: [.character("c")], action: .requestChanges, scope: .approvals,
                   help: "request changes, with a note for the creator", hint: "changes", command: "request-changes") { ApprovalDecision.start(.requestChanges, &$0, context: $1) },
        KeyBinding(keys: [.character("x")], action: .rejectSubmissions, scope: .approvals,
                   help: "reject, with a reason", hint: "reject", command: "reject") { ApprovalDecision.start(.rejectSubmissions, &$0, context: $1) },
        KeyBinding(keys: [.character("o")], action: .approveWithOverride, scope: .approvals,
                   help: "approve a failing draft anyway, with a reason that is recorded", hint: "override", command: "override") { ApprovalDecision.start(.approveWithOverride, &$0, context: $1) },
        KeyBinding(keys: [.character("r")], action: .recordResubmission, scope: .approvals,
                   help: "record the creator's resubmission: the new caption (changes requested)", hint: "resubmit",
                   command: "resubmit") { ApprovalDecision.start(.recordResubmission, &$0, context: $1) },
        KeyBinding(keys: [.character("f")], action: .cycleInboxView, scope: .approvals,
                   help: "show the next status (pending, overdue, changes requested, approved, rejected) or all", hint: "status") { ApprovalsKeys.nextInboxView(&$0, $1) },
    ]
}
