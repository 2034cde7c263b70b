/// A creator's draft for a deliverable, waiting for (or past) review in the approval inbox.
public struct Submission: Hashable, Sendable, Codable, Identifiable {
    public var id: SubmissionID
    public var creatorID: CreatorID
    public var waveID: WaveID
    public var deliverableID: DeliverableID?
    public var platform: Platform
    public var format: ContentFormat
    public var caption: String
    /// Text burned into the video or image; disclosures there count.
    public var onScreenText: String
    /// Paths or URLs of the draft files; shown, never opened.
    public var assetRefs: [String]
    public var round: Int
    public var submittedAt: Timestamp
    public var status: SubmissionStatus
    /// Captions of earlier rounds, oldest first, for the revision diff.
    public var previousCaptions: [String]
    public var reviews: [Review]
    public var postURL: String?

    public init(id: SubmissionID, creatorID: CreatorID, waveID: WaveID, deliverableID: DeliverableID?, platform: Platform,
                format: ContentFormat, caption: String, onScreenText: String = "", assetRefs: [String] = [], round: Int = 1,
                submittedAt: Timestamp, status: SubmissionStatus = .pending, previousCaptions: [String] = [],
                reviews: [Review] = [], postURL: String? = nil) {
        self.id = id
        self.creatorID = creatorID
        self.waveID = waveID
        self.deliverableID = deliverableID
        self.platform = platform
        self.format = format
        self.caption = caption
        self.onScreenText = onScreenText
        self.assetRefs = assetRefs
        self.round = round
        self.submittedAt = submittedAt
        self.status = status
        self.previousCaptions = previousCaptions
        self.reviews = reviews
        self.postURL = postURL
    }
}

public enum SubmissionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case pending, approved, changesRequested, rejected

    /// In a coordinator's words: "changes requested", not `changesRequested`.
    public var label: String {
        switch self {
        case .pending: "pending"
        case .approved: "approved"
        case .changesRequested: "changes requested"
        case .rejected: "rejected"
        }
    }
}

/// One decision in a submission's history: who, when, what, and why.
public struct Review: Hashable, Sendable, Codable {
    public enum Action: String, Hashable, Sendable, Codable {
        case approved, approvedWithOverride, changesRequested, rejected, resubmitted

        /// What the reviewer did, for a history line: `ana requested changes (round 1)`.
        public var label: String {
            switch self {
            case .approved: "approved"
            case .approvedWithOverride: "approved with override"
            case .changesRequested: "requested changes"
            case .rejected: "rejected"
            case .resubmitted: "resubmitted"
            }
        }
    }
    public var action: Action
    public var reviewer: String
    public var at: Timestamp
    public var round: Int
    public var note: String?
    /// Checks that failed and were overridden; recorded so an audit can see what was waived.
    public var overriddenChecks: [String]

    public init(action: Action, reviewer: String, at: Timestamp, round: Int, note: String? = nil, overriddenChecks: [String] = []) {
        self.action = action
        self.reviewer = reviewer
        self.at = at
        self.round = round
        self.note = note
        self.overriddenChecks = overriddenChecks
    }
}
