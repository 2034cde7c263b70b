/// What a command may touch, in one place: the store, the owner of derived figures and the
/// console all decide from these what a journal entry makes stale.
extension Command {
    /// Whether applying this may change what attribution credits. Pipeline, seeding, approval
    /// and library work cannot; anything else (including commands added later) is assumed to.
    /// `DerivedFigures` recomputes attribution only after such a command, and a workspace's stored
    /// attribution stays valid across journal entries that are not (see `AttributionDecisions`).
    public var mayChangeAttribution: Bool {
        switch self {
        case .enroll, .advanceStage, .revertStage, .exitPipeline, .promote, .addSKUs, .adjustStock, .queueShipments, .markPacked, .markShipped, .importTracking,
             .markDelivered, .flagException, .cancelShipments, .editShipment, .resolveException, .addSubmissions, .approve, .approveWithOverride,
             .requestChanges, .reject, .resubmit, .recordPost, .setUsageRights, .tagAssets, .recordMetrics, .importMetrics,
             .addTrackingLinks, .createPayoutRun, .markPayoutRunPaid: false
        // Undo of pipeline or seeding work puts back only what attribution does not read; a
        // recompute (seconds on a million orders) would be for nothing.
        case .restore(let point, _):
            point.program != nil || !point.waves.isEmpty || !point.creators.isEmpty || !point.discountCodes.isEmpty
                || !point.orders.isEmpty || !point.surveyResponses.isEmpty || !point.trackingLinks.isEmpty
                || !point.remove.waves.isEmpty || !point.remove.creators.isEmpty || !point.remove.discountCodes.isEmpty
                || !point.remove.orders.isEmpty || !point.remove.surveyResponses.isEmpty || !point.remove.trackingLinks.isEmpty
        default: true
        }
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
