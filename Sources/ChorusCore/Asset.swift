/// Approved creator content in the UGC library, with its performance and its licence.
public struct Asset: Hashable, Sendable, Codable, Identifiable {
    public var id: AssetID
    public var submissionID: SubmissionID?
    public var creatorID: CreatorID
    public var waveID: WaveID
    public var platform: Platform
    public var kind: AssetKind
    public var caption: String
    public var postURL: String?
    public var postedOn: Day?
    public var metrics: AssetMetrics
    public var tags: [String]
    public var rights: UsageRights?

    public init(id: AssetID, submissionID: SubmissionID?, creatorID: CreatorID, waveID: WaveID, platform: Platform,
                kind: AssetKind, caption: String, postURL: String? = nil, postedOn: Day? = nil,
                metrics: AssetMetrics = AssetMetrics(), tags: [String] = [], rights: UsageRights? = nil) {
        self.id = id
        self.submissionID = submissionID
        self.creatorID = creatorID
        self.waveID = waveID
        self.platform = platform
        self.kind = kind
        self.caption = caption
        self.postURL = postURL
        self.postedOn = postedOn
        self.metrics = metrics
        self.tags = tags
        self.rights = rights
    }
}

public enum AssetKind: String, Hashable, Sendable, Codable, CaseIterable { case video, image, story, carousel }

public struct AssetMetrics: Hashable, Sendable, Codable {
    public var views: Int
    public var likes: Int
    public var comments: Int
    public var shares: Int
    public var saves: Int
    public var clicks: Int
    public var measuredOn: Day?

    public init(views: Int = 0, likes: Int = 0, comments: Int = 0, shares: Int = 0, saves: Int = 0, clicks: Int = 0, measuredOn: Day? = nil) {
        self.views = views
        self.likes = likes
        self.comments = comments
        self.shares = shares
        self.saves = saves
        self.clicks = clicks
        self.measuredOn = measuredOn
    }

    /// Interactions per view; zero when nothing was viewed.
    public var engagementRate: Double {
        views == 0 ? 0 : Double(likes + comments + shares + saves) / Double(views)
    }
}
