import ChorusCore

/// Who is in which wave and at which stage, with the shipments and submissions each stage
/// implies: Wave 1 finished (complete, posted, ghosted, dropped, declined), Wave 2 spread over
/// every stage with Wave 1's winners scaled into it, Wave 3 a long list of prospects and
/// invitations. Seeding and content stay bounded whatever the number of creators.
extension SampleBuilder {
    static let wave1Stages: [PipelineStage] = [.complete, .ghosted, .complete, .dropped, .posted, .complete, .declined, .complete,
                                               .ghosted, .complete, .dropped, .complete, .declined, .posted, .complete, .ghosted,
                                               .complete, .dropped, .complete, .declined]
    static let wave2Stages: [PipelineStage] = [.contentInReview, .prospect, .active, .seeded, .contentInReview, .invited, .posted,
                                               .active, .contentInReview, .dropped, .seeded, .onboarding, .contentInReview, .complete,
                                               .declined, .active, .contentInReview, .ghosted, .invited, .posted, .seeded,
                                               .contentInReview, .dropped, .active, .onboarding]
    static let returningStages: [PipelineStage] = [.complete, .contentInReview, .posted, .seeded, .active, .complete]
    static let declineReasons = ["Not taking gifted work this season", "Audience is not into skincare right now", "No reply after two follow-ups"]

    mutating func makePipeline() {
        var random = pipelineRandom
        let count = creators.count
        var order = Array(0..<count)
        random.shuffle(&order)
        firstWave = Array(repeating: nil, count: count)
        let wave1Count = min(count / 5, 300)
        let wave2Count = min(count * 3 / 10, 600)
        let wave3Start = min(count, wave1Count + wave2Count + count / 10)
        var variants: [PipelineStage: Int] = [:]
        var winners: [Int] = []
        for (index, position) in order[0..<wave1Count].enumerated() {
            let stage = Self.wave1Stages[index % Self.wave1Stages.count]
            joinWave1(position, stage: stage, variant: variants[stage, default: 0], &random)
            variants[stage, default: 0] += 1
            if stage == .complete { winners.append(position) }
        }
        variants = [:]
        let override = IncentivePlan(gifting: true, flatFee: SampleCatalog.money(5_000), commissionBasisPoints: 1_500,
                                     bonusTiers: waves[1].incentivePlan.bonusTiers)
        for (index, position) in winners.prefix(min(winners.count / 3, 40)).enumerated() {
            let stage = Self.returningStages[index % Self.returningStages.count]
            joinWave2(position, stage: stage, variant: variants[stage, default: 0], override: override, &random)
            variants[stage, default: 0] += 1
        }
        var scaleUp: [Int] = []
        for (index, position) in order[wave1Count..<(wave1Count + wave2Count)].enumerated() {
            let stage = Self.wave2Stages[index % Self.wave2Stages.count]
            joinWave2(position, stage: stage, variant: variants[stage, default: 0], override: nil, &random)
            variants[stage, default: 0] += 1
            if stage == .complete || stage == .posted { scaleUp.append(position) }
        }
        let wave3Override = IncentivePlan(gifting: false, flatFee: SampleCatalog.money(25_000), commissionBasisPoints: 1_500)
        for position in scaleUp {
            enroll(position, in: 2, stage: .invited, at: Self.workingTime(on: today.adding(days: -random.int(in: 1...5)), &random),
                   override: wave3Override)
        }
        for position in order[wave3Start...] {
            let stage: PipelineStage = [.prospect, .invited, .onboarding][random.weighted([70, 25, 5])]
            enroll(position, in: 2, stage: stage, at: Self.workingTime(on: today.adding(days: -random.below(21)), &random))
        }
        pipelineRandom = random
    }

    mutating func enroll(_ position: Int, in waveIndex: Int, stage: PipelineStage, at time: Timestamp, reason: String? = nil,
                         override: IncentivePlan? = nil) {
        enrollments.append(Enrollment(creatorID: creators[position].id, waveID: waves[waveIndex].id, stage: stage, stageChangedAt: time,
                                      exitReason: reason, incentiveOverride: override))
        if firstWave[position] == nil { firstWave[position] = waveIndex }
        guard waveIndex < 2, ![.prospect, .invited, .onboarding, .declined].contains(stage) else { return }
        codeHolders.append(position)
        trackingLinks.append(TrackingLink(creatorID: creators[position].id, waveID: waves[waveIndex].id,
                                          platform: creators[position].primaryPlatform ?? .instagram))
        if [.seeded, .contentInReview, .posted, .complete, .ghosted].contains(stage) { sellingCreators.append(position) }
        if stage == .posted || stage == .complete {
            sellingCreators.append(contentsOf: [position, position, position])
            postedCreators.append(position)
        }
    }

