extension Command {
    /// Every kind of command, by the name the journal writes (`approve`, `importOrders`) and
    /// `chorus history --kind` filters on.
    ///
    /// Adding a command (see `Command+Coding`): the switch below stops compiling until the new
    /// case has a kind here, and the kind's coding in `Command+Fields` stops compiling until it
    /// is written and read there.
    public enum Kind: String, CaseIterable, Sendable {
        case updateProgram, createWave, updateWave
        case addCreators, updateCreator, enroll, advanceStage, revertStage, exitPipeline, promote, setDueDate
        case draftMessages, markMessagesSent
        case addSKUs, adjustStock, importProducts, queueShipments, markPacked, markShipped, markDelivered, flagException
        case cancelShipments, editShipment, resolveException
        case addSubmissions, approve, approveWithOverride, requestChanges, reject, resubmit, recordPost
        case setUsageRights, tagAssets, recordMetrics, importMetrics
        case createPayoutRun, markPayoutRunPaid, reconcilePayoutRun, setPayoutDetails
        case addDiscountCodes, addTrackingLinks, importOrders, importSurveyResponses, importRates, importCreators, resolveSurveyAnswer
        case setRoles, removePerson, allowActingAs
        case importTracking
        case restore

        public init(of command: Command) {
            switch command {
            case .updateProgram: self = .updateProgram
            case .createWave: self = .createWave
            case .updateWave: self = .updateWave
            case .addCreators: self = .addCreators
            case .updateCreator: self = .updateCreator
            case .enroll: self = .enroll
            case .advanceStage: self = .advanceStage
            case .revertStage: self = .revertStage
            case .exitPipeline: self = .exitPipeline
            case .promote: self = .promote
            case .setDueDate: self = .setDueDate
            case .draftMessages: self = .draftMessages
            case .markMessagesSent: self = .markMessagesSent
            case .addSKUs: self = .addSKUs
            case .adjustStock: self = .adjustStock
            case .importProducts: self = .importProducts
            case .queueShipments: self = .queueShipments
            case .markPacked: self = .markPacked
            case .markShipped: self = .markShipped
            case .importTracking: self = .importTracking
            case .markDelivered: self = .markDelivered
            case .flagException: self = .flagException
            case .cancelShipments: self = .cancelShipments
            case .editShipment: self = .editShipment
            case .resolveException: self = .resolveException
            case .addSubmissions: self = .addSubmissions
            case .approve: self = .approve
            case .approveWithOverride: self = .approveWithOverride
            case .requestChanges: self = .requestChanges
            case .reject: self = .reject
            case .resubmit: self = .resubmit
            case .recordPost: self = .recordPost
            case .setUsageRights: self = .setUsageRights
            case .tagAssets: self = .tagAssets
            case .recordMetrics: self = .recordMetrics
            case .importMetrics: self = .importMetrics
            case .createPayoutRun: self = .createPayoutRun
            case .markPayoutRunPaid: self = .markPayoutRunPaid
            case .reconcilePayoutRun: self = .reconcilePayoutRun
            case .setPayoutDetails: self = .setPayoutDetails
            case .addDiscountCodes: self = .addDiscountCodes
            case .addTrackingLinks: self = .addTrackingLinks
            case .importOrders: self = .importOrders
            case .importSurveyResponses: self = .importSurveyResponses
            case .importRates: self = .importRates
            case .importCreators: self = .importCreators
            case .resolveSurveyAnswer: self = .resolveSurveyAnswer
            case .setRoles: self = .setRoles
            case .removePerson: self = .removePerson
            case .allowActingAs: self = .allowActingAs
            case .restore: self = .restore
            }
        }
    }

    /// The command's name as the journal writes it (`approve`, `importOrders`): what
    /// `chorus history --kind` filters on.
    public var kind: String { Kind(of: self).rawValue }

    /// The kind whose permission the command needs: its own, or for an undo or redo that of
    /// the command it takes back (an undo of a payout run is as much a payout decision).
    public var authorizingKind: Kind {
        if case .restore(let point, _) = self { return point.undoes ?? .restore }
        return Kind(of: self)
    }
}
