import ChorusCore

/// Submissions in every state of the approval inbox, with review histories that match, and
/// the library assets that approvals create, made by the same rules as `approve`.
extension SampleBuilder {
    /// What is wrong with a draft's caption, if anything. The flawed ones are the reason the
    /// approval inbox exists: a missing disclosure, a near miss like `#adventure` that only
    /// looks like `#ad`, `#gifted` on a paid wave, a banned claim, a missing hashtag, an `#ad`
    /// buried at the end after a run of hashtags.
    enum CaptionFlaw {
        case none, noDisclosure, nearMiss, giftedOnly, bannedWord, missingHashtag, disclosureOnScreen, buriedDisclosure
    }

    /// How a submission's review ends.
    enum ReviewOutcome {
        case pending(flaw: CaptionFlaw, rounds: Int)
        case changesRequested(flaw: CaptionFlaw)
        case approved(rounds: Int, posted: Bool)
        case rejected
    }

    static let reviewers = ["ana", "tom", "priya"]
    static let changeNotes: [CaptionFlaw: String] = [
        .noDisclosure: "Please add #ad at the start of the caption so it shows before \"more\".",
        .nearMiss: "#adventure is not a disclosure: add #ad or use the paid-partnership label.",
        .giftedOnly: "This wave pays commission, so #gifted is not enough: use #ad.",
        .bannedWord: "We cannot claim the product is a miracle or cures anything; please rephrase.",
        .missingHashtag: "Add the wave hashtags and tag @kelpieskin.",
    ]
    static let rejectionReasons = ["Off-brief: the product is not visible", "Shows a competitor's product next to ours",
                                   "Video quality too low to reuse"]

    /// Adds a submission by the creator for `deliverable` (nil for unplanned extra content),
    /// first sent at `submitted`; returns the time of its last event.
    @discardableResult
    mutating func addSubmission(_ position: Int, wave: Wave, deliverable: Deliverable?, outcome: ReviewOutcome,
                                submitted: Timestamp, _ random: inout SeededRandom) -> Timestamp {
        let creator = creators[position]
        let platform = deliverable?.platform ?? creator.primaryPlatform ?? .instagram
        let format = deliverable?.format ?? (platform == .instagram ? .carousel : .video)
        let reviewer = random.pick(Self.reviewers)
        var flaw = CaptionFlaw.none
        var rounds = 1
        switch outcome {
        case .pending(let pendingFlaw, let pendingRounds): flaw = pendingFlaw; rounds = pendingRounds
        case .changesRequested(let requestedFlaw): flaw = requestedFlaw
        case .approved(let approvedRounds, _):
            rounds = approvedRounds
            // Stories carry the platform's paid-partnership label, so some are approved with an override.
            if format == .story, random.chance(40) { flaw = .noDisclosure }
        case .rejected: break
        }
        var submission = Submission(id: SubmissionID(formatID(prefix: "SU-", number: submissions.count + 1)), creatorID: creator.id,
                                    waveID: wave.id, deliverableID: deliverable?.id, platform: platform, format: format, caption: "",
                                    assetRefs: ["drafts/\(creator.handle)/\(wave.slug)-\(format.rawValue)-v1.mp4"], submittedAt: submitted)
        var time = submitted
        for round in 1..<rounds {
            let earlierFlaw: CaptionFlaw = round == 1 ? [.noDisclosure, .missingHashtag, .bannedWord][random.below(3)] : .none
            submission.previousCaptions.append(Self.caption(for: wave, flaw: earlierFlaw, &random).caption)
            time = time.adding(seconds: Int64(random.int(in: 4...30) * 3_600))
            submission.reviews.append(Review(action: .changesRequested, reviewer: reviewer, at: time, round: round,
                                             note: Self.changeNotes[earlierFlaw] ?? "Please tighten the first line."))
            time = time.adding(seconds: Int64(random.int(in: 20...60) * 3_600))
            submission.reviews.append(Review(action: .resubmitted, reviewer: creator.handle, at: time, round: round + 1))
            submission.assetRefs.append("drafts/\(creator.handle)/\(wave.slug)-\(format.rawValue)-v\(round + 1).mp4")
        }
        submission.round = rounds
        submission.submittedAt = time
        (submission.caption, submission.onScreenText) = Self.caption(for: wave, flaw: flaw, &random)
        let decided = time.adding(seconds: Int64(random.int(in: 2...40) * 3_600))
        switch outcome {
        case .pending:
            break
        case .changesRequested:
            submission.status = .changesRequested
            submission.reviews.append(Review(action: .changesRequested, reviewer: reviewer, at: decided, round: rounds,
                                             note: Self.changeNotes[flaw] ?? "Please tighten the first line."))
            time = decided
        case .rejected:
            submission.status = .rejected
            submission.reviews.append(Review(action: .rejected, reviewer: reviewer, at: decided, round: rounds,
                                             note: random.pick(Self.rejectionReasons)))
            time = decided
        case .approved(_, let posted):
            let failed = Compliance.failures(for: submission, in: wave).map(\.summary)
            let reason: String? = failed.isEmpty ? nil : "Disclosure is in the platform's paid-partnership label"
            submission.status = .approved
            submission.reviews.append(Review(action: reason == nil ? .approved : .approvedWithOverride, reviewer: reviewer,
                                             at: decided, round: rounds, note: reason, overriddenChecks: failed))
            time = decided
            let postedOn = posted ? decided.day.adding(days: random.int(in: 1...3)) : nil
            if let postedOn {
                submission.postURL = Self.postURL(platform: platform, format: format, handle: creator.handle, &random)
                time = Timestamp(day: postedOn, hour: 12)
            }
            addAsset(for: submission, deliverable: deliverable, approvedOn: decided.day, postedOn: postedOn, &random)
        }
        submissions.append(submission)
        return time
    }

