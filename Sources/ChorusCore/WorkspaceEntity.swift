/// A kind of entity a workspace keeps in a table, and where it lives in a workspace and in a restore
/// point. Undo, redo, rollback, removal and the journal's restore points all work through these
/// declarations (see `EntityKinds`), so adding a kind is its conformance here, its storage (a table
/// in `Workspace`, a list and a key set in `RestorePoint`/`RemovalKeys`) and one line in `EntityKinds`.
public protocol WorkspaceEntity: TableKeyed, Hashable, Sendable, Codable where Key: Comparable & Codable & Sendable {
    /// The name of its list in a restore point (and of its snapshot file): `"creators"`.
    static var name: String { get }
    static var table: WritableKeyPath<Workspace, EntityTable<Self>> { get }
    static var priors: WritableKeyPath<RestorePoint, [Self]> { get }
    static var removals: WritableKeyPath<RemovalKeys, Set<Key>> { get }
    /// Whether undo keeps the value a change replaced. A value that is its own key (a tracking
    /// link) has nothing to keep: undo only needs to know it was new.
    static var keepsPriorValues: Bool { get }
    /// Keeps a workspace's other lookups of this kind (a creator's handle) in step with a put.
    static func didPut(_ entity: Self, replacing prior: Self?, at position: Int, in workspace: inout Workspace)
}

extension WorkspaceEntity {
    public static var keepsPriorValues: Bool { true }
    public static func didPut(_ entity: Self, replacing prior: Self?, at position: Int, in workspace: inout Workspace) {}
}

/// Something done once per entity kind, generically: Swift has no generic closures, so the
/// operations over every kind are small types that conform to this.
protocol EntityKindVisitor {
    mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type)
}

enum EntityKinds {
    /// Every kind, in the order undo puts them back (the order restore points were always applied in).
    static func visitAll<Visitor: EntityKindVisitor>(_ visitor: inout Visitor) {
        visitor.visit(Wave.self)
        visitor.visit(Creator.self)
        visitor.visit(Enrollment.self)
        visitor.visit(SKU.self)
        visitor.visit(Shipment.self)
        visitor.visit(Submission.self)
        visitor.visit(Asset.self)
        visitor.visit(DiscountCode.self)
        visitor.visit(Order.self)
        visitor.visit(SurveyResponse.self)
        visitor.visit(TrackingLink.self)
        visitor.visit(PayoutRun.self)
    }
}

extension Wave: WorkspaceEntity {
    public var tableKey: WaveID { id }
    public static let name = "waves"
    public static var table: WritableKeyPath<Workspace, EntityTable<Wave>> { \.waves }
    public static var priors: WritableKeyPath<RestorePoint, [Wave]> { \.waves }
    public static var removals: WritableKeyPath<RemovalKeys, Set<WaveID>> { \.waves }
}

extension Creator: WorkspaceEntity {
    public var tableKey: CreatorID { id }
    public static var keepsFieldsElsewhere: Bool { true }
    @inlinable public static var isKeptInPieces: Bool { true }
    public static let name = "creators"
    public static var table: WritableKeyPath<Workspace, EntityTable<Creator>> { \.creators }
    public static var priors: WritableKeyPath<RestorePoint, [Creator]> { \.creators }
    public static var removals: WritableKeyPath<RemovalKeys, Set<CreatorID>> { \.creators }
    public static func didPut(_ creator: Creator, replacing prior: Creator?, at position: Int, in workspace: inout Workspace) {
        workspace.indexHandle(of: creator, replacing: prior, at: position)
    }
}

extension Enrollment: WorkspaceEntity {
    public var tableKey: EnrollmentKey { key }
    public static var keepsFieldsElsewhere: Bool { true }
    @inlinable public static var isKeptInPieces: Bool { true }
    public static let name = "enrollments"
    public static var table: WritableKeyPath<Workspace, EntityTable<Enrollment>> { \.enrollments }
    public static var priors: WritableKeyPath<RestorePoint, [Enrollment]> { \.enrollments }
    public static var removals: WritableKeyPath<RemovalKeys, Set<EnrollmentKey>> { \.enrollments }
}

extension EnrollmentKey: Comparable {
    /// Wave first, as restore points have always listed removed enrollments.
    public static func < (lhs: EnrollmentKey, rhs: EnrollmentKey) -> Bool { (lhs.waveID, lhs.creatorID) < (rhs.waveID, rhs.creatorID) }
}

