/// A creator's place in one wave. A creator can be in several waves, each with its own stage
/// and, for creators being scaled up, its own incentive override.
public struct Enrollment: Hashable, Sendable, Codable {
    public var creatorID: CreatorID
    public var waveID: WaveID
    public var stage: PipelineStage
    public var stageChangedAt: Timestamp
    /// Why a creator left the pipeline (declined, dropped, ghosted).
    public var exitReason: String?
    public var incentiveOverride: IncentivePlan?
    /// This creator's own due date for the wave's deliverables; nil follows the wave's.
    public var dueDate: Day?
    /// Messages drafted for this creator in this wave, oldest first.
    public var correspondence: [Correspondence]

    /// Inlinable for the same reason as `Creator.init`: decoding a million enrollments, called
    /// across modules it copied each one once whole.
    @inlinable
    public init(creatorID: CreatorID, waveID: WaveID, stage: PipelineStage, stageChangedAt: Timestamp,
                exitReason: String? = nil, incentiveOverride: IncentivePlan? = nil,
                dueDate: Day? = nil, correspondence: [Correspondence] = []) {
        self.creatorID = creatorID
        self.waveID = waveID
        self.stage = stage
        self.stageChangedAt = stageChangedAt
        self.exitReason = exitReason
        self.incentiveOverride = incentiveOverride
        self.dueDate = dueDate
        self.correspondence = correspondence
    }

    /// Journals written before due dates and the outbox existed have neither.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(creatorID: try c.decode(CreatorID.self, forKey: .creatorID), waveID: try c.decode(WaveID.self, forKey: .waveID),
                  stage: try c.decode(PipelineStage.self, forKey: .stage),
                  stageChangedAt: try c.decode(Timestamp.self, forKey: .stageChangedAt),
                  exitReason: try c.decodeIfPresent(String.self, forKey: .exitReason),
                  incentiveOverride: try c.decodeIfPresent(IncentivePlan.self, forKey: .incentiveOverride),
                  dueDate: try c.decodeIfPresent(Day.self, forKey: .dueDate),
                  correspondence: try c.decodeIfPresent([Correspondence].self, forKey: .correspondence) ?? [])
    }

    public var key: EnrollmentKey { EnrollmentKey(creatorID: creatorID, waveID: waveID) }
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
