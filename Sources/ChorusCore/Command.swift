/// Every change to a workspace, as a value. Commands are what the journal stores, what undo
/// replays, and what both the console and the CLI send, so a rule enforced in `apply` holds
/// everywhere. Cases are grouped by the area of the product they belong to. How each is
/// written in the journal, and the four steps of adding one: `Command+Coding`.
public enum Command: Hashable, Sendable, Codable {
    // Program and waves
    case updateProgram(Program)
    case createWave(Wave)
    case updateWave(Wave)

    // Creators and the pipeline
    case addCreators([Creator])
    case updateCreator(Creator)
    case enroll(creators: [CreatorID], wave: WaveID, stage: PipelineStage)
    case advanceStage(creators: [CreatorID], wave: WaveID)
    case revertStage(creators: [CreatorID], wave: WaveID)
    case exitPipeline(creators: [CreatorID], wave: WaveID, stage: PipelineStage, reason: String)
    /// Scales winners into a wave with a better plan (the Leaderboard's promote).
    case promote(creators: [CreatorID], wave: WaveID, change: IncentiveChange)
    /// Gives creators their own due date in a wave (`:due +7d`, `chorus due`).
    case setDueDate(creators: [CreatorID], wave: WaveID, change: DueDateChange)

    // Outbox
    /// Records that a message of `kind` was drafted for each creator (`chorus outbox build`).
    case draftMessages(kind: MessageKind, wave: WaveID, creators: [CreatorID])
    /// Records that drafted messages went out (`chorus outbox mark-sent`).
    case markMessagesSent(kind: MessageKind, wave: WaveID, creators: [CreatorID])

    // SKUs and seeding
    case addSKUs([SKU])
    case adjustStock(sku: SKUID, delta: Int, reason: String)
    /// Adds new SKUs and updates existing ones (same id) from a store's product or inventory
    /// export, keeping what Chorus has reserved: `chorus import products`.
    case importProducts([SKU])
    case queueShipments([ShipmentRequest])
    case markPacked([ShipmentID])
    case markShipped([ShipmentDispatch])
    /// Ships parcels from a carrier's shipments file (`chorus import tracking`): `markShipped`
    /// as an import, so the nightly importer may send it without being able to ship by hand.
    case importTracking([ShipmentDispatch])
    case markDelivered([ShipmentID])
    case flagException(shipments: [ShipmentID], kind: ShipmentException.Kind, note: String)
    case cancelShipments([ShipmentID])
    /// Replaces a parcel's items and note while it is still in the warehouse (queued or packed).
    case editShipment(ShipmentID, items: [ShipmentItem], note: String?)
    /// Sends a parcel with an exception out again: back to the queue, or shipped at once.
    case resolveException(ShipmentID, ExceptionResolution)

    // Approvals
    case addSubmissions([Submission])
    case approve([SubmissionID])
    case approveWithOverride(SubmissionID, reason: String)
    case requestChanges([SubmissionID], note: String)
    case reject([SubmissionID], reason: String)
    case resubmit(SubmissionID, caption: String, onScreenText: String?)
    case recordPost(SubmissionID, url: String, postedOn: Day)

    // Library
    case setUsageRights(asset: AssetID, rights: UsageRights?)
    case tagAssets([AssetID], add: [String], remove: [String])
    case recordMetrics(asset: AssetID, metrics: AssetMetrics)
    /// Many assets' latest post metrics from one file, as one step: `chorus import metrics`.
    case importMetrics([MetricsReading])

    // Payouts
    /// A numbered run of what is payable and unpaid (`Payouts.due`, computed for today).
    case createPayoutRun(PayoutRun)
    case markPayoutRunPaid(number: Int, on: Day)
    /// The processor's results for a run's payments (`chorus payout reconcile`).
    case reconcilePayoutRun(number: Int, results: [PaymentResult])
    /// Payout method and tax-form status of creators, from the creator form or a file.
    case setPayoutDetails([PayoutDetails])

    // Tracking and orders
    case addDiscountCodes([DiscountCode])
    case addTrackingLinks([TrackingLink])
    case importOrders([Order])
    case importSurveyResponses([SurveyResponse])
    /// Dated rates into the program's currency: `chorus import rates`.
    case importRates([ExchangeRate])
    /// Adds new creators and updates existing ones (same id) in one step, with the discount
    /// codes their file named; what `chorus import creators` sends.
    case importCreators([Creator], codes: [DiscountCode])
    /// Credits an order whose survey answers name several creators to one of them (`chorus
    /// resolve`), and keeps `alias` (the answer's words) as that creator's, so the same words
    /// credit them on their own next time.
    case resolveSurveyAnswer(order: OrderID, creator: CreatorID, alias: String?)

