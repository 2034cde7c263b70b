/// The program's ledger grouped by something managers decide on — tier, how creators were
/// found, incentive type, niche or country — so "do micro creators pay back better than nano
/// ones?" and "gifted against paid against affiliate" are answered from the brand's own data.
///
/// A creator in several niches (or found through several sources) counts in each of them, so
/// those groups may add up to more than the program; tier, incentive and country partition it.
public struct Cohorts: Hashable, Sendable {
    public enum Dimension: String, CaseIterable, Hashable, Sendable {
        case tier, source, incentive, niche, country
    }

    /// One group's figures.
    public struct Group: Hashable, Sendable {
        public let name: String
        public let kpis: ProgramKPIs
        /// Likes, comments, shares and saves per post per follower, in basis points; nil without posts.
        public let engagementRateBasisPoints: Int64?

        public var creators: Int { kpis.figures.creators }
        public var activeCreators: Int { kpis.figures.activeCreators }
        /// Approved assets.
        public var posts: Int { kpis.figures.results.usableAssets }
        public var results: Ledger.Results { kpis.figures.results }
        public var cost: Int64 { kpis.cost }
        public var contributionMargin: Int64 { kpis.figures.contributionMargin }
        public var costPerAcquisition: Int64? { kpis.figures.costPerAcquisition }
    }

    public let dimension: Dimension
    public let groups: [Group]

    /// The groups of `ledger`'s rows (of `wave` only, if given): tiers from nano to mega, the
    /// other dimensions by most creators first, then name.
    public init(_ ledger: Ledger, workspace: Workspace, by dimension: Dimension, wave: WaveID? = nil) {
        var members: [String: [Int]] = [:]
        var reach: [String: (engagement: Int64, followerPosts: Int64)] = [:]
        for (index, row) in ledger.rows.enumerated() where wave == nil || row.waveID == wave {
            let creator = workspace.creator(row.creatorID)
            for name in Self.names(creator, plan: row.plan, dimension) {
                members[name, default: []].append(index)
                let followerPosts = Int64(creator?.followers ?? 0) * Int64(row.results.usableAssets)
                reach[name, default: (0, 0)].engagement += Int64(row.results.engagement)
                reach[name, default: (0, 0)].followerPosts += followerPosts
            }
        }
        let groups = members.map { name, rows in
            let engagement = reach[name] ?? (0, 0)
            return Group(name: name, kpis: ProgramKPIs(Ledger.KPIs(rows.lazy.map { ledger.rows[$0] }, budget: 0)),
                         engagementRateBasisPoints: engagement.followerPosts > 0
                             ? Ledger.roundedQuotient(engagement.engagement * 10_000, engagement.followerPosts) : nil)
        }
        self.dimension = dimension
        self.groups = groups.sorted { lhs, rhs in
            if dimension == .tier, let left = Tier(rawValue: lhs.name), let right = Tier(rawValue: rhs.name) { return left < right }
            return (lhs.creators, rhs.name) > (rhs.creators, lhs.name)
        }
    }

    /// The groups a creator's row falls in; a missing creator or value is "unknown".
    static func names(_ creator: Creator?, plan: IncentivePlan, _ dimension: Dimension) -> [String] {
        let names: [String]
        switch dimension {
        case .tier: names = creator.map { [$0.tier.rawValue] } ?? []
        case .source: names = Array(Set(creator?.sources.map(\.label) ?? []))
        case .incentive: names = [plan.kind]
        case .niche: names = Array(Set(creator?.niches.map { $0.lowercased() } ?? []))
        case .country: names = creator?.country.map { [$0.uppercased()] } ?? []
        }
        return names.isEmpty ? ["unknown"] : names
    }
}

extension IncentivePlan {
    /// The plan's type as programs compare them: `gifted` (product only), `paid` (a fee or
    /// store credit), `affiliate` (commission), or `paid + affiliate`.
    public var kind: String {
        var kinds: [String] = []
        if flatFee != nil || storeCredit != nil { kinds.append("paid") }
        if commissionBasisPoints != nil { kinds.append("affiliate") }
        return kinds.isEmpty ? "gifted" : kinds.joined(separator: " + ")
    }
}
