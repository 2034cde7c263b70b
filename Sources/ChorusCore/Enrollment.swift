import ChorusConcurrency
/// A creator's place in one wave. A creator can be in several waves, each with its own stage
/// and, for creators being scaled up, its own incentive override.
public struct Enrollment: Hashable, Sendable, Codable {
    /// See `CopyOnWrite`: a stage moved while another thread holds the table copies references.
    @usableFromInline var storage: CopyOnWrite<Fields>

    /// Codable as synthesized from them, as when they were the enrollment's stored properties:
    /// journals and snapshots keep these keys.
    @usableFromInline struct Fields: Hashable, Sendable, Codable {
        @usableFromInline var creatorID: CreatorID
        @usableFromInline var waveID: WaveID
        @usableFromInline var stage: PipelineStage
        @usableFromInline var stageChangedAt: Timestamp
        @usableFromInline var exitReason: String?
        @usableFromInline var incentiveOverride: IncentivePlan?
        @usableFromInline var dueDate: Day?
        @usableFromInline var correspondence: [Correspondence]

        @inlinable init(creatorID: CreatorID, waveID: WaveID, stage: PipelineStage, stageChangedAt: Timestamp, exitReason: String?,
                        incentiveOverride: IncentivePlan?, dueDate: Day?, correspondence: [Correspondence]) {
            self.creatorID = creatorID
            self.waveID = waveID
            self.stage = stage
            self.stageChangedAt = stageChangedAt
            self.exitReason = exitReason
            self.incentiveOverride = incentiveOverride
            self.dueDate = dueDate
            self.correspondence = correspondence
        }
    }

    @inlinable public var creatorID: CreatorID {
        get { storage.fields.creatorID }
        _modify { yield &storage.fields.creatorID }
    }
    @inlinable public var waveID: WaveID {
        get { storage.fields.waveID }
        _modify { yield &storage.fields.waveID }
    }
    @inlinable public var stage: PipelineStage {
        get { storage.fields.stage }
        _modify { yield &storage.fields.stage }
    }
    @inlinable public var stageChangedAt: Timestamp {
        get { storage.fields.stageChangedAt }
        _modify { yield &storage.fields.stageChangedAt }
    }
    /// Why a creator left the pipeline (declined, dropped, ghosted).
    @inlinable public var exitReason: String? {
        get { storage.fields.exitReason }
        _modify { yield &storage.fields.exitReason }
    }
    @inlinable public var incentiveOverride: IncentivePlan? {
        get { storage.fields.incentiveOverride }
        _modify { yield &storage.fields.incentiveOverride }
    }
    /// This creator's own due date for the wave's deliverables; nil follows the wave's.
    @inlinable public var dueDate: Day? {
        get { storage.fields.dueDate }
        _modify { yield &storage.fields.dueDate }
    }
    /// Messages drafted for this creator in this wave, oldest first.
    @inlinable public var correspondence: [Correspondence] {
        get { storage.fields.correspondence }
        _modify { yield &storage.fields.correspondence }
    }

    /// Inlinable for the same reason as `Creator.init`: decoding a million enrollments, called
    /// across modules it copied each one once whole.
    @inlinable
    public init(creatorID: CreatorID, waveID: WaveID, stage: PipelineStage, stageChangedAt: Timestamp,
                exitReason: String? = nil, incentiveOverride: IncentivePlan? = nil,
                dueDate: Day? = nil, correspondence: [Correspondence] = []) {
        storage = CopyOnWrite(Fields(creatorID: creatorID, waveID: waveID, stage: stage, stageChangedAt: stageChangedAt,
                                     exitReason: exitReason, incentiveOverride: incentiveOverride, dueDate: dueDate,
                                     correspondence: correspondence))
    }

    public init(from decoder: any Decoder) throws { storage = CopyOnWrite(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }

    public var key: EnrollmentKey { EnrollmentKey(creatorID: creatorID, waveID: waveID) }
}

extension Enrollment.Fields {
    /// Journals written before due dates and the outbox existed have neither.
    @usableFromInline init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(creatorID: try c.decode(CreatorID.self, forKey: .creatorID), waveID: try c.decode(WaveID.self, forKey: .waveID),
                  stage: try c.decode(PipelineStage.self, forKey: .stage),
                  stageChangedAt: try c.decode(Timestamp.self, forKey: .stageChangedAt),
                  exitReason: try c.decodeIfPresent(String.self, forKey: .exitReason),
                  incentiveOverride: try c.decodeIfPresent(IncentivePlan.self, forKey: .incentiveOverride),
                  dueDate: try c.decodeIfPresent(Day.self, forKey: .dueDate),
                  correspondence: try c.decodeIfPresent([Correspondence].self, forKey: .correspondence) ?? [])
    }
}

public struct EnrollmentKey: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var waveID: WaveID
    public init(creatorID: CreatorID, waveID: WaveID) { self.creatorID = creatorID; self.waveID = waveID }
}

/// Where a creator stands in a wave. The main path runs prospect → complete; the exits end it.
public enum PipelineStage: String, Hashable, Sendable, Codable, CaseIterable {
    case prospect, invited, onboarding, active, seeded, contentInReview, posted, complete
    case declined, dropped, ghosted

    public static let mainPath: [PipelineStage] = [.prospect, .invited, .onboarding, .active, .seeded, .contentInReview, .posted, .complete]

    public var isExit: Bool { self == .declined || self == .dropped || self == .ghosted }

    public var next: PipelineStage? {
        guard let index = Self.mainPath.firstIndex(of: self), index + 1 < Self.mainPath.count else { return nil }
        return Self.mainPath[index + 1]
    }

    public var previous: PipelineStage? {
        guard let index = Self.mainPath.firstIndex(of: self), index > 0 else { return nil }
        return Self.mainPath[index - 1]
    }

    public var label: String {
        switch self {
        case .prospect: "prospect"
        case .invited: "invited"
        case .onboarding: "onboarding"
        case .active: "active"
        case .seeded: "seeded"
        case .contentInReview: "in review"
        case .posted: "posted"
        case .complete: "complete"
        case .declined: "declined"
        case .dropped: "dropped"
        case .ghosted: "ghosted"
        }
    }
}

extension EntityTable where Entity == Enrollment {
    /// Each enrollment's creator's position in `creators` (-1 for none), found together on both
    /// cores (`EntityTable.positions(of:)`): one at a time, at a million creators, these lookups
    /// were most of the ledger's build and of the Pipeline's first look at every enrollment.
    public func creatorPositions(in creators: EntityTable<Creator>) -> [Int32] {
        creators.positions(of: Parallel.array(count: count, pieces: Parallel.halves(of: count).count) { range, ids in
            for index in range { (ids + index).initialize(to: self[index].creatorID) }
        })
    }
}