    /// The library asset an approval creates: `AS-0001…`, kind from the format, rights from
    /// the deliverable's template starting on the approval day, metrics once posted. Some
    /// paid-social licences get partnership-ad rights added later, with the platform's ad code.
    private mutating func addAsset(for submission: Submission, deliverable: Deliverable?, approvedOn: Day, postedOn: Day?,
                                   _ random: inout SeededRandom) {
        var rights = deliverable?.rights.map {
            // As in `approve`: a licence of N days starting on the approval day ends on day N-1.
            UsageRights(uses: $0.uses, territory: $0.territory, start: approvedOn, end: approvedOn.adding(days: max(0, $0.durationDays - 1)),
                        exclusive: $0.exclusive)
        }
        if var granted = rights, granted.uses.contains(.paidSocial), random.chance(25) {
            granted.uses.append(.whitelisting)
            granted.whitelistingAdCode = "IGAC-" + formatID(prefix: "", number: random.below(100_000_000), width: 8)
            granted.whitelistingEnd = approvedOn.adding(days: 60)
            rights = granted
        }
        var metrics = AssetMetrics()
        let creator = creators[creatorPosition(submission.creatorID)]
        if postedOn != nil {
            let views = creator.followers * random.int(in: 15...120) / 100 + random.int(in: 50...400)
            let likes = max(1, Int(Double(views) * creator.engagementRate) * random.int(in: 60...100) / 100)
            metrics = AssetMetrics(views: views, likes: likes, comments: likes / random.int(in: 15...40), shares: likes / random.int(in: 20...60),
                                   saves: likes / random.int(in: 8...25), clicks: views / random.int(in: 80...300), measuredOn: today.adding(days: -1))
        }
        let tagStart = random.below(Self.assetTags.count)
        let tags = (0..<random.int(in: 1...3)).map { Self.assetTags[(tagStart + $0 * 3) % Self.assetTags.count] }
        assets.append(Asset(id: AssetID(formatID(prefix: "AS-", number: assets.count + 1)), submissionID: submission.id,
                            creatorID: submission.creatorID, waveID: submission.waveID, platform: submission.platform,
                            kind: AssetKind(format: submission.format), caption: submission.caption, postURL: submission.postURL,
                            postedOn: postedOn, metrics: metrics, tags: tags, rights: rights))
    }

    static let assetTags = ["texture", "routine", "outdoor", "unboxing", "before-after", "spf", "beach", "shelfie", "travel", "talking-head"]

    /// Position of a creator by id; ids are `CR-` and the 1-based position.
    private func creatorPosition(_ id: CreatorID) -> Int { Int(id.rawValue.dropFirst(3))! - 1 }

    static let openers = ["Morning routine with my new favourites 🌊", "Three weeks in and my skin has never been calmer.",
                          "Packing for the coast: SPF first ☀️", "Unboxing day! Look what arrived 📦",
                          "Honest review after 21 days of use:", "Wind, salt and 12 km of trail — my skin survived."]

    /// A caption (and on-screen text) for the wave with the given flaw.
    static func caption(for wave: Wave, flaw: CaptionFlaw, _ random: inout SeededRandom) -> (caption: String, onScreenText: String) {
        let message = random.pick(wave.brief.keyMessages)
        var hashtags = wave.brief.requiredHashtags
        if flaw == .missingHashtag { hashtags.removeLast() }
        let mentions = wave.brief.requiredMentions.joined(separator: " ")
        let disclosure: String = switch flaw {
        case .none, .missingHashtag, .buriedDisclosure: random.pick(["#ad", "#sponsored", "Paid partnership with @kelpieskin."])
        case .noDisclosure, .disclosureOnScreen: ""
        case .nearMiss: random.pick(["#adventure", "#ads", "#adorable"])
        case .giftedOnly: "#gifted"
        case .bannedWord: "#ad"
        }
        let claim = flaw == .bannedWord ? " Honestly a miracle in a bottle." : ""
        let opener = random.pick(openers)
        // A disclosure opens the caption, where feeds show it before "more"; the buried one
        // closes it after the hashtags, where the placement check finds it.
        let parts = flaw == .buriedDisclosure
            ? [opener, message + ".", mentions, (hashtags + ["#skincare", "#coastlife", "#glowup"]).joined(separator: " "), disclosure]
            : [disclosure, opener, message + "." + claim, hashtags.joined(separator: " "), mentions]
        return (parts.filter { !$0.isEmpty }.joined(separator: " "), flaw == .disclosureOnScreen ? "Paid partnership · Kelpie Skin" : "")
    }

    private static func postURL(platform: Platform, format: ContentFormat, handle: String, _ random: inout SeededRandom) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        let code = String((0..<11).map { _ in alphabet[random.below(alphabet.count)] })
        let digits = formatID(prefix: "7", number: random.below(1_000_000_000), width: 18)
        switch (platform, format) {
        case (.instagram, .reel): return "https://www.instagram.com/reel/\(code)/"
        case (.instagram, .story): return "https://www.instagram.com/stories/\(handle)/\(digits)/"
        case (.instagram, _): return "https://www.instagram.com/p/\(code)/"
        case (.tiktok, _): return "https://www.tiktok.com/@\(handle)/video/\(digits)"
        case (.youtube, _): return "https://youtube.com/shorts/\(code)"
        case (.pinterest, _): return "https://www.pinterest.com/pin/\(digits)/"
        }
    }
}
