import ChorusCore

/// The inbox's rows as derived data: the shown drafts, pending first and oldest first, with a
/// count per view and how many are overdue. Rebuilt only when the workspace, the view, the
/// filter text or the day changed, so moving the cursor costs nothing. Compliance is checked
/// only for the rows on screen (and those the filter reads), when the rows are rebuilt after
/// an event (`checkShown`), and remembered until the workspace changes: drawing only reads.
final class ApprovalsRows {
    private struct Key: Hashable { var generation: Int; var view: InboxView; var text: String; var today: Day? }
    private var key: Key?

    private(set) var ids: [SubmissionID] = []
    private(set) var counts: [InboxView: Int] = [:]
    private(set) var overdue = 0
    private var failures: [SubmissionID: [ComplianceCheck]] = [:]
    /// Drafts checked, so tests can prove drawing checks none.
    private(set) var checks = 0

    var count: Int { ids.count }

    func id(at row: Int) -> SubmissionID? { ids.indices.contains(row) ? ids[row] : nil }
    func row(of id: SubmissionID) -> Int? { ids.firstIndex(of: id) }

    /// The checks `submission` fails, as checked by `checkShown` (none for a draft not on screen).
    func failures(of submission: Submission) -> [ComplianceCheck] {
        failures[submission.id] ?? []
    }

    /// Checks the drafts at `rows` not yet checked since the workspace changed.
    func checkShown(_ workspace: Workspace, rows: Range<Int>) {
        for row in rows.clamped(to: ids.indices) {
            if let submission = workspace.submission(ids[row]) { _ = check(submission, in: workspace) }
        }
    }

    private func check(_ submission: Submission, in workspace: Workspace) -> [ComplianceCheck] {
        if let known = failures[submission.id] { return known }
        let found = workspace.complianceFailures(for: submission)
        failures[submission.id] = found
        checks += 1
        return found
    }

    func refresh(_ workspace: Workspace, generation: Int, state: ApprovalsState, today: Day?) {
        let key = Key(generation: generation, view: state.view, text: CreatorSearchText.fold(state.filter.text), today: today)
        guard key != self.key else { return }
        let words = FilterWords.of(key.text)
        if key.generation != self.key?.generation { failures = [:] }
        self.key = key
        let threshold = workspace.program.settings.overdueBusinessDays
        counts = [:]
        overdue = 0
        var shown: [Submission] = []
        for submission in workspace.submissions {
            let isOverdue = today.map { submission.isOverdue(on: $0, after: threshold) } ?? false
            for view in InboxView.allCases where view.admits(submission.status, overdue: isOverdue) { counts[view, default: 0] += 1 }
            if isOverdue { overdue += 1 }
            if key.view.admits(submission.status, overdue: isOverdue), matches(submission, words, overdue: isOverdue, workspace) {
                shown.append(submission)
            }
        }
        ids = shown
            .sorted { ($0.status == .pending ? 0 : 1, $0.submittedAt, $0.id) < ($1.status == .pending ? 0 : 1, $1.submittedAt, $1.id) }
            .map(\.id)
    }

    /// The `/` filter: every word in one of the columns shown (draft, creator, wave,
    /// deliverable, age with "overdue", the checks as the column and the detail word them) or
    /// the creator's name and the caption.
    private func matches(_ submission: Submission, _ words: [String], overdue: Bool, _ workspace: Workspace) -> Bool {
        guard !words.isEmpty else { return true }
        let creator = workspace.creator(submission.creatorID)
        let failed = submission.status == .pending ? check(submission, in: workspace) : []
        let checks = failed.isEmpty ? [submission.status == .pending ? "pass" : submission.status.label]
            : failed.flatMap { [ApprovalsPane.shortName($0), $0.summary] }
        return FilterWords.match(words, in: [submission.id.rawValue, creator.map { "@" + $0.handle }, creator?.name,
                                            submission.waveID.rawValue, workspace.wave(submission.waveID)?.name,
                                            "\(submission.platform.label) \(submission.format.rawValue)", overdue ? "overdue" : nil,
                                            submission.waiver?.summary, submission.caption] + checks)
    }
}
