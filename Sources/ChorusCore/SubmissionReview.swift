/// What a coordinator needs to judge a draft in the inbox, read from the workspace: its checks
/// (under the incentives that apply to this creator in this wave), its age in working days and
/// whether it is overdue. The console, the CLI and `approve` all read it here, so they agree.
extension Workspace {
    /// Every check the brief asks of the draft, passed or not.
    public func complianceChecks(for submission: Submission) -> [ComplianceCheck] {
        Compliance.checks(for: submission, in: wave(submission.waveID),
                          incentives: enrollment(submission.creatorID, in: submission.waveID)?.incentiveOverride,
                          disclosureWithin: program.settings.disclosureWithinCharacters)
    }

    public func complianceFailures(for submission: Submission) -> [ComplianceCheck] {
        complianceChecks(for: submission).filter { !$0.passed }
    }

    /// Splits drafts waiting for a decision into those `approve` accepts and those it would
    /// refuse, so a bulk approval can approve the first and name the second.
    public func approvable(_ ids: [SubmissionID]) -> (passing: [SubmissionID], failing: [(SubmissionID, [ComplianceCheck])]) {
        var passing: [SubmissionID] = [], failing: [(SubmissionID, [ComplianceCheck])] = []
        for id in ids {
            guard let submission = submission(id) else { continue }
            let failures = complianceFailures(for: submission)
            if failures.isEmpty { passing.append(id) } else { failing.append((id, failures)) }
        }
        return (passing, failing)
    }
}

extension Submission {
    /// Working days since it was (re)submitted; a weekend does not age a draft.
    public func ageInBusinessDays(on today: Day) -> Int { submittedAt.day.businessDays(until: today) }

    /// Pending for longer than the program allows (`ProgramSettings.overdueBusinessDays`).
    public func isOverdue(on today: Day, after businessDays: Int) -> Bool {
        status == .pending && ageInBusinessDays(on: today) > businessDays
    }
}
