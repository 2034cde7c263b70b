import Dispatch

/// The whole domain of one program, as plain values with the indexes every screen needs.
///
/// It does no I/O and reads no clock: the store loads it, commands change it, the UI reads it.
/// Collections are arrays (fast to scan, sort and encode) with dictionaries from id to index,
/// maintained by the mutation methods below so they can never drift from the arrays.
public struct Workspace: Sendable, Equatable {
    public internal(set) var program: Program
    public internal(set) var waves: [Wave]
    public internal(set) var creators: [Creator]
    public internal(set) var enrollments: [Enrollment]
    public internal(set) var skus: [SKU]
    public internal(set) var shipments: [Shipment]
    public internal(set) var submissions: [Submission]
    public internal(set) var assets: [Asset]
    public internal(set) var discountCodes: [DiscountCode]
    public internal(set) var trackingLinks: [TrackingLink]
    public internal(set) var orders: [Order]
    public internal(set) var surveyResponses: [SurveyResponse]
    /// Few (one a month or so), so looked up by scanning.
    public internal(set) var payoutRuns: [PayoutRun]

    private(set) var waveIndex: [WaveID: Int] = [:]
    private(set) var creatorIndex: [CreatorID: Int] = [:]
    private(set) var handleIndex: [String: Int] = [:]
    private(set) var enrollmentIndex: [EnrollmentKey: Int] = [:]
    private(set) var skuIndex: [SKUID: Int] = [:]
    private(set) var shipmentIndex: [ShipmentID: Int] = [:]
    private(set) var submissionIndex: [SubmissionID: Int] = [:]
    private(set) var assetIndex: [AssetID: Int] = [:]
    private(set) var codeIndex: [String: Int] = [:]
    private(set) var orderIndex: [OrderID: Int] = [:]
    private(set) var surveyIndex: [SurveyResponseID: Int] = [:]

    public init(program: Program, waves: [Wave] = [], creators: [Creator] = [], enrollments: [Enrollment] = [],
                skus: [SKU] = [], shipments: [Shipment] = [], submissions: [Submission] = [], assets: [Asset] = [],
                discountCodes: [DiscountCode] = [], trackingLinks: [TrackingLink] = [], orders: [Order] = [],
                surveyResponses: [SurveyResponse] = [], payoutRuns: [PayoutRun] = []) {
        self.program = program
        self.waves = waves
        self.creators = creators
        self.enrollments = enrollments
        self.skus = skus
        self.shipments = shipments
        self.submissions = submissions
        self.assets = assets
        self.discountCodes = discountCodes
        self.trackingLinks = trackingLinks
        self.orders = orders
        self.surveyResponses = surveyResponses
        self.payoutRuns = payoutRuns
        rebuildIndexes()
    }

    public static func == (lhs: Workspace, rhs: Workspace) -> Bool {
        lhs.program == rhs.program && lhs.waves == rhs.waves && lhs.creators == rhs.creators
            && lhs.enrollments == rhs.enrollments && lhs.skus == rhs.skus && lhs.shipments == rhs.shipments
            && lhs.submissions == rhs.submissions && lhs.assets == rhs.assets && lhs.discountCodes == rhs.discountCodes
            && lhs.trackingLinks == rhs.trackingLinks && lhs.orders == rhs.orders && lhs.surveyResponses == rhs.surveyResponses
            && lhs.payoutRuns == rhs.payoutRuns
    }

