/// The kinds of command, without their values: what a permission is granted over. The names
/// are the journal's (`Command.kind`), so a database can be seeded from `allCases`.
public enum CommandKind: String, CaseIterable, Hashable, Sendable {
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
    case restore
}

extension Command {
    /// Exhaustive, so a new command does not compile until it has a kind, and through the kind
    /// the roles that may issue it.
    public var commandKind: CommandKind {
        switch self {
        case .updateProgram: .updateProgram
        case .createWave: .createWave
        case .updateWave: .updateWave
        case .addCreators: .addCreators
        case .updateCreator: .updateCreator
        case .enroll: .enroll
        case .advanceStage: .advanceStage
        case .revertStage: .revertStage
        case .exitPipeline: .exitPipeline
        case .promote: .promote
        case .setDueDate: .setDueDate
        case .draftMessages: .draftMessages
        case .markMessagesSent: .markMessagesSent
        case .addSKUs: .addSKUs
        case .adjustStock: .adjustStock
        case .importProducts: .importProducts
        case .queueShipments: .queueShipments
        case .markPacked: .markPacked
        case .markShipped: .markShipped
        case .markDelivered: .markDelivered
        case .flagException: .flagException
        case .cancelShipments: .cancelShipments
        case .editShipment: .editShipment
        case .resolveException: .resolveException
        case .addSubmissions: .addSubmissions
        case .approve: .approve
        case .approveWithOverride: .approveWithOverride
        case .requestChanges: .requestChanges
        case .reject: .reject
        case .resubmit: .resubmit
        case .recordPost: .recordPost
        case .setUsageRights: .setUsageRights
        case .tagAssets: .tagAssets
        case .recordMetrics: .recordMetrics
        case .importMetrics: .importMetrics
        case .createPayoutRun: .createPayoutRun
        case .markPayoutRunPaid: .markPayoutRunPaid
        case .reconcilePayoutRun: .reconcilePayoutRun
        case .setPayoutDetails: .setPayoutDetails
        case .addDiscountCodes: .addDiscountCodes
        case .addTrackingLinks: .addTrackingLinks
        case .importOrders: .importOrders
        case .importSurveyResponses: .importSurveyResponses
        case .importRates: .importRates
        case .importCreators: .importCreators
        case .resolveSurveyAnswer: .resolveSurveyAnswer
        case .setRoles: .setRoles
        case .removePerson: .removePerson
        case .allowActingAs: .allowActingAs
        case .restore: .restore
        }
    }

    /// The kind whose permission the command needs: its own, or for an undo or redo that of
    /// the command it takes back (an undo of a payout run is as much a payout decision).
    public var authorizingKind: CommandKind {
        if case .restore(let point, _) = self { return point.undoes ?? .restore }
        return commandKind
    }
}
