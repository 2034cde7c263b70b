
/// Submission and library checks: a review history that contradicts the status, or an asset
/// whose approval cannot be traced, is exactly what an audit of disclosures would catch.
extension WorkspaceInspection {
    mutating func checkSubmissions() {
        reportDuplicates(in: workspace.submissions) { "submission id \($0) is used twice" }
        for submission in workspace.submissions {
            let owner = "submission \(submission.id)"
            requireCreator(submission.creatorID, owner)
            requireWave(submission.waveID, owner)
            if workspace.enrollment(submission.creatorID, in: submission.waveID) == nil {
                report("\(owner): creator \(submission.creatorID) is not in wave \(submission.waveID)")
            }
            let wave = workspace.wave(submission.waveID)
            if let deliverable = submission.deliverableID, let wave, !wave.brief.deliverables.contains(where: { $0.id == deliverable }) {
                report("\(owner): wave \(wave.id) has no deliverable \(deliverable)")
            }
            if submission.round < 1 { report("\(owner): round \(submission.round)") }
            if submission.previousCaptions.count != submission.round - 1 {
                report("\(owner): round \(submission.round) but \(submission.previousCaptions.count) earlier captions")
            }
            checkHistory(of: submission, in: wave, owner)
        }
    }

    private mutating func checkHistory(of submission: Submission, in wave: Wave?, _ owner: String) {
        for (earlier, later) in zip(submission.reviews, submission.reviews.dropFirst()) where later.at < earlier.at {
            report("\(owner): the review history is out of order (\(later.action.label) at \(later.at) after \(earlier.at))")
        }
        let last = submission.reviews.last
        if let last, last.action != .resubmitted, last.at < submission.submittedAt {
            report("\(owner): decided at \(last.at), before it was submitted at \(submission.submittedAt)")
        }
        let consistent: Bool
        switch submission.status {
        case .pending: consistent = last == nil || last?.action == .resubmitted
        case .approved: consistent = last?.action == .approved || last?.action == .approvedWithOverride
        case .changesRequested: consistent = last?.action == .changesRequested && !(last?.note ?? "").isEmpty
        case .rejected: consistent = last?.action == .rejected
        }
        if !consistent {
            report("\(owner): \(submission.status.label), but the last review is \(last.map { $0.action.label } ?? "missing")")
        }
        if submission.status == .approved, last?.action == .approved {
            let failures = Compliance.failures(for: submission, in: wave)
            if !failures.isEmpty {
                report("\(owner): approved without an override although " + failures.map(\.summary).joined(separator: "; "))
            }
        }
    }

    mutating func checkAssets() {
        reportDuplicates(in: workspace.assets) { "asset id \($0) is used twice" }
        reportDuplicates(workspace.assets.compactMap(\.submissionID)) { "submission \($0) has more than one asset" }
        for asset in workspace.assets {
            let owner = "asset \(asset.id)"
            requireCreator(asset.creatorID, owner)
            requireWave(asset.waveID, owner)
            if let id = asset.submissionID {
                if let submission = workspace.submission(id) {
                    if submission.status != .approved { report("\(owner): its submission \(id) is \(submission.status.label), not approved") }
                    if submission.creatorID != asset.creatorID { report("\(owner): its submission \(id) is by another creator") }
                } else {
                    report("\(owner): submission \(id) does not exist")
                }
            }
            if let rights = asset.rights {
                for problem in rights.validationProblems { report("\(owner): \(problem)") }
            }
        }
    }
}
