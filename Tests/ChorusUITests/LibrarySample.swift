import ChorusCore

/// The small sample with a library: five assets whose rights cover every status on
/// `Sample.today` (2025-03-10), one of them with partnership ads and one with CJK and emoji tags.
enum LibrarySample {
    static func workspace() -> Workspace {
        let base = Sample.workspace()
        let today = Sample.today
        func asset(_ number: Int, creator: Int, _ platform: Platform, _ kind: AssetKind, views: Int, tags: [String],
                   rights: UsageRights?) -> Asset {
            Asset(id: AssetID(formatID(prefix: "AS-", number: number, width: 4)), submissionID: nil, creatorID: Sample.creators[creator - 1].id,
                  waveID: Sample.wave1, platform: platform, kind: kind, caption: "Caption \(number)",
                  postURL: "https://example.com/p/\(number)", postedOn: today.adding(days: -20 - number),
                  metrics: AssetMetrics(views: views, likes: views / 20, comments: views / 400, shares: views / 500, saves: views / 300,
                                        clicks: views / 100, measuredOn: today.adding(days: -1)),
                  tags: tags, rights: rights)
        }
        var whitelisting = UsageRights(uses: [.paidSocial, .whitelisting], territory: .countries(["US"]), start: today.adding(days: -10),
                                       end: today.adding(days: 200))
        whitelisting.whitelistingAdCode = "IGAD-7781"
        whitelisting.whitelistingEnd = today.adding(days: 30)
        let assets = [
            asset(1, creator: 1, .instagram, .video, views: 52_000, tags: ["spf", "routine"],
                  rights: UsageRights(uses: [.organicRepost, .paidSocial], territory: .countries(["DE", "AT"]), start: today.adding(days: -30),
                                      end: today.adding(days: 60))),
            asset(2, creator: 2, .tiktok, .video, views: 9_000, tags: ["unboxing"],
                  rights: UsageRights(uses: [.paidSocial], territory: .worldwide, start: today.adding(days: -30), end: today.adding(days: 5))),
            asset(3, creator: 3, .instagram, .carousel, views: 120_000, tags: ["spf", "beach"],
                  rights: UsageRights(uses: [.organicRepost], territory: .worldwide, start: today.adding(days: -90), end: today.adding(days: -1))),
            asset(4, creator: 4, .instagram, .story, views: 3_000, tags: ["夏の肌", "🌞sun"], rights: nil),
            asset(5, creator: 8, .instagram, .video, views: 40_000, tags: ["spf"], rights: whitelisting),
        ]
        return Workspace(program: base.program, waves: base.waves.rows, creators: base.creators.rows, enrollments: base.enrollments.rows, assets: assets)
    }
}
