import ChorusConcurrency

/// The whole domain of one program, as plain values with the indexes every screen needs.
///
/// It does no I/O and reads no clock: the store loads it, commands change it, the UI reads it.
/// Each kind of entity is an `EntityTable` (rows in order, found by key); the kinds are declared
/// once in `WorkspaceEntity.swift`, and every change goes through `put` and `remove` below so the
/// indexes can never drift from the rows.
public struct Workspace: Sendable, Equatable {
    public internal(set) var program: Program
    public internal(set) var waves: EntityTable<Wave>
    public internal(set) var creators: EntityTable<Creator>
    public internal(set) var enrollments: EntityTable<Enrollment>
    public internal(set) var skus: EntityTable<SKU>
    public internal(set) var shipments: EntityTable<Shipment>
    public internal(set) var submissions: EntityTable<Submission>
    public internal(set) var assets: EntityTable<Asset>
    public internal(set) var discountCodes: EntityTable<DiscountCode>
    public internal(set) var trackingLinks: EntityTable<TrackingLink>
    public internal(set) var orders: EntityTable<Order>
    public internal(set) var surveyResponses: EntityTable<SurveyResponse>
    public internal(set) var payoutRuns: EntityTable<PayoutRun>
    /// Whether `orders` and `surveyResponses` are all there or still being read.
    public internal(set) var orderHistoryState = OrderHistoryState.loaded

    private(set) var handleIndex: HandleIndex

    /// The order and creator tables (a million entries each in a big program) are built on other
    /// cores while the other tables are built on this one: opening a workspace waits on them. The handle index is
    /// built on another and waited for only when first used (see `HandleIndex`); with
    /// `indexingHandlesLater`, not before the first use or `startIndexingHandles()`.
    public init(program: Program, waves: [Wave] = [], creators: [Creator] = [], enrollments: [Enrollment] = [],
                skus: [SKU] = [], shipments: [Shipment] = [], submissions: [Submission] = [], assets: [Asset] = [],
                discountCodes: [DiscountCode] = [], trackingLinks: [TrackingLink] = [], orders: [Order] = [],
                surveyResponses: [SurveyResponse] = [], payoutRuns: [PayoutRun] = [], indexingHandlesLater: Bool = false) {
        let orderTable = orders.isEmpty ? nil : BackgroundWork { EntityTable(orders) }
        // A million creators are indexed on another core while their enrollments are here.
        let creatorTable = creators.count < 10_000 ? nil : BackgroundWork { EntityTable(creators) }
        handleIndex = HandleIndex(creators, later: indexingHandlesLater)
        self.program = program
        self.waves = EntityTable(waves)
        self.enrollments = EntityTable(enrollments)
        self.skus = EntityTable(skus)
        self.shipments = EntityTable(shipments)
        self.submissions = EntityTable(submissions)
        self.assets = EntityTable(assets)
        self.discountCodes = EntityTable(discountCodes)
        self.trackingLinks = EntityTable(trackingLinks)
        self.surveyResponses = EntityTable(surveyResponses)
        self.payoutRuns = EntityTable(payoutRuns)
        self.creators = creatorTable?.wait() ?? EntityTable(creators)
        self.orders = orderTable?.wait() ?? EntityTable()
    }

