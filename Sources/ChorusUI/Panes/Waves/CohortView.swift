import ChorusCore

/// The Waves pane's cohort table: the program's creators grouped by tier, source, incentive
/// type, niche or country (`b` for the next), one row a group, the same figures as
/// `chorus report cohorts`. Narrow terminals drop the columns at the right end.
struct CohortView {
    let status: Derived<Cohorts>
    let dimension: Cohorts.Dimension
    let currency: Currency

    private enum Column: CaseIterable {
        case group, creators, active, posts, engagement, orders, revenue, assisted, cost, margin, cpa, roas, roi

        var title: String {
            switch self {
            case .group: "GROUP"
            case .creators: "CREATORS"
            case .active: "ACTIVE"
            case .posts: "POSTS"
            case .engagement: "ENG. RATE"
            case .orders: "ORDERS"
            case .revenue: "REVENUE"
            case .assisted: "ASSISTED"
            case .cost: "COST"
            case .margin: "MARGIN"
            case .cpa: "CPA"
            case .roas: "ROAS"
            case .roi: "ROI MARGIN"
            }
        }

        var width: Int {
            switch self {
            case .group: 16
            case .creators: 8
            case .active, .posts, .orders: 6
            case .engagement, .roi: 10
            case .roas: 7
            default: 10
            }
        }
    }

    /// What a narrow terminal keeps, most telling first; shown in the table's own order.
    private static let priority: [Column] = [.group, .creators, .cost, .revenue, .roas, .roi, .margin, .active, .orders, .cpa,
                                             .engagement, .posts, .assisted]

    /// The columns a width can show.
    private func columns(width: Int) -> [Column] {
        var used = 0
        let kept = Self.priority.filter { column in
            guard used + column.width + 1 <= width else { return false }
            used += column.width + 1
            return true
        }
        return Column.allCases.filter(kept.contains)
    }

    func draw(_ grid: inout Grid, _ rect: Rect) {
        guard rect.height > 0 else { return }
        let heading = "Cohorts by \(dimension.rawValue) · all waves · b: by \(dimension.next.rawValue)"
        grid.put(heading, x: rect.x, y: rect.y, width: rect.width, role: .title)
        let cohorts: Cohorts
        switch status {
        case .loadingOrders: grid.put("cohorts: loading orders…", x: rect.x, y: rect.y + 1, width: rect.width, role: .mutedText); return
        case .ordersUnreadable(let reason):
            grid.putWrapped("cohorts: " + UnreadableOrderHistory.text(reason), in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1),
                            role: .warning)
            return
        case .computing: grid.put("cohorts: computing…", x: rect.x, y: rect.y + 1, width: rect.width, role: .mutedText); return
        case .ready(let ready): cohorts = ready
        }
        let shown = columns(width: rect.width)
        grid.fill(Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1), role: .header)
        var x = rect.x
        for column in shown {
            put(column.title, column, x: x, y: rect.y + 1, role: .header, &grid)
            x += column.width + 1
        }
        for (offset, group) in cohorts.groups.enumerated() where offset + 2 < rect.height {
            x = rect.x
            for column in shown {
                put(text(column, group), column, x: x, y: rect.y + 2 + offset, role: role(column, group), &grid)
                x += column.width + 1
            }
        }
        if cohorts.groups.isEmpty {
            grid.put("no creators in any wave yet", x: rect.x, y: rect.y + 2, width: rect.width, role: .mutedText)
        }
    }

    private func put(_ text: String, _ column: Column, x: Int, y: Int, role: StyleRole, _ grid: inout Grid) {
        if column == .group {
            grid.put(text, x: x, y: y, width: column.width, role: role)
        } else {
            grid.putRight(text, maxX: x + column.width, y: y, width: column.width, role: role)
        }
    }

    private func text(_ column: Column, _ group: Cohorts.Group) -> String {
        let money = { (value: Int64?) in value.map { Money(minorUnits: $0, currency: currency).decimalString } ?? "—" }
        switch column {
        case .group: return group.name
        case .creators: return String(group.creators)
        case .active: return String(group.activeCreators)
        case .posts: return String(group.posts)
        case .engagement: return group.engagementRateBasisPoints.map(BasisPoints.percent) ?? "—"
        case .orders: return String(group.results.directOrders)
        case .revenue: return money(group.results.directNetRevenue)
        case .assisted: return money(group.results.assistedNetRevenue)
        case .cost: return money(group.cost)
        case .margin: return money(group.contributionMargin)
        case .cpa: return money(group.costPerAcquisition)
        case .roas: return ProgramKPIs.multiple(group.kpis.roasBasisPoints)
        case .roi: return group.kpis.roiOnMarginBasisPoints.map(BasisPoints.percent) ?? "—"
        }
    }

    private func role(_ column: Column, _ group: Cohorts.Group) -> StyleRole {
        column == .margin && group.contributionMargin < 0 ? .danger : .text
    }
}

extension Cohorts.Dimension {
    /// The grouping `b` switches to.
    var next: Cohorts.Dimension { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
}
