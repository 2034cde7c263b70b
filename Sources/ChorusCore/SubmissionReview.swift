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
        agreedRights(for: submission).flatMap { template in
            let uses = template.uses.filter { $0 != .whitelisting }
            guard !uses.isEmpty else { return nil }
            return UsageRights(uses: uses, territory: template.territory, start: day,
                               end: day.adding(days: max(0, template.durationDays - 1)), exclusive: template.exclusive)
        }
    }

    /// The brief's rights for the draft's deliverable; nil for extra content, or a deliverable
    /// the brief agrees no rights for.
    private func agreedRights(for submission: Submission) -> RightsTemplate? {
        wave(submission.waveID)?.brief.deliverables.first { $0.id == submission.deliverableID }?.rights
    }

    /// What to add to an approval's summary when some of its drafts become assets with no usage
    /// rights agreed at all (extra content the brief does not cover, or a deliverable without
    /// rights approved with an override): said as it happens, not found later as "no rights" in
    /// the Library. (Rights of partnership ads only are agreed; they are added with the ad code.)
    /// Kept in the journal with the summary, so it says what was so, not what to press.
    func rightsNote(approving ids: [SubmissionID]) -> String {
        let without = ids.filter { id in submission(id).map { agreedRights(for: $0) == nil } ?? false }
        guard !without.isEmpty else { return "" }
        let shown = 5, named = without.prefix(shown).map(\.rawValue).joined(separator: ", ")
            + (without.count > shown ? " and \(without.count - shown) more" : "")
        let which = without.count == ids.count ? (ids.count == 1 ? "it has" : "they have") : "\(named) \(without.count == 1 ? "has" : "have")"
        return "; \(which) no usage rights agreed in the brief"
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