extension SKU: WorkspaceEntity {
    public var tableKey: SKUID { id }
    public static let name = "skus"
    public static var table: WritableKeyPath<Workspace, EntityTable<SKU>> { \.skus }
    public static var priors: WritableKeyPath<RestorePoint, [SKU]> { \.skus }
    public static var removals: WritableKeyPath<RemovalKeys, Set<SKUID>> { \.skus }
}

extension Shipment: WorkspaceEntity {
    public var tableKey: ShipmentID { id }
    public static let name = "shipments"
    public static var table: WritableKeyPath<Workspace, EntityTable<Shipment>> { \.shipments }
    public static var priors: WritableKeyPath<RestorePoint, [Shipment]> { \.shipments }
    public static var removals: WritableKeyPath<RemovalKeys, Set<ShipmentID>> { \.shipments }
}

extension Submission: WorkspaceEntity {
    public var tableKey: SubmissionID { id }
    public static let name = "submissions"
    public static var table: WritableKeyPath<Workspace, EntityTable<Submission>> { \.submissions }
    public static var priors: WritableKeyPath<RestorePoint, [Submission]> { \.submissions }
    public static var removals: WritableKeyPath<RemovalKeys, Set<SubmissionID>> { \.submissions }
}

extension Asset: WorkspaceEntity {
    public var tableKey: AssetID { id }
    public static let name = "assets"
    public static var table: WritableKeyPath<Workspace, EntityTable<Asset>> { \.assets }
    public static var priors: WritableKeyPath<RestorePoint, [Asset]> { \.assets }
    public static var removals: WritableKeyPath<RemovalKeys, Set<AssetID>> { \.assets }
}

extension DiscountCode: WorkspaceEntity {
    /// Codes are stored upper-cased, so the key is the code as typed at any checkout.
    public var tableKey: String { code }
    public static let name = "discountCodes"
    public static var table: WritableKeyPath<Workspace, EntityTable<DiscountCode>> { \.discountCodes }
    public static var priors: WritableKeyPath<RestorePoint, [DiscountCode]> { \.discountCodes }
    public static var removals: WritableKeyPath<RemovalKeys, Set<String>> { \.discountCodes }
}

extension Order: WorkspaceEntity {
    public var tableKey: OrderID { id }
    public static let name = "orders"
    public static var table: WritableKeyPath<Workspace, EntityTable<Order>> { \.orders }
    public static var priors: WritableKeyPath<RestorePoint, [Order]> { \.orders }
    public static var removals: WritableKeyPath<RemovalKeys, Set<OrderID>> { \.orders }
}

extension SurveyResponse: WorkspaceEntity {
    public var tableKey: SurveyResponseID { id }
    public static let name = "surveyResponses"
    public static var table: WritableKeyPath<Workspace, EntityTable<SurveyResponse>> { \.surveyResponses }
    public static var priors: WritableKeyPath<RestorePoint, [SurveyResponse]> { \.surveyResponses }
    public static var removals: WritableKeyPath<RemovalKeys, Set<SurveyResponseID>> { \.surveyResponses }
}

extension TrackingLink: WorkspaceEntity {
    public var tableKey: TrackingLink { self }
    public static let name = "trackingLinks"
    public static var table: WritableKeyPath<Workspace, EntityTable<TrackingLink>> { \.trackingLinks }
    public static var priors: WritableKeyPath<RestorePoint, [TrackingLink]> { \.trackingLinks }
    public static var removals: WritableKeyPath<RemovalKeys, Set<TrackingLink>> { \.trackingLinks }
    public static var keepsPriorValues: Bool { false }
}

extension TrackingLink: Comparable {
    public static func < (lhs: TrackingLink, rhs: TrackingLink) -> Bool {
        (lhs.creatorID, lhs.waveID, lhs.platform.rawValue) < (rhs.creatorID, rhs.waveID, rhs.platform.rawValue)
    }
}

extension PayoutRun: WorkspaceEntity {
    /// Few (one a month or so), found by their number.
    public var tableKey: Int { number }
    public static let name = "payoutRuns"
    public static var table: WritableKeyPath<Workspace, EntityTable<PayoutRun>> { \.payoutRuns }
    public static var priors: WritableKeyPath<RestorePoint, [PayoutRun]> { \.payoutRuns }
    public static var removals: WritableKeyPath<RemovalKeys, Set<Int>> { \.payoutRuns }
}