    // People (admin only; see `Permissions`)
    /// Gives a person these roles, adding them to the program's people: `chorus people add`.
    case setRoles(person: String, roles: [Role])
    /// Takes a person off the program's people: `chorus people remove`.
    case removePerson(String)
    /// Lets `chorus --as NAME` act as someone other than the login, or stops it.
    case allowActingAs(Bool)

    /// Puts back what an earlier command changed; how undo and redo are journaled.
    case restore(point: RestorePoint, label: String)
}

/// A shipment to create: who, which wave, what. The id and cost are assigned when applied.
public struct ShipmentRequest: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var waveID: WaveID
    public var items: [ShipmentItem]
    /// True when asked for as an extra parcel beside one still in the warehouse; without it a
    /// second open parcel for the same creator and wave is refused as a duplicate. Nil (not
    /// false) otherwise, so requests journaled before it existed read the same.
    public var extra: Bool?
    public init(creatorID: CreatorID, waveID: WaveID, items: [ShipmentItem], extra: Bool = false) {
        self.creatorID = creatorID
        self.waveID = waveID
        self.items = items
        self.extra = extra ? true : nil
    }
}

/// One shipment leaving: carrier and tracking number are both required.
public struct ShipmentDispatch: Hashable, Sendable, Codable {
    public var shipmentID: ShipmentID
    public var carrier: Carrier
    public var trackingNumber: String
    /// What the label cost, when the label tool says (ShipStation's `Shipping Cost`); nil
    /// leaves the parcel's shipping cost as it was.
    public var shippingCost: Money?
    /// The day the label tool says the parcel left (ShipStation's `Ship Date`); nil means when
    /// the command is applied, as with a scanner at the packing table.
    public var shippedOn: Day?
    public init(shipmentID: ShipmentID, carrier: Carrier, trackingNumber: String, shippingCost: Money? = nil, shippedOn: Day? = nil) {
        self.shipmentID = shipmentID
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.shippingCost = shippingCost
        self.shippedOn = shippedOn
    }
}

/// One asset's metrics as read from a platform export or a social listening tool.
public struct MetricsReading: Hashable, Sendable, Codable {
    public var asset: AssetID
    public var metrics: AssetMetrics
    public init(asset: AssetID, metrics: AssetMetrics) {
        self.asset = asset
        self.metrics = metrics
    }
}

/// Who applies a command and when; the domain never reads a clock itself.
public struct CommandContext: Hashable, Sendable, Codable {
    public var now: Timestamp
    public var actor: String
    /// True while a journal is replayed on open. A rule about what a person may do (whom to
    /// invite) judges the person's action, not history: an entry the journal acknowledged
    /// under an older version's rules must replay, or the workspace would not open.
    public var isReplay = false
    /// The login of whoever acts as `actor` (`chorus --as NAME`), which the program's settings
    /// must allow; nil when people act as themselves.
    public var login: String?

    public init(now: Timestamp, actor: String, isReplay: Bool = false, login: String? = nil) {
        self.now = now
        self.actor = actor
        self.isReplay = isReplay
        self.login = login
    }

    private enum CodingKeys: String, CodingKey { case now, actor }
}

/// The outcome of a command: what happened, in words, and how to take it back.
public struct AppliedCommand: Sendable {
    /// What was done, as said and as its undo is named ("approved 2 submissions").
    public var label: String
    /// A warning about the result, said after the label but not part of what an undo takes
    /// back ("; SU-0006 has no usage rights agreed in the brief"); empty for most commands.
    public var aside = ""
    /// The label and the aside: what the command line and the status bar say.
    public var summary: String { label + aside }
    public var undo: Command
    /// False when the command was applied without keeping what undo needs (an import the
    /// command line cannot undo): `undo` is then incomplete, and taking the command back means
    /// reading the workspace again.
    public var isUndoable = true
    /// Whether anything changed (re-importing the same file changes nothing).
    public var changedAnything: Bool
    public init(summary: String, undo: Command) {
        self.label = summary
        self.undo = undo
        if case .restore(let point, _) = undo { changedAnything = !point.isEmpty } else { changedAnything = true }
    }
}
