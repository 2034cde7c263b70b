import ChorusCore

/// The Approvals pane's own state. Marks are submission ids, so they survive the inbox
/// shrinking as drafts are decided.
public struct ApprovalsState: Hashable, Sendable, ListPaneState {
    public var list = ListState<SubmissionID>()
    public var view: InboxView = .pending
    /// The draft the open detail stays on because a colleague decided it meanwhile.
    public var decidedElsewhere: DecidedElsewhere?

    public init() {}
}

/// Which drafts the inbox shows (`f` cycles). Pending is the work; the others are for looking
/// back and for recording a creator's resubmission.
public enum InboxView: Hashable, Sendable, CaseIterable {
    case pending, overdue, changesRequested, approved, rejected, all

    public var label: String {
        switch self {
        case .pending: "pending"
        case .overdue: "overdue"
        case .changesRequested: "changes requested"
        case .approved: "approved"
        case .rejected: "rejected"
        case .all: "all"
        }
    }

    /// Whether a draft with `status` shows in this view; `overdue` says whether it has waited
    /// longer than the program allows.
    func admits(_ status: SubmissionStatus, overdue: Bool) -> Bool {
        switch self {
        case .pending: status == .pending
        case .overdue: status == .pending && overdue
        case .changesRequested: status == .changesRequested
        case .approved: status == .approved
        case .rejected: status == .rejected
        case .all: true
        }
    }

    var next: InboxView {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
