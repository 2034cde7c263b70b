/// What undo needs: the prior value of every entity a command changed, and the keys of every
/// entity it created. Applying a restore point puts the workspace back and yields the restore
/// point for redo, so undo and redo are ordinary journaled commands, not a side channel.
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
        program == nil && waves.isEmpty && creators.isEmpty && enrollments.isEmpty && skus.isEmpty && shipments.isEmpty
            && submissions.isEmpty && assets.isEmpty && discountCodes.isEmpty && orders.isEmpty
            && surveyResponses.isEmpty && trackingLinks.isEmpty && payoutRuns.isEmpty && remove.isEmpty
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
        waves.isEmpty && creators.isEmpty && enrollments.isEmpty && skus.isEmpty && shipments.isEmpty && submissions.isEmpty
            && assets.isEmpty && discountCodes.isEmpty && trackingLinks.isEmpty && orders.isEmpty && surveyResponses.isEmpty
            && payoutRuns.isEmpty
    }
}

/// Records prior values as a command changes the workspace. Every write in a command goes
/// through here, so no command can forget to make itself undoable.
struct ChangeRecorder {
    var workspace: Workspace
    private(set) var undo = RestorePoint()
    private var seenWaves: Set<WaveID> = [], seenCreators: Set<CreatorID> = [], seenEnrollments: Set<EnrollmentKey> = []
    private var seenSKUs: Set<SKUID> = [], seenShipments: Set<ShipmentID> = [], seenSubmissions: Set<SubmissionID> = []
    private var seenAssets: Set<AssetID> = [], seenCodes: Set<String> = [], seenOrders: Set<OrderID> = []
    private var seenSurveys: Set<SurveyResponseID> = [], seenPayoutRuns: Set<Int> = []

    init(_ workspace: Workspace) { self.workspace = workspace }

    mutating func put(_ program: Program) {
        if undo.program == nil { undo.program = workspace.program }
        workspace.setProgram(program)
    }

    mutating func put(_ wave: Wave) {
        if seenWaves.insert(wave.id).inserted { record(workspace.wave(wave.id), into: \.waves, orRemove: wave.id, at: \.waves) }
        workspace.put(wave)
    }

    mutating func put(_ creator: Creator) {
        if seenCreators.insert(creator.id).inserted { record(workspace.creator(creator.id), into: \.creators, orRemove: creator.id, at: \.creators) }
        workspace.put(creator)
    }

    mutating func put(_ enrollment: Enrollment) {
        if seenEnrollments.insert(enrollment.key).inserted {
            record(workspace.enrollment(enrollment.creatorID, in: enrollment.waveID), into: \.enrollments, orRemove: enrollment.key, at: \.enrollments)
        }
        workspace.put(enrollment)
    }

    mutating func put(_ sku: SKU) {
        if seenSKUs.insert(sku.id).inserted { record(workspace.sku(sku.id), into: \.skus, orRemove: sku.id, at: \.skus) }
        workspace.put(sku)
    }

    mutating func put(_ shipment: Shipment) {
        if seenShipments.insert(shipment.id).inserted { record(workspace.shipment(shipment.id), into: \.shipments, orRemove: shipment.id, at: \.shipments) }
        workspace.put(shipment)
    }

    mutating func put(_ submission: Submission) {
        if seenSubmissions.insert(submission.id).inserted {
            record(workspace.submission(submission.id), into: \.submissions, orRemove: submission.id, at: \.submissions)
        }
        workspace.put(submission)
    }

    mutating func put(_ asset: Asset) {
        if seenAssets.insert(asset.id).inserted { record(workspace.asset(asset.id), into: \.assets, orRemove: asset.id, at: \.assets) }
        workspace.put(asset)
    }

    mutating func put(_ code: DiscountCode) {
        if seenCodes.insert(code.code).inserted { record(workspace.discountCode(code.code), into: \.discountCodes, orRemove: code.code, at: \.discountCodes) }
        workspace.put(code)
    }

    mutating func put(_ link: TrackingLink) {
        if !workspace.trackingLinks.contains(link) { undo.remove.trackingLinks.insert(link) }
        workspace.put(link)
    }

