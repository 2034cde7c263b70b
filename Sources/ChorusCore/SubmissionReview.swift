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

    /// The usage rights an approval of the draft grants from `day`: the brief's terms for its
    /// deliverable, nil where the brief agrees none (extra content, or a wave without rights).
    /// Partnership ads need the platform's ad code, which only exists once the post is live,
    /// so they are added later. A licence of N days starting today ends on day N-1.
    public func rightsOnApproval(of submission: Submission, from day: Day) -> UsageRights? {
        let template = wave(submission.waveID)?.brief.deliverables.first { $0.id == submission.deliverableID }?.rights
        return template.flatMap { template in
            let uses = template.uses.filter { $0 != .whitelisting }
            guard !uses.isEmpty else { return nil }
            return UsageRights(uses: uses, territory: template.territory, start: day,
                               end: day.adding(days: max(0, template.durationDays - 1)), exclusive: template.exclusive)
        }
    }

    /// What to add to an approval's summary when some of its drafts become assets without usage
    /// rights (extra content the brief does not cover, or a deliverable without agreed rights
    /// approved with an override): said as it happens, not found later as "no rights" in the Library.
    public func rightsNote(approving ids: [SubmissionID]) -> String {
        // Whether there are any does not depend on the day they start.
        let without = ids.filter { id in submission(id).map { rightsOnApproval(of: $0, from: $0.submittedAt.day) == nil } ?? false }
        guard !without.isEmpty else { return "" }
        let which = without.count == ids.count ? (ids.count == 1 ? "it has" : "they have") : "\(without.map(\.rawValue).joined(separator: ", ")) \(without.count == 1 ? "has" : "have")"
        return "; \(which) no usage rights agreed in the brief: r in the Library records them"
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
