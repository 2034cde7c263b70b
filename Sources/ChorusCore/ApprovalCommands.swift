extension ChangeRecorder {
    mutating func addSubmissions(_ submissions: [Submission], _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(submissions, "submissions")
        var ids: Set<SubmissionID> = []
        for submission in submissions {
            if workspace.submission(submission.id) != nil || !ids.insert(submission.id).inserted {
                throw DomainError("submission \(submission.id) already exists")
            }
            let wave = try requireWave(submission.waveID)
            _ = try requireCreator(submission.creatorID)
            if workspace.enrollment(submission.creatorID, in: submission.waveID) == nil {
                throw DomainError("\(handle(submission.creatorID)) is not in \(wave.name), so cannot submit for it")
            }
            if let deliverable = submission.deliverableID, !wave.brief.deliverables.contains(where: { $0.id == deliverable }) {
                throw DomainError("\(wave.name) has no deliverable \(deliverable)")
            }
            if submission.status != .pending { throw DomainError("a new submission must be pending, not \(submission.status.label)") }
        }
        for submission in submissions {
            put(submission)
            follow(submission.creatorID, in: submission.waveID, to: .contentInReview, context)
        }
        return "added \(Self.plural(submissions.count, "submission"))"
    }

    mutating func approve(_ ids: [SubmissionID], _ context: CommandContext) throws -> String {
        let submissions = try pending(ids, verb: "approved")
        for submission in submissions {
            let failures = workspace.complianceFailures(for: submission)
            if !failures.isEmpty {
                throw DomainError("submission \(submission.id) by \(handle(submission.creatorID)) cannot be approved: "
                    + failures.map(\.summary).joined(separator: "; ") + " (approve with override and a reason to publish anyway)")
            }
        }
        aside = workspace.rightsNote(approving: submissions.map(\.id))
        for submission in submissions { approve(submission, override: nil, context) }
        return "approved \(Self.plural(submissions.count, "submission"))"
    }

    mutating func approveWithOverride(_ id: SubmissionID, reason: String, _ context: CommandContext) throws -> String {
        let reason = try Self.requireText(reason, "a reason for the override")
        let submission = try pending([id], verb: "approved")[0]
        aside = workspace.rightsNote(approving: [id])
        approve(submission, override: reason, context)
        return "approved \(id) with override"
    }

    private mutating func approve(_ submission: Submission, override reason: String?, _ context: CommandContext) {
        var submission = submission
        let failed = workspace.complianceFailures(for: submission).map(\.summary)
        submission.status = .approved
        submission.reviews.append(Review(action: reason == nil ? .approved : .approvedWithOverride, reviewer: context.actor,
                                         at: context.now, round: submission.round, note: reason,
                                         overriddenChecks: reason == nil ? [] : failed))
        put(submission)
        let rights = workspace.rightsOnApproval(of: submission, from: context.now.day)
        let number = workspace.assets.reduce(0) { max($0, Int($1.id.rawValue.dropFirst(3)) ?? 0) } + 1
        put(Asset(id: AssetID(formatID(prefix: "AS-", number: number)), submissionID: submission.id, creatorID: submission.creatorID,
                  waveID: submission.waveID, platform: submission.platform, kind: AssetKind(format: submission.format),
                  caption: submission.caption, rights: rights))
    }

    mutating func requestChanges(_ ids: [SubmissionID], note: String, _ context: CommandContext) throws -> String {
        let note = try Self.requireText(note, "a note for the creator")
        let submissions = try pending(ids, verb: "sent back for changes")
        for var submission in submissions {
            submission.status = .changesRequested
            submission.reviews.append(Review(action: .changesRequested, reviewer: context.actor, at: context.now, round: submission.round, note: note))
            put(submission)
        }
        return "requested changes on \(Self.plural(submissions.count, "submission"))"
    }

    mutating func reject(_ ids: [SubmissionID], reason: String, _ context: CommandContext) throws -> String {
        let reason = try Self.requireText(reason, "a reason for the rejection")
        try Self.requireNonEmpty(ids, "submissions")
        if Set(ids).count != ids.count { throw DomainError("a submission is listed twice") }
        let submissions = try ids.map { id in
            let submission = try requireSubmission(id)
            guard submission.status == .pending || submission.status == .changesRequested else {
                throw DomainError("submission \(id) cannot be rejected: it is already \(submission.status.label)")
            }
            return submission
        }
        for var submission in submissions {
            submission.status = .rejected
            submission.reviews.append(Review(action: .rejected, reviewer: context.actor, at: context.now, round: submission.round, note: reason))
            put(submission)
        }
        return "rejected \(Self.plural(submissions.count, "submission"))"
    }

    mutating func resubmit(_ id: SubmissionID, caption: String, onScreenText: String?, _ context: CommandContext) throws -> String {
        var submission = try requireSubmission(id)
        guard submission.status == .changesRequested else {
            throw DomainError("submission \(id) cannot be resubmitted: it is \(submission.status.label), not waiting for changes")
        }
        submission.previousCaptions.append(submission.caption)
        submission.caption = caption
        if let onScreenText { submission.onScreenText = onScreenText }
        submission.round += 1
        submission.status = .pending
        submission.submittedAt = context.now
        submission.reviews.append(Review(action: .resubmitted, reviewer: context.actor, at: context.now, round: submission.round))
        put(submission)
        return "recorded round \(submission.round) of \(id)"
    }

    mutating func recordPost(_ id: SubmissionID, url: String, postedOn: Day, _ context: CommandContext) throws -> String {
        var submission = try requireSubmission(id)
        guard submission.status == .approved else { throw DomainError("submission \(id) is not approved, so it cannot have been posted") }
        let url = try Self.requireText(url, "a post URL")
        submission.postURL = url
        put(submission)
        if var asset = workspace.assets.first(where: { $0.submissionID == id }) {
            asset.postURL = url
            asset.postedOn = postedOn
            put(asset)
        }
        follow(submission.creatorID, in: submission.waveID, to: .posted, context)
        return "recorded the post for \(id)"
    }

    /// The submissions, each of which must be waiting for review; refuses the batch otherwise.
    private func pending(_ ids: [SubmissionID], verb: String) throws -> [Submission] {
        try Self.requireNonEmpty(ids, "submissions")
        if Set(ids).count != ids.count { throw DomainError("a submission is listed twice") }
        return try ids.map { id in
            let submission = try requireSubmission(id)
            switch submission.status {
            case .pending: return submission
            case .approved: throw DomainError("submission \(id) cannot be \(verb): it is already approved")
            case .rejected: throw DomainError("submission \(id) cannot be \(verb): it was rejected")
            case .changesRequested: throw DomainError("submission \(id) cannot be \(verb): it is waiting for the creator's changes")
            }
        }
    }
}

extension AssetKind {
    /// The library's kind for a deliverable's format: what the paid team filters by.
    public init(format: ContentFormat) {
        switch format {
        case .reel, .video, .short: self = .video
        case .story: self = .story
        case .carousel: self = .carousel
        case .post, .pin: self = .image
        }
    }
}