    mutating func put(_ order: Order) {
        if !undo.remove.orders.contains(order.id), seenOrders.insert(order.id).inserted {
            record(workspace.order(order.id), into: \.orders, orRemove: order.id, at: \.orders)
        }
        workspace.put(order)
    }

    /// `put` for many orders at once, recording what undo needs with one lookup per order.
    mutating func put(orders: [Order]) -> (added: Int, updated: Int, unchanged: Int) {
        var seen = Set<OrderID>(), priors: [Order] = [], added = Set<OrderID>()
        swap(&seen, &seenOrders)
        swap(&added, &undo.remove.orders)
        seen.reserveCapacity(seen.count + orders.count)
        added.reserveCapacity(added.count + orders.count)
        defer {
            swap(&seen, &seenOrders)
            swap(&added, &undo.remove.orders)
            undo.orders += priors
        }
        // An order added by this change is removed by its undo, never put back as a prior
        // version; `added` alone says so, sparing a second set insert per new order.
        return workspace.upsert(orders: orders,
                                willReplace: { prior in if !added.contains(prior.id), seen.insert(prior.id).inserted { priors.append(prior) } },
                                willAdd: { id in added.insert(id) })
    }

    mutating func put(_ response: SurveyResponse) {
        if seenSurveys.insert(response.id).inserted {
            record(workspace.surveyResponse(response.id), into: \.surveyResponses, orRemove: response.id, at: \.surveyResponses)
        }
        workspace.put(response)
    }

    mutating func put(_ run: PayoutRun) {
        if seenPayoutRuns.insert(run.number).inserted {
            record(workspace.payoutRun(run.number), into: \.payoutRuns, orRemove: run.number, at: \.payoutRuns)
        }
        workspace.put(run)
    }

    private mutating func record<Value, Key>(_ prior: Value?, into values: WritableKeyPath<RestorePoint, [Value]>,
                                             orRemove key: Key, at keys: WritableKeyPath<RemovalKeys, Set<Key>>) {
        if let prior { undo[keyPath: values].append(prior) } else { undo.remove[keyPath: keys].insert(key) }
    }
}

extension ChangeRecorder {
    /// Removes entities while keeping their current values, so the removal can be undone.
    mutating func removeRecording(_ keys: RemovalKeys) {
        guard !keys.isEmpty else { return }
        // Walk the arrays, not the key sets, so a redo re-appends entities in their original order.
        if !keys.waves.isEmpty { undo.waves += workspace.waves.filter { keys.waves.contains($0.id) } }
        if !keys.creators.isEmpty { undo.creators += workspace.creators.filter { keys.creators.contains($0.id) } }
        if !keys.enrollments.isEmpty { undo.enrollments += workspace.enrollments.filter { keys.enrollments.contains($0.key) } }
        if !keys.skus.isEmpty { undo.skus += workspace.skus.filter { keys.skus.contains($0.id) } }
        if !keys.shipments.isEmpty { undo.shipments += workspace.shipments.filter { keys.shipments.contains($0.id) } }
        if !keys.submissions.isEmpty { undo.submissions += workspace.submissions.filter { keys.submissions.contains($0.id) } }
        if !keys.assets.isEmpty { undo.assets += workspace.assets.filter { keys.assets.contains($0.id) } }
        if !keys.discountCodes.isEmpty { undo.discountCodes += workspace.discountCodes.filter { keys.discountCodes.contains($0.code) } }
        if !keys.orders.isEmpty { undo.orders += workspace.orders.filter { keys.orders.contains($0.id) } }
        if !keys.surveyResponses.isEmpty { undo.surveyResponses += workspace.surveyResponses.filter { keys.surveyResponses.contains($0.id) } }
        if !keys.trackingLinks.isEmpty { undo.trackingLinks += workspace.trackingLinks.filter { keys.trackingLinks.contains($0) } }
        if !keys.payoutRuns.isEmpty { undo.payoutRuns += workspace.payoutRuns.filter { keys.payoutRuns.contains($0.number) } }
        workspace.remove(keys)
    }
}
