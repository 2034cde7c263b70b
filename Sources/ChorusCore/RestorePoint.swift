/// What undo needs: the prior value of every entity a command changed, and the keys of every
/// entity it created. Applying a restore point puts the workspace back and yields the restore
/// point for redo, so undo and redo are ordinary journaled commands, not a side channel.
///
/// One list and one key set per kind of entity, named as in the journal; the kinds are walked
/// generically through `EntityKinds`.
public struct RestorePoint: Hashable, Sendable, Codable {
    public var program: Program?
    public var waves: [Wave] = []
    public var creators: [Creator] = []
    public var enrollments: [Enrollment] = []
    public var skus: [SKU] = []
    public var shipments: [Shipment] = []
    public var submissions: [Submission] = []
    public var assets: [Asset] = []
    public var discountCodes: [DiscountCode] = []
    public var orders: [Order] = []
    public var surveyResponses: [SurveyResponse] = []
    public var trackingLinks: [TrackingLink] = []
    public var payoutRuns: [PayoutRun] = []
    public var remove = RemovalKeys()
    /// The kind of command this takes back, whose permission undoing it needs (see
    /// `Command.authorizingKind`); nil in restore points journaled before roles existed.
    public var undoes: Command.Kind?

    public init() {}

    public var isEmpty: Bool {
        struct Empty: EntityKindVisitor {
            let point: RestorePoint
            var empty = true
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) { empty = empty && point[keyPath: Entity.priors].isEmpty }
        }
        var check = Empty(point: self)
        EntityKinds.visitAll(&check)
        return check.empty && program == nil && remove.isEmpty
    }
}

public struct RemovalKeys: Hashable, Sendable, Codable {
    public var waves: Set<WaveID> = []
    public var creators: Set<CreatorID> = []
    public var enrollments: Set<EnrollmentKey> = []
    public var skus: Set<SKUID> = []
    public var shipments: Set<ShipmentID> = []
    public var submissions: Set<SubmissionID> = []
    public var assets: Set<AssetID> = []
    public var discountCodes: Set<String> = []
    public var trackingLinks: Set<TrackingLink> = []
    public var orders: Set<OrderID> = []
    public var surveyResponses: Set<SurveyResponseID> = []
    /// Payout run numbers.
    public var payoutRuns: Set<Int> = []

    public init() {}

    public var isEmpty: Bool {
        struct Empty: EntityKindVisitor {
            let keys: RemovalKeys
            var empty = true
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) { empty = empty && keys[keyPath: Entity.removals].isEmpty }
        }
        var check = Empty(keys: self)
        EntityKinds.visitAll(&check)
        return check.empty
    }
}