    /// A working-hours time a number of days (drawn from `range`) before today.
    private func daysAgo(_ range: ClosedRange<Int>, _ random: inout SeededRandom) -> Timestamp {
        Self.workingTime(on: today.adding(days: -random.int(in: range)), &random)
    }

    private mutating func joinWave1(_ position: Int, stage: PipelineStage, variant: Int, _ random: inout SeededRandom) {
        let wave = waves[0]
        let start = wave.startDate!
        guard stage != .declined else {
            enroll(position, in: 0, stage: .declined, at: Self.workingTime(on: start.adding(days: -random.int(in: 1...10)), &random),
                   reason: random.pick(Self.declineReasons))
            return
        }
        let created = Self.workingTime(on: start.adding(days: random.int(in: 0...6)), &random)
        let reel = wave.brief.deliverables[0], tiktok = wave.brief.deliverables[1]
        switch stage {
        case .dropped:
            let fate: ParcelFate = [.lost, .returned, .delivered][variant % 3]
            let parcel = addShipment(position, wave: wave, fate: fate, created: created, &random)
            if fate == .delivered {
                let end = addSubmission(position, wave: wave, deliverable: reel, outcome: .rejected,
                                        submitted: parcel.last.adding(days: random.int(in: 5...20)), &random)
                enroll(position, in: 0, stage: .dropped, at: end.adding(days: 1), reason: "Content rejected twice; ended the collaboration")
            } else {
                enroll(position, in: 0, stage: .dropped, at: parcel.last,
                       reason: fate == .lost ? "Parcel lost; not re-sent" : "Parcel returned; creator stopped replying")
            }
        case .ghosted:
            let parcel = addShipment(position, wave: wave, fate: .delivered, created: created, &random)
            enroll(position, in: 0, stage: .ghosted, at: parcel.last.adding(days: 14), reason: "No post 14 days after delivery")
        default:
            let parcel = addShipment(position, wave: wave, fate: .delivered, created: created, &random)
            let delivered = parcel.last
            var last = addSubmission(position, wave: wave, deliverable: reel, outcome: .approved(rounds: random.chance(25) ? 2 : 1, posted: true),
                                     submitted: delivered.adding(days: random.int(in: 3...45)), &random)
            if stage == .complete {
                let end = addSubmission(position, wave: wave, deliverable: tiktok, outcome: .approved(rounds: 1, posted: true),
                                        submitted: delivered.adding(days: random.int(in: 3...45)), &random)
                last = max(last, end)
                if random.chance(10) {
                    addSubmission(position, wave: wave, deliverable: nil, outcome: .approved(rounds: 1, posted: true),
                                  submitted: delivered.adding(days: random.int(in: 10...40)), &random)
                }
            }
            enroll(position, in: 0, stage: stage, at: last.adding(days: 1))
        }
    }

