/// One thing a person can change and another can change too: a wave, a creator, a parcel, a
/// draft. Who last changed each is what a refusal names ("SU-0124 was approved by maria at
/// 10:02") and what a whole-value replacement or an undo is checked against.
///
/// Orders, survey responses and tracking links are not items here: they only ever arrive by
/// import and nobody edits one, and a night's million orders would only bloat the record.
public struct ChangedItem: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case program, wave, creator, enrollment, sku, shipment, submission, asset, discountCode, payoutRun
    }

    public var kind: Kind
    public var id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// A creator's place in one wave's pipeline.
    public static func enrollment(_ creator: CreatorID, in wave: WaveID) -> ChangedItem {
        ChangedItem(.enrollment, "\(creator) in wave \(wave)")
    }

    /// How people name it: ids that say what they are stand alone (`SU-0124`, `SH-0042`).
    public var description: String {
        switch kind {
        case .program: "the program"
        case .wave: "wave \(id)"
        case .enrollment: id
        case .discountCode: "code \(id)"
        case .payoutRun: "payout run \(id)"
        case .asset: "asset \(id)"
        case .creator, .sku, .shipment, .submission: id
        }
    }
}

extension RestorePoint {
    /// Every item the command that produced this restore point changed, created or removed.
    public var changedItems: Set<ChangedItem> {
        var items = Set<ChangedItem>()
        if program != nil { items.insert(ChangedItem(.program, "")) }
        func add<T>(_ kind: ChangedItem.Kind, _ values: [T], _ ids: Set<String>, _ id: (T) -> String) {
            for value in values { items.insert(ChangedItem(kind, id(value))) }
            for removed in ids { items.insert(ChangedItem(kind, removed)) }
        }
        add(.wave, waves, Set(remove.waves.map(\.rawValue))) { $0.id.rawValue }
        add(.creator, creators, Set(remove.creators.map(\.rawValue))) { $0.id.rawValue }
        add(.enrollment, enrollments, Set(remove.enrollments.map { ChangedItem.enrollment($0.creatorID, in: $0.waveID).id })) {
            ChangedItem.enrollment($0.creatorID, in: $0.waveID).id
        }
        add(.sku, skus, Set(remove.skus.map(\.rawValue))) { $0.id.rawValue }
        add(.shipment, shipments, Set(remove.shipments.map(\.rawValue))) { $0.id.rawValue }
        add(.submission, submissions, Set(remove.submissions.map(\.rawValue))) { $0.id.rawValue }
        add(.asset, assets, Set(remove.assets.map(\.rawValue))) { $0.id.rawValue }
        add(.discountCode, discountCodes, remove.discountCodes) { $0.code }
        add(.payoutRun, payoutRuns, Set(remove.payoutRuns.map(String.init))) { String($0.number) }
        return items
    }

}
