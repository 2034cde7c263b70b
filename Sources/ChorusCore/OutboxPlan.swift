/// Who gets a message of one kind in a wave today, who is skipped and why, before anything is
/// drafted. The console previews it and the CLI prints it, so both skip the same people.
public struct OutboxPlan: Hashable, Sendable {
    public struct Skip: Hashable, Sendable {
        public var creatorID: CreatorID
        public var reason: String
        public init(creatorID: CreatorID, reason: String) { self.creatorID = creatorID; self.reason = reason }
    }

    public var kind: MessageKind
    public var waveID: WaveID
    public var recipients: [CreatorID]
    public var skipped: [Skip]
    /// People a marketing message may not go to; the plan is refused while any are chosen.
    public var refused: [Creator]

    /// Why the plan cannot be drafted, naming the people, or nil.
    public var refusal: String? {
        refused.isEmpty ? nil : Creator.refusalToInvite(refused).replacingOccurrences(of: "cannot be invited", with: "cannot be sent \(kind.rawValue)")
    }
}

extension Workspace {
    /// Plans `kind` for `creators` in the wave (nil: everyone enrolled in it, and for `apply`
    /// every lead too). A step of a sequence goes only to creators it still fits: a nudge to
    /// someone who has since posted, or a second copy of a step already drafted, is skipped with
    /// the reason. Leads are only ever asked to apply; one chosen by name without marketing
    /// consent is refused, one merely among all leads is skipped, so the rest can be asked.
    public func outboxPlan(_ kind: MessageKind, wave waveID: WaveID, creators: [CreatorID]? = nil, today: Day) -> OutboxPlan {
        var ids = creators ?? enrollments.filter { $0.waveID == waveID }.map(\.creatorID)
        var plan = OutboxPlan(kind: kind, waveID: waveID, recipients: [], skipped: [], refused: [])
        if creators == nil && kind == .apply {
            for lead in leads {
                if lead.isContactable { ids.append(lead.id) } else {
                    plan.skipped.append(OutboxPlan.Skip(creatorID: lead.id, reason: "\(lead.name) (\(lead.reference)) has not accepted marketing"))
                }
            }
        }
        let context = MessageEligibility(workspace: self, waveID: waveID, today: today)
        for id in ids {
            guard let creator = creator(id) else { continue }
            if let reason = creator.isLead ? context.reasonToSkipLead(kind, creator) : context.reasonToSkip(kind, creator) {
                plan.skipped.append(OutboxPlan.Skip(creatorID: id, reason: reason))
            } else if kind.isMarketing && !creator.isContactable {
                plan.refused.append(creator)
            } else {
                plan.recipients.append(id)
            }
        }
        return plan
    }
}

/// The facts each kind of message depends on, gathered once per plan.
struct MessageEligibility {
    let workspace: Workspace
    let waveID: WaveID
    let today: Day
    let flags: [ShipmentID: FollowThroughFlag]
    let late: Set<CreatorID>

    init(workspace: Workspace, waveID: WaveID, today: Day) {
        self.workspace = workspace
        self.waveID = waveID
        self.today = today
        flags = FollowThrough.flags(in: workspace, today: today, settings: workspace.program.settings)
        late = Set(workspace.lateCreators(today: today, wave: waveID).map(\.creatorID))
    }

    /// A lead is in no wave: they can only be asked to apply, once.
    func reasonToSkipLead(_ kind: MessageKind, _ lead: Creator) -> String? {
        let who = "\(lead.name) (\(lead.reference))"
        guard kind == .apply else { return "\(who) is a lead with no handle yet; leads are only sent apply" }
        if let earlier = lead.invitationToApply { return "\(who) already has \(earlier.label(today: today))" }
        return nil
    }

    func reasonToSkip(_ kind: MessageKind, _ creator: Creator) -> String? {
        let who = "@" + creator.handle
        guard let enrollment = workspace.enrollment(creator.id, in: waveID) else { return "\(who) is not in this wave" }
        if let earlier = enrollment.correspondence.first(where: { $0.kind == kind }) {
            return "\(who) already has \(earlier.label(today: today))"
        }
        if enrollment.stage.isExit { return "\(who) has \(enrollment.stage.label)" }
        let stage = enrollment.stage
        switch kind {
        case .invite, .apply:
            return stage == .prospect ? nil : "\(who) is already \(stage.label)"
        case .brief:
            return stage.owesContent ? nil : "\(who) is \(stage.label)"
        case .shipped:
            return workspace.latestDispatch(creator.id, waveID) == nil ? "\(who) has no parcel on its way" : nil
        case .nudge1, .nudge2, .nudge3:
            let step = kind == .nudge1 ? 1 : kind == .nudge2 ? 2 : 3
            let nudge = workspace.shipments.lazy.filter { $0.creatorID == creator.id && $0.waveID == waveID }
                .compactMap { shipment -> Int? in
                    if case .noSubmission(_, let nudge, _)? = flags[shipment.id]?.kind { return nudge }
                    return nil
                }.max()
            guard let nudge else { return stage.owesContent ? "\(who) is not due a nudge" : "\(who) has moved on (\(stage.label))" }
            return nudge >= step ? nil : "\(who) is not due nudge \(step) yet"
        case .late:
            return late.contains(creator.id) ? nil : (stage.owesContent ? "\(who) is not late" : "\(who) has moved on (\(stage.label))")
        case .changesRequested:
            return workspace.latestSubmission(creator.id, waveID, .changesRequested) == nil ? "\(who) has no changes requested" : nil
        case .approved:
            return workspace.latestSubmission(creator.id, waveID, .approved) == nil ? "\(who) has no approved content" : nil
        case .rightsRenewal:
            return workspace.latestRights(creator.id, waveID) == nil ? "\(who) has granted no usage rights" : nil
        case .payout:
            return workspace.latestPayment(creator.id) == nil ? "\(who) has no payout" : nil
        }
    }
}

extension Workspace {
    func latestDispatch(_ creatorID: CreatorID, _ waveID: WaveID) -> Shipment? {
        shipments.last { $0.creatorID == creatorID && $0.waveID == waveID && $0.trackingNumber != nil
            && ($0.status == .shipped || $0.status == .delivered) }
    }

    func latestSubmission(_ creatorID: CreatorID, _ waveID: WaveID, _ status: SubmissionStatus) -> Submission? {
        submissions.last { $0.creatorID == creatorID && $0.waveID == waveID && $0.status == status }
    }

    func latestRights(_ creatorID: CreatorID, _ waveID: WaveID) -> UsageRights? {
        assets.filter { $0.creatorID == creatorID && $0.waveID == waveID }.compactMap(\.rights).max { $0.end < $1.end }
    }

    func latestPayment(_ creatorID: CreatorID) -> Payment? {
        payoutRuns.sorted { $0.number < $1.number }.last { run in run.payments.contains { $0.creatorID == creatorID } }?
            .payments.first { $0.creatorID == creatorID }
    }
}