    private mutating func joinWave2(_ position: Int, stage: PipelineStage, variant: Int, override: IncentivePlan?,
                                    _ random: inout SeededRandom) {
        let wave = waves[1]
        let deliverables = wave.brief.deliverables
        var at: Timestamp
        var reason: String?
        switch stage {
        case .prospect, .invited, .onboarding:
            at = daysAgo(1...40, &random)
        case .declined:
            at = daysAgo(3...40, &random)
            reason = random.pick(Self.declineReasons)
        case .active:
            let fates: [ParcelFate?] = [.queued, .packed, .addressProblem, nil]
            if let fate = fates[variant % 4] {
                let created = fate == .queued ? daysAgo(1...2, &random) : fate == .packed ? daysAgo(3...6, &random) : daysAgo(7...12, &random)
                at = created
                _ = addShipment(position, wave: wave, fate: fate, created: created, &random)
            } else {
                at = daysAgo(1...10, &random)
            }
        case .seeded:
            let created = [daysAgo(4...6, &random), daysAgo(14...16, &random), daysAgo(10...12, &random)][variant % 3]
            let parcel = addShipment(position, wave: wave, fate: variant % 3 == 2 ? .delivered : .inTransit, created: created,
                                     transitDays: 2...4, &random)
            at = parcel.shipped ?? created
        case .contentInReview:
            let parcel = addShipment(position, wave: wave, fate: .delivered, created: daysAgo(28...38, &random), &random)
            at = addReviewQueue(position, wave: wave, variant: variant, &random)
            at = max(at, parcel.last)
        case .posted, .complete:
            let parcel = addShipment(position, wave: wave, fate: .delivered, created: daysAgo(36...42, &random), &random)
            let outcome = ReviewOutcome.approved(rounds: random.chance(30) ? 2 : 1, posted: true)
            at = addSubmission(position, wave: wave, deliverable: deliverables[0], outcome: outcome,
                               submitted: parcel.last.adding(days: random.int(in: 2...6)), &random)
            let story = stage == .complete ? outcome : ReviewOutcome.pending(flaw: .none, rounds: 1)
            if stage == .complete || random.chance(40) {
                let end = addSubmission(position, wave: wave, deliverable: deliverables[1], outcome: story,
                                        submitted: parcel.last.adding(days: random.int(in: 8...14)), &random)
                if stage == .complete { at = max(at, end) }
            }
            at = at.adding(days: 1)
        case .dropped:
            let fate: ParcelFate = [.cancelled, .lost, .delivered][variant % 3]
            let parcel = addShipment(position, wave: wave, fate: fate, created: daysAgo(20...30, &random), &random)
            at = parcel.last
            reason = fate == .cancelled ? "Moved abroad before we could ship" : fate == .lost ? "Parcel lost; creator declined a re-send" : "Content rejected: off-brief"
            if fate == .delivered {
                at = addSubmission(position, wave: wave, deliverable: deliverables[2], outcome: .rejected,
                                   submitted: parcel.last.adding(days: random.int(in: 2...4)), &random)
            }
        default:  // ghosted
            let parcel = addShipment(position, wave: wave, fate: .delivered, created: daysAgo(36...42, &random), &random)
            at = parcel.last.adding(days: 14)
            reason = "No post 14 days after delivery"
        }
        enroll(position, in: 1, stage: stage, at: min(at, now), reason: reason, override: override)
    }

    /// The submissions of a creator whose content is in review: at least one waiting for a
    /// decision or for changes; some overdue, some failing the disclosure check.
    private mutating func addReviewQueue(_ position: Int, wave: Wave, variant: Int, _ random: inout SeededRandom) -> Timestamp {
        let deliverables = wave.brief.deliverables
        let overdue = Timestamp(day: today.adding(days: -random.int(in: 5...9)), hour: random.int(in: 8...16), minute: random.below(60))
        let recent = Timestamp(day: today.adding(days: -random.int(in: 0...1)), hour: random.int(in: 8...16), minute: random.below(60))
        let plans: [(ReviewOutcome, Timestamp)] = [
            (.pending(flaw: .noDisclosure, rounds: 1), overdue),
            (.pending(flaw: .none, rounds: 1), recent),
            (.changesRequested(flaw: .bannedWord), overdue),
            (.pending(flaw: .none, rounds: 2), Timestamp(day: today.adding(days: -12), hour: 12)),
            (.pending(flaw: .nearMiss, rounds: 1), recent),
            (.pending(flaw: .giftedOnly, rounds: 1), overdue),
            (.pending(flaw: .disclosureOnScreen, rounds: 1), recent),
        ]
        let (outcome, submitted) = plans[variant % plans.count]
        var last = addSubmission(position, wave: wave, deliverable: deliverables[0], outcome: outcome, submitted: submitted, &random)
        if random.chance(50) {
            let flaw: CaptionFlaw = [.none, .missingHashtag, .buriedDisclosure][variant % 3]
            last = max(last, addSubmission(position, wave: wave, deliverable: deliverables[1], outcome: .pending(flaw: flaw, rounds: 1),
                                           submitted: recent, &random))
        }
        return last
    }
}