    public static func == (lhs: Workspace, rhs: Workspace) -> Bool {
        struct Compare: EntityKindVisitor {
            let lhs: Workspace, rhs: Workspace
            var equal = true
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) {
                equal = equal && lhs[keyPath: Entity.table] == rhs[keyPath: Entity.table]
            }
        }
        var compare = Compare(lhs: lhs, rhs: rhs)
        EntityKinds.visitAll(&compare)
        return compare.equal && lhs.program == rhs.program && lhs.orderHistoryState == rhs.orderHistoryState
    }

    // MARK: Lookups

    public func wave(_ id: WaveID) -> Wave? { waves[key: id] }
    public func creator(_ id: CreatorID) -> Creator? { creators[key: id] }
    /// Finds a creator by handle, ignoring case and a leading `@`.
    public func creator(handle: some StringProtocol) -> Creator? { handleIndex[Creator.normalizedHandle(handle)].map { creators[$0] } }
    public func enrollment(_ creatorID: CreatorID, in waveID: WaveID) -> Enrollment? {
        enrollments[key: EnrollmentKey(creatorID: creatorID, waveID: waveID)]
    }
    public func sku(_ id: SKUID) -> SKU? { skus[key: id] }
    public func shipment(_ id: ShipmentID) -> Shipment? { shipments[key: id] }
    public func submission(_ id: SubmissionID) -> Submission? { submissions[key: id] }
    public func asset(_ id: AssetID) -> Asset? { assets[key: id] }
    public func discountCode(_ code: some StringProtocol) -> DiscountCode? { discountCodes[key: code.uppercased()] }
    public func order(_ id: OrderID) -> Order? { orders[key: id] }
    public func surveyResponse(_ id: SurveyResponseID) -> SurveyResponse? { surveyResponses[key: id] }
    public func payoutRun(_ number: Int) -> PayoutRun? { payoutRuns[key: number] }

    /// Starts building the handle index on another thread if it waits for that (a console
    /// asks once its first frame is up); this copy and every other share it.
    public func startIndexingHandles() { handleIndex.start() }

    /// Index of a creator in `creators`, for callers that keep columns parallel to it.
    public func creatorPosition(_ id: CreatorID) -> Int? { creators.position(of: id) }

    // MARK: Writes (each keeps its indexes in step)

    mutating func put<Entity: WorkspaceEntity>(_ entity: Entity) {
        let (prior, position) = self[keyPath: Entity.table].upsert(entity)
        Entity.didPut(entity, replacing: prior, at: position, in: &self)
    }

    /// Inserts or replaces orders by id (see `EntityTable.upsert(contentsOf:)`).
    mutating func upsert(orders incoming: [Order], willReplace: (Order) -> Void, willAdd: (OrderID) -> Void)
        -> (added: Int, updated: Int, unchanged: Int) {
        orders.upsert(contentsOf: incoming, willReplace: willReplace, willAdd: willAdd)
    }

    mutating func indexHandle(of creator: Creator, replacing prior: Creator?, at position: Int) {
        // Leads have no handle: nobody can be found by an empty one.
        let handle = creator.isLead ? nil : Creator.normalizedHandle(creator.handle)
        if let prior {
            let oldHandle = Creator.normalizedHandle(prior.handle)
            // Most edits keep the handle: the index is left as it is, not written the same.
            if oldHandle == handle, handleIndex[oldHandle] == position { return }
            if handleIndex[oldHandle] == position { handleIndex[oldHandle] = nil }
        }
        if let handle { handleIndex[handle] = position }
    }

    mutating func setProgram(_ program: Program) { self.program = program }

    /// Removes the entities with these keys, keeping the rest in order.
    mutating func remove(_ keys: RemovalKeys) {
        guard !keys.isEmpty else { return }
        struct Remove: EntityKindVisitor {
            var workspace: Workspace
            let keys: RemovalKeys
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) {
                workspace[keyPath: Entity.table].remove(keys: keys[keyPath: Entity.removals])
            }
        }
        var remove = Remove(workspace: Workspace(program: program), keys: keys)
        swap(&self, &remove.workspace)
        EntityKinds.visitAll(&remove)
        swap(&self, &remove.workspace)
        if !keys.creators.isEmpty { handleIndex = HandleIndex(creators) }
    }

    /// Traps unless every table's index agrees with its rows and the handle index points at creators
    /// with those handles; tests call it after changes.
    public func checkInvariants() {
        struct Check: EntityKindVisitor {
            let workspace: Workspace
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) { workspace[keyPath: Entity.table].checkInvariants() }
        }
        var check = Check(workspace: self)
        EntityKinds.visitAll(&check)
        for (handle, position) in handleIndex.positions {
            precondition(creators.indices.contains(position) && Creator.normalizedHandle(creators[position].handle) == handle,
                         "the handle index sends @\(handle) to a creator without that handle")
        }
        // Leads have no handle to index.
        for creator in creators where !Creator.normalizedHandle(creator.handle).isEmpty {
            precondition(handleIndex[Creator.normalizedHandle(creator.handle)] != nil, "@\(creator.handle) is not in the handle index")
        }
    }
}