    /// Rebuilds every index. The order index (a million entries in a big program) and the
    /// handle index are built on a second core while the others are built on this one:
    /// opening a workspace waits on this.
    mutating func rebuildIndexes() {
        nonisolated(unsafe) var orderIndex: [OrderID: Int] = [:]
        nonisolated(unsafe) var handles: [String: Int] = [:]
        let orders = self.orders, creators = self.creators
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            handles.reserveCapacity(creators.count)
            for position in creators.indices {
                let handle = Creator.normalizedHandle(creators[position].handle)
                // Leads have no handle: nobody can be found by an empty one.
                if handles[handle] == nil, !handle.isEmpty { handles[handle] = position }
            }
            orderIndex = Self.index(orders, by: { $0.id })
        }
        waveIndex = Self.index(waves, by: { $0.id })
        creatorIndex = Self.index(creators, by: { $0.id })
        enrollmentIndex = Self.index(enrollments, by: { $0.key })
        skuIndex = Self.index(skus, by: { $0.id })
        shipmentIndex = Self.index(shipments, by: { $0.id })
        submissionIndex = Self.index(submissions, by: { $0.id })
        assetIndex = Self.index(assets, by: { $0.id })
        codeIndex = Self.index(discountCodes, by: { $0.code })
        surveyIndex = Self.index(surveyResponses, by: { $0.id })
        group.wait()
        self.orderIndex = orderIndex
        handleIndex = handles
    }

    /// Takes indexes of the orders and survey responses built elsewhere, or builds them.
    mutating func indexOrderHistory(orders: [OrderID: Int]?, surveyResponses: [SurveyResponseID: Int]?) {
        orderIndex = orders ?? Self.positions(of: self.orders)
        surveyIndex = surveyResponses ?? Self.positions(of: self.surveyResponses)
    }

    /// Order id → position, as the workspace indexes its orders.
    package static func positions(of orders: [Order]) -> [OrderID: Int] { index(orders, by: { $0.id }) }

    /// Survey response id → position, as the workspace indexes its responses.
    package static func positions(of responses: [SurveyResponse]) -> [SurveyResponseID: Int] { index(responses, by: { $0.id }) }

    /// Id → position, first occurrence winning; one hash per element in the usual case of
    /// unique ids (a duplicate is a broken workspace that `chorus check` reports).
    private static func index<Element, Key: Hashable>(_ elements: [Element], by key: (Element) -> Key) -> [Key: Int] {
        var result: [Key: Int] = [:]
        result.reserveCapacity(elements.count)
        elements.withUnsafeBufferPointer { buffer in
            for position in buffer.indices {
                let id = key(buffer[position])
                if let earlier = result.updateValue(position, forKey: id) { result[id] = earlier }
            }
        }
        return result
    }

    // MARK: Lookups

    public func wave(_ id: WaveID) -> Wave? { waveIndex[id].map { waves[$0] } }
    public func creator(_ id: CreatorID) -> Creator? { creatorIndex[id].map { creators[$0] } }
    /// Finds a creator by handle, ignoring case and a leading `@`.
    public func creator(handle: some StringProtocol) -> Creator? { handleIndex[Creator.normalizedHandle(handle)].map { creators[$0] } }
    public func enrollment(_ creatorID: CreatorID, in waveID: WaveID) -> Enrollment? {
        enrollmentIndex[EnrollmentKey(creatorID: creatorID, waveID: waveID)].map { enrollments[$0] }
    }
    public func sku(_ id: SKUID) -> SKU? { skuIndex[id].map { skus[$0] } }
    public func shipment(_ id: ShipmentID) -> Shipment? { shipmentIndex[id].map { shipments[$0] } }
    public func submission(_ id: SubmissionID) -> Submission? { submissionIndex[id].map { submissions[$0] } }
    public func asset(_ id: AssetID) -> Asset? { assetIndex[id].map { assets[$0] } }
    public func discountCode(_ code: some StringProtocol) -> DiscountCode? { codeIndex[code.uppercased()].map { discountCodes[$0] } }
    public func order(_ id: OrderID) -> Order? { orderIndex[id].map { orders[$0] } }
    public func surveyResponse(_ id: SurveyResponseID) -> SurveyResponse? { surveyIndex[id].map { surveyResponses[$0] } }
    public func payoutRun(_ number: Int) -> PayoutRun? { payoutRuns.first { $0.number == number } }

    /// Index of a creator in `creators`, for callers that keep columns parallel to it.
    public func creatorPosition(_ id: CreatorID) -> Int? { creatorIndex[id] }

    // MARK: Keyed writes (each keeps its index in step)

    mutating func put(_ wave: Wave) { Self.upsert(wave, key: wave.id, into: &waves, index: &waveIndex) }
    mutating func put(_ sku: SKU) { Self.upsert(sku, key: sku.id, into: &skus, index: &skuIndex) }
    mutating func put(_ shipment: Shipment) { Self.upsert(shipment, key: shipment.id, into: &shipments, index: &shipmentIndex) }
    mutating func put(_ submission: Submission) { Self.upsert(submission, key: submission.id, into: &submissions, index: &submissionIndex) }
    mutating func put(_ asset: Asset) { Self.upsert(asset, key: asset.id, into: &assets, index: &assetIndex) }
    mutating func put(_ enrollment: Enrollment) { Self.upsert(enrollment, key: enrollment.key, into: &enrollments, index: &enrollmentIndex) }
    mutating func put(_ code: DiscountCode) { Self.upsert(code, key: code.code, into: &discountCodes, index: &codeIndex) }
    mutating func put(_ order: Order) { Self.upsert(order, key: order.id, into: &orders, index: &orderIndex) }

    /// Inserts or replaces orders by id, looking each id up once: a million-order import comes
    /// through here. `willReplace` sees each existing order just before it changes, `willAdd`
    /// each new id; an order equal to the stored one is left alone.
    mutating func upsert(orders incoming: [Order], willReplace: (Order) -> Void, willAdd: (OrderID) -> Void)
        -> (added: Int, updated: Int, unchanged: Int) {
        orders.reserveCapacity(orders.count + incoming.count)
        orderIndex.reserveCapacity(orders.count + incoming.count)
        var counts = (added: 0, updated: 0, unchanged: 0)
        for order in incoming {
            if let position = orderIndex[order.id] {
                if orders[position] == order { counts.unchanged += 1; continue }
                willReplace(orders[position])
                orders[position] = order
                counts.updated += 1
            } else {
                willAdd(order.id)
                orderIndex[order.id] = orders.count
                orders.append(order)
                counts.added += 1
            }
        }
        return counts
    }
    mutating func put(_ response: SurveyResponse) { Self.upsert(response, key: response.id, into: &surveyResponses, index: &surveyIndex) }

    mutating func put(_ creator: Creator) {
        if let position = creatorIndex[creator.id] {
            let oldHandle = Creator.normalizedHandle(creators[position].handle)
            if handleIndex[oldHandle] == position { handleIndex[oldHandle] = nil }
            creators[position] = creator
            if !creator.isLead { handleIndex[Creator.normalizedHandle(creator.handle)] = position }
        } else {
            creatorIndex[creator.id] = creators.count
            if !creator.isLead { handleIndex[Creator.normalizedHandle(creator.handle)] = creators.count }
            creators.append(creator)
        }
    }

    mutating func put(_ link: TrackingLink) {
        if !trackingLinks.contains(link) { trackingLinks.append(link) }
    }

    mutating func put(_ run: PayoutRun) {
        if let position = payoutRuns.firstIndex(where: { $0.number == run.number }) { payoutRuns[position] = run } else { payoutRuns.append(run) }
    }

    mutating func setProgram(_ program: Program) { self.program = program }

    /// Removals are rare (undo of a creation), so they rebuild indexes rather than patch them.
    mutating func remove(_ keys: RemovalKeys) {
        guard !keys.isEmpty else { return }
        if !keys.waves.isEmpty { waves.removeAll { keys.waves.contains($0.id) } }
        if !keys.creators.isEmpty { creators.removeAll { keys.creators.contains($0.id) } }
        if !keys.enrollments.isEmpty { enrollments.removeAll { keys.enrollments.contains($0.key) } }
        if !keys.skus.isEmpty { skus.removeAll { keys.skus.contains($0.id) } }
        if !keys.shipments.isEmpty { shipments.removeAll { keys.shipments.contains($0.id) } }
        if !keys.submissions.isEmpty { submissions.removeAll { keys.submissions.contains($0.id) } }
        if !keys.assets.isEmpty { assets.removeAll { keys.assets.contains($0.id) } }
        if !keys.discountCodes.isEmpty { discountCodes.removeAll { keys.discountCodes.contains($0.code) } }
        if !keys.trackingLinks.isEmpty { trackingLinks.removeAll { keys.trackingLinks.contains($0) } }
        if !keys.orders.isEmpty { orders.removeAll { keys.orders.contains($0.id) } }
        if !keys.surveyResponses.isEmpty { surveyResponses.removeAll { keys.surveyResponses.contains($0.id) } }
        if !keys.payoutRuns.isEmpty { payoutRuns.removeAll { keys.payoutRuns.contains($0.number) } }
        rebuildIndexes()
    }

    private static func upsert<Element, Key: Hashable>(_ element: Element, key: Key, into array: inout [Element], index: inout [Key: Int]) {
        if let position = index[key] {
            array[position] = element
        } else {
            index[key] = array.count
            array.append(element)
        }
    }
}
