/// What a command may touch, in one place: the store, the owner of derived figures and the
/// console all decide from these what a journal entry makes stale.
extension Command {
    /// Whether applying this may change what attribution credits. Pipeline, seeding, approval,
    /// library and payout work cannot; anything else (including commands added later) is assumed
    /// to. What the store and the console ask, knowing what the command replaced, is
    /// `mayChangeAttribution(replacing:)`, which also clears creator edits attribution does not read.
    public var mayChangeAttribution: Bool {
        switch self {
        case .enroll, .advanceStage, .revertStage, .exitPipeline, .promote, .addSKUs, .adjustStock, .queueShipments, .markPacked, .markShipped, .importTracking,
             .markDelivered, .flagException, .cancelShipments, .editShipment, .resolveException, .addSubmissions, .approve, .approveWithOverride,
             .requestChanges, .reject, .resubmit, .recordPost, .setUsageRights, .tagAssets, .recordMetrics, .importMetrics,
             .addTrackingLinks, .createPayoutRun, .markPayoutRunPaid, .setPayoutDetails: false
        // Undo of pipeline or seeding work puts back only what attribution does not read; a
        // recompute (seconds on a million orders) would be for nothing.
        case .restore(let point, _): !point.creators.isEmpty || point.putsBackAttributionInputsBesideCreators
        default: true
        }
    }

    /// `mayChangeAttribution`, knowing what the command replaced (`applied`, its undo holding
    /// the creators as they were): creators changed only in what attribution does not read
    /// (an address, a payout method, their audience) credit nobody differently, so attribution
    /// kept for the state before stands. At a million creators an edit otherwise sets off
    /// seconds of attribution on both cores, and the next open finds nothing kept for its state
    /// unless the console was left open that long. The store, the owner of derived figures and
    /// a colleague catching up all ask this, so they agree on which state kept attribution is for.
    public func mayChangeAttribution(replacing applied: AppliedCommand) -> Bool {
        guard mayChangeAttribution else { return false }
        let changed: [Creator]
        switch self {
        case .updateCreator(let creator): changed = [creator]
        case .restore(let point, _) where !point.putsBackAttributionInputsBesideCreators: changed = point.creators
        default: return true
        }
        guard applied.isUndoable, case .restore(let before, _) = applied.undo, before.remove.creators.isEmpty else { return true }
        // The undo keeps the creators it replaced in the order they were changed: compared side
        // by side, a big re-import's undo is one pass, not a dictionary of every creator.
        if before.creators.count == changed.count, zip(before.creators, changed).allSatisfy({ $0.id == $1.id }) {
            return !zip(before.creators, changed).allSatisfy { $0.isCreditedAlike($1) }
        }
        let priors = Dictionary(before.creators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return !changed.allSatisfy { creator in priors[creator.id]?.isCreditedAlike(creator) ?? false }
    }

    /// Whether applying this reads or changes orders or survey responses, and so must wait
    /// until a deferred order history is attached.
    public var needsOrderHistory: Bool {
        switch self {
        case .importOrders, .importSurveyResponses, .resolveSurveyAnswer: return true
        case .restore(let point, _):
            return !point.orders.isEmpty || !point.surveyResponses.isEmpty
                || !point.remove.orders.isEmpty || !point.remove.surveyResponses.isEmpty
        default: return false
        }
    }

    /// Whether applying this may change creators (not just enrollments), which is when the
    /// per-creator search and sort columns must be rebuilt.
    public var mayChangeCreators: Bool {
        switch self {
        case .addCreators, .updateCreator, .importCreators: true
        case .restore(let point, _): !point.creators.isEmpty || !point.remove.creators.isEmpty
        default: false
        }
    }
}

extension RestorePoint {
    /// Whether putting this back changes what attribution reads other than creators: the
    /// program's rules, waves, codes, orders, answers or links.
    var putsBackAttributionInputsBesideCreators: Bool {
        program != nil || !waves.isEmpty || !discountCodes.isEmpty || !orders.isEmpty || !surveyResponses.isEmpty || !trackingLinks.isEmpty
            || !remove.waves.isEmpty || !remove.creators.isEmpty || !remove.discountCodes.isEmpty || !remove.orders.isEmpty
            || !remove.surveyResponses.isEmpty || !remove.trackingLinks.isEmpty
    }
}
