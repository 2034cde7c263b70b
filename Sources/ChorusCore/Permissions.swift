/// Who may issue which kind of command. One exhaustive switch, so a new command cannot be added
/// without deciding who may send it; the store enforces it on every perform, the console greys
/// the keys it rules out, and a database seeds its permissions table from `byKindName`.
extension Command.Kind {
    /// The roles that may issue this kind besides `admin`, who may issue every kind.
    public var roles: Set<Role> {
        switch self {
        case .updateProgram, .setRoles, .removePerson, .allowActingAs: []
        // An undo recorded before undo remembered what it took back: only an admin can judge it.
        case .restore: []
        case .createWave, .updateWave, .addCreators, .updateCreator, .enroll, .advanceStage, .revertStage, .exitPipeline,
             .promote, .setDueDate, .draftMessages, .markMessagesSent: [.ops]
        case .approve, .approveWithOverride, .requestChanges, .reject, .resubmit, .recordPost: [.ops]
        case .setUsageRights, .tagAssets, .recordMetrics, .addDiscountCodes, .addTrackingLinks, .resolveSurveyAnswer: [.ops]
        // The Pipeline's `S` seeds creators from the pipeline; the warehouse queues extras.
        case .queueShipments: [.seeding, .ops]
        case .addSKUs, .adjustStock, .markPacked, .markDelivered, .flagException, .cancelShipments, .editShipment,
             .resolveException: [.seeding]
        case .markShipped: [.seeding]
        // ShipStation's shipments file ships parcels too, and is the nightly importer's to send.
        case .importTracking: [.seeding, .importer]
        case .importProducts: [.seeding, .importer]
        case .addSubmissions, .importOrders, .importSurveyResponses, .importMetrics, .importCreators: [.ops, .importer]
        case .createPayoutRun, .markPayoutRunPaid, .reconcilePayoutRun, .setPayoutDetails: [.finance]
        case .importRates: [.finance, .importer]
        }
    }

    /// Whether someone holding `held` may issue this kind.
    public func isAllowed(for held: Set<Role>) -> Bool { held.contains(.admin) || !held.isDisjoint(with: roles) }

    /// The start of the refusal, agreeing with its subject: "payout runs need", "approving
    /// drafts needs".
    var needs: String {
        switch self {
        case .updateProgram: "the program's settings need"
        case .createWave: "creating waves needs"
        case .updateWave: "editing waves needs"
        case .addCreators: "adding creators needs"
        case .updateCreator: "editing creators needs"
        case .enroll: "inviting creators needs"
        case .advanceStage: "moving creators on a stage needs"
        case .revertStage: "moving creators back a stage needs"
        case .exitPipeline: "dropping creators from a wave needs"
        case .promote: "promoting creators needs"
        case .setDueDate: "due dates need"
        case .draftMessages: "drafting messages needs"
        case .markMessagesSent: "marking messages sent needs"
        case .addSKUs: "adding products needs"
        case .adjustStock: "correcting stock needs"
        case .importProducts: "importing products needs"
        case .queueShipments: "queueing parcels needs"
        case .markPacked: "packing parcels needs"
        case .markShipped: "shipping parcels needs"
        case .importTracking: "importing tracking numbers needs"
        case .markDelivered: "marking parcels delivered needs"
        case .flagException: "flagging parcel problems needs"
        case .cancelShipments: "cancelling parcels needs"
        case .editShipment: "editing parcels needs"
        case .resolveException: "resolving parcel problems needs"
        case .addSubmissions: "adding drafts needs"
        case .approve: "approving drafts needs"
        case .approveWithOverride: "approving drafts with an override needs"
        case .requestChanges: "requesting changes to drafts needs"
        case .reject: "rejecting drafts needs"
        case .resubmit: "recording resubmitted drafts needs"
        case .recordPost: "recording posts needs"
        case .setUsageRights: "usage rights need"
        case .tagAssets: "tagging library assets needs"
        case .recordMetrics: "recording post metrics needs"
        case .importMetrics: "importing post metrics needs"
        case .createPayoutRun: "payout runs need"
        case .markPayoutRunPaid: "marking payout runs paid needs"
        case .reconcilePayoutRun: "reconciling payout runs needs"
        case .setPayoutDetails: "payout details need"
        case .addDiscountCodes: "discount codes need"
        case .addTrackingLinks: "tracking links need"
        case .importOrders: "importing orders needs"
        case .importSurveyResponses: "importing survey answers needs"
        case .importRates: "exchange rates need"
        case .importCreators: "importing creators needs"
        case .resolveSurveyAnswer: "crediting survey answers needs"
        case .setRoles, .removePerson: "people and their roles need"
        case .allowActingAs: "letting people act as others needs"
        case .restore: "undoing a change made before roles existed needs"
        }
    }

    /// "payout runs need the finance role"; "queueing parcels needs the seeding or ops role".
    public var requirement: String { "\(needs) \(rolesNeeded)" }

    /// "the finance role"; "the seeding or ops role".
    var rolesNeeded: String {
        let names = (roles.isEmpty ? [Role.admin] : roles.sorted()).map(\.rawValue)
        let listed = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
        return "the \(listed) role"
    }
}

/// The permission table by kind name, for a database's `permissions(role, kind)` rows: every
/// kind with the roles that may issue it, `admin` included.
public enum Permissions {
    public static var byKindName: [String: [Role]] {
        Dictionary(uniqueKeysWithValues: Command.Kind.allCases.map { ($0.rawValue, ($0.roles.union([.admin])).sorted()) })
    }

    /// The README's role table (`chorus people roles`), from the switch above, so the two
    /// cannot disagree: every role, what it is for, and what it may change.
    public static func markdownTable() -> String {
        let rows = Role.allCases.map { role in
            let own = Command.Kind.allCases.filter { role == .admin ? $0.roles.isEmpty : $0.roles.contains(role) }.map(\.activity)
                .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let changes = role == .reader ? "nothing" : (role == .admin ? "everything; only an admin: " : "") + own.joined(separator: ", ")
            return "| `\(role.rawValue)` | \(role.purpose) | \(changes) |"
        }
        return (["| role | for | may change |", "| --- | --- | --- |"] + rows).joined(separator: "\n")
    }
}

extension Command.Kind {
    /// What the kind does, as the subject of its refusal: "payout runs", "approving drafts".
    var activity: String {
        needs.hasSuffix(" needs") ? String(needs.dropLast(6)) : String(needs.dropLast(5))
    }
}
