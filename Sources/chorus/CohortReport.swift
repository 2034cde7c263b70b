import ChorusCore

/// One row of `chorus report cohorts`: a group's creators, content, results and returns. Money
/// and ratios are decimal strings (never binary floats); ROAS is a multiple (`2.08` = 2.08 ×
/// spend), the rates are percentages with two places.
struct CohortRow: ListRow {
    var group: String
    var creators: Int
    var activeCreators: Int
    var posts: Int
    var engagementRatePercent: String
    var directOrders: Int
    var directNetRevenue: String
    var assistedOrders: Int
    var assistedNetRevenue: String
    var cost: String
    var contributionMargin: String
    var cpa: String
    var roas: String
    var roiOnMarginPercent: String

    static let columns = ["group", "creators", "active_creators", "posts", "engagement_rate_percent", "direct_orders",
                          "direct_net_revenue", "assisted_orders", "assisted_net_revenue", "cost", "contribution_margin",
                          "cpa", "roas", "roi_on_margin_percent"]

    var cells: [String] {
        [group, String(creators), String(activeCreators), String(posts), engagementRatePercent, String(directOrders), directNetRevenue,
         String(assistedOrders), assistedNetRevenue, cost, contributionMargin, cpa, roas, roiOnMarginPercent]
    }

    init(_ group: Cohorts.Group, currency: Currency) {
        let money = { (minorUnits: Int64?) in minorUnits.map { Money(minorUnits: $0, currency: currency).decimalString } ?? "" }
        let percent = { (basisPoints: Int64?) in basisPoints.map(BasisPoints.decimal) ?? "" }
        self.group = group.name
        creators = group.creators
        activeCreators = group.activeCreators
        posts = group.posts
        engagementRatePercent = percent(group.engagementRateBasisPoints)
        directOrders = group.results.directOrders
        directNetRevenue = money(group.results.directNetRevenue)
        assistedOrders = group.results.assistedOrders
        assistedNetRevenue = money(group.results.assistedNetRevenue)
        cost = money(group.cost)
        contributionMargin = money(group.contributionMargin)
        cpa = money(group.costPerAcquisition)
        roas = group.kpis.roasBasisPoints.map(ProgramKPIs.decimalMultiple) ?? ""
        roiOnMarginPercent = percent(group.kpis.roiOnMarginBasisPoints)
    }
}
