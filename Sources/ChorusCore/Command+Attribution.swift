extension Command {
    /// Whether applying this may change what attribution credits. Pipeline, seeding, approval
    /// and library work cannot; anything else (including commands added later) is assumed to.
    /// The console recomputes attribution only after such a command, and a workspace's stored
    /// attribution stays valid across journal entries that are not (see `AttributionDecisions`).
    public var mayChangeAttribution: Bool {
        switch self {
        case .enroll, .advanceStage, .revertStage, .exitPipeline, .promote, .addSKUs, .adjustStock, .queueShipments, .markPacked, .markShipped,
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
}
