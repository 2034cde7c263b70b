extension Command {
    /// What the command did to an item, as the end of "SU-0124 was … by maria at 10:02": how a
    /// person is told that a colleague got there first.
    public var pastTense: String {
        switch self {
        case .updateProgram: "changed"
        case .createWave: "created"
        case .updateWave, .updateCreator, .editShipment: "edited"
        case .addCreators, .addSKUs, .addSubmissions, .addDiscountCodes, .addTrackingLinks: "added"
        case .enroll: "enrolled"
        case .advanceStage: "moved on a stage"
        case .revertStage: "moved back a stage"
        case .exitPipeline: "taken out of the pipeline"
        case .promote: "promoted"
        case .adjustStock: "restocked"
        case .queueShipments: "queued for shipping"
        case .markPacked: "packed"
        case .markShipped, .importTracking: "shipped"
        case .markDelivered: "marked delivered"
        case .flagException: "flagged"
        case .resolveException: "resolved"
        case .cancelShipments: "cancelled"
        case .approve, .approveWithOverride: "approved"
        case .requestChanges: "sent back for changes"
        case .reject: "rejected"
        case .resubmit: "resubmitted"
        case .recordPost: "marked posted"
        case .setUsageRights: "given new usage rights"
        case .tagAssets: "tagged"
        case .recordMetrics, .importMetrics: "given new metrics"
        case .createPayoutRun: "put in a payout run"
        case .markPayoutRunPaid: "marked paid"
        case .reconcilePayoutRun: "reconciled"
        case .setPayoutDetails: "given new payout details"
        case .importOrders, .importSurveyResponses, .importCreators, .importProducts, .importRates: "imported"
        case .resolveSurveyAnswer: "credited to a creator"
        case .restore: "changed back by an undo"
        case .setDueDate: "given a new due date"
        case .draftMessages: "given a drafted message"
        case .markMessagesSent: "marked messaged"
        case .setRoles, .removePerson, .allowActingAs: "changed"
        }
    }
}
