import ChorusCore

/// The Waves pane's overview of the wave under the cursor: a heading, the budget meter, the
/// KPIs against the wave before, the creators who moved most, and the weekly charts — side by
/// side from 120 columns, stacked (the cumulative chart only if there is room) below that.
struct ProgramOverviewView {
    let status: Derived<ProgramOverview>
    let workspace: Workspace
    let noColor: Bool

    /// From this width the KPIs and charts sit side by side.
    static let sideBySideWidth = 120

    func draw(_ grid: inout Grid, _ rect: Rect) {
        guard rect.height > 0 else { return }
        let overview: ProgramOverview
        switch status {
        case .loadingOrders: grid.put("overview: loading orders…", x: rect.x, y: rect.y, width: rect.width, role: .mutedText); return
        case .ordersUnreadable(let reason):
            grid.putWrapped("overview: " + UnreadableOrderHistory.text(reason), in: rect, role: .warning)
            return
        case .computing: grid.put("overview: computing…", x: rect.x, y: rect.y, width: rect.width, role: .mutedText); return
        case .ready(let ready): overview = ready
        }
        let against = overview.previous.map { " against \($0.name)" } ?? " (the first wave: nothing to compare with)"
        grid.put("\(overview.wave.name)\(against)", x: rect.x, y: rect.y, width: rect.width, role: .title)
        let meterRows = rect.width >= 60 ? 1 : 2
        BudgetMeter(budget: overview.budget, currency: workspace.program.currency)
            .draw(&grid, Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: meterRows))
        let top = rect.y + 1 + meterRows
        if rect.width >= Self.sideBySideWidth {
            let left = Rect(x: rect.x, y: top, width: 64, height: rect.maxY - top)
            drawKPIs(overview, &grid, left)
            drawMovers(overview, &grid, Rect(x: left.x, y: left.y + 7, width: left.width, height: left.height - 7), oneLine: false)
            drawCharts(overview, &grid, Rect(x: left.maxX + 2, y: top, width: rect.maxX - left.maxX - 2, height: rect.maxY - top))
        } else {
            drawKPIs(overview, &grid, Rect(x: rect.x, y: top, width: rect.width, height: 6))
            drawMovers(overview, &grid, Rect(x: rect.x, y: top + 6, width: rect.width, height: 1), oneLine: true)
            drawCharts(overview, &grid, Rect(x: rect.x, y: top + 7, width: rect.width, height: rect.maxY - top - 7))
        }
    }

    /// A KPI: its name, the value this wave and last, and whether a rise is good.
    private struct KPI {
        let name: String
        let now: Int64?
        let before: Int64?
        let text: (Int64?) -> String
        let higherIsBetter: Bool
    }

    private func kpis(_ overview: ProgramOverview) -> [KPI] {
        let money = { (value: Int64?) in value.map { Money(minorUnits: $0, currency: self.workspace.program.currency).decimalString } ?? "—" }
        let percent = { (value: Int64?) in value.map(BasisPoints.percent) ?? "—" }
        let now = overview.kpis, before = overview.previousKPIs
        return [
            KPI(name: "cost per active creator", now: now.costPerActiveCreator, before: before?.costPerActiveCreator, text: money, higherIsBetter: false),
            KPI(name: "cost per usable asset", now: now.costPerUsableAsset, before: before?.costPerUsableAsset, text: money, higherIsBetter: false),
            KPI(name: "margin per creator", now: now.contributionMarginPerCreator, before: before?.contributionMarginPerCreator, text: money,
                higherIsBetter: true),
            KPI(name: "ROAS", now: now.roasBasisPoints, before: before?.roasBasisPoints, text: ProgramKPIs.multiple, higherIsBetter: true),
            KPI(name: "ROI on margin", now: now.roiOnMarginBasisPoints, before: before?.roiOnMarginBasisPoints, text: percent, higherIsBetter: true),
        ]
    }

    /// The KPI table; the change column carries an arrow, so it reads without colour too.
    private func drawKPIs(_ overview: ProgramOverview, _ grid: inout Grid, _ rect: Rect) {
        let valueWidth = max(8, min(12, (rect.width - 26) / 3))
        let columns = [rect.x + 25 + valueWidth, rect.x + 26 + 2 * valueWidth, rect.x + 27 + 3 * valueWidth]
        grid.fill(Rect(x: rect.x, y: rect.y, width: min(rect.width, columns[2] - rect.x), height: 1), role: .header)
        grid.put("KPI", x: rect.x, y: rect.y, width: 24, role: .header)
        for (title, maxX) in zip(["THIS WAVE", overview.previous == nil ? "" : "LAST WAVE", "CHANGE"], columns) where maxX <= rect.maxX {
            grid.putRight(title, maxX: maxX, y: rect.y, width: valueWidth, role: .header)
        }
        for (offset, kpi) in kpis(overview).enumerated() where offset + 1 < rect.height {
            let y = rect.y + 1 + offset
            grid.put(kpi.name, x: rect.x, y: y, width: 24, role: .text)
            let change: Int64? = if let now = kpi.now, let before = kpi.before { now - before } else { nil }
            let cells = [kpi.text(kpi.now), overview.previous == nil ? "" : kpi.text(kpi.before), change.map { Self.change($0, kpi.text) } ?? ""]
            let better: Bool? = if let change, change != 0 { (change > 0) == kpi.higherIsBetter } else { nil }
            let changeRole: StyleRole = better.map { $0 ? .success : .danger } ?? .mutedText
            let roles: [StyleRole] = [.text, .mutedText, changeRole]
            for (index, maxX) in columns.enumerated() where maxX <= rect.maxX {
                grid.putRight(cells[index], maxX: maxX, y: y, width: valueWidth, role: roles[index])
            }
        }
    }

    /// `↑ 12.00` or `↓ 0.35×`, the difference in the KPI's own unit.
    static func change(_ difference: Int64, _ text: (Int64?) -> String) -> String {
        difference == 0 ? "=" : (difference > 0 ? "↑ " : "↓ ") + text(abs(difference))
    }

    private func drawMovers(_ overview: ProgramOverview, _ grid: inout Grid, _ rect: Rect, oneLine: Bool) {
        guard rect.height > 0 else { return }
        let currency = workspace.program.currency
        let handle = { (id: CreatorID) in self.workspace.creator(id).map { "@" + $0.handle } ?? id.rawValue }
        let amount = { (mover: ProgramOverview.Mover) in
            (mover.change > 0 ? "+" : "−") + Money(minorUnits: abs(mover.change), currency: currency).decimalString
                + (mover.before == nil ? " (new)" : "")
        }
        let heading = "top movers in margin: "
        guard !overview.movers.isEmpty else {
            grid.put(heading + "none yet", x: rect.x, y: rect.y, width: rect.width, role: .mutedText); return
        }
        if oneLine {
            var x = rect.x + grid.put(heading, x: rect.x, y: rect.y, width: rect.width, role: .mutedText)
            for mover in overview.movers where x < rect.maxX - 4 {
                x += grid.put(handle(mover.creatorID) + " ", x: x, y: rect.y, width: rect.maxX - x, role: .text)
                x += grid.put(amount(mover) + "  ", x: x, y: rect.y, width: rect.maxX - x, role: mover.change > 0 ? .success : .danger)
            }
            return
        }
        grid.put("TOP MOVERS IN MARGIN", x: rect.x, y: rect.y, width: rect.width, role: .header)
        for (offset, mover) in overview.movers.enumerated() where offset + 1 < rect.height {
            let y = rect.y + 1 + offset
            grid.put(handle(mover.creatorID), x: rect.x, y: y, width: rect.width - 22, role: .text)
            grid.putRight(amount(mover), maxX: rect.maxX, y: y, width: 22, role: mover.change > 0 ? .success : .danger)
        }
    }

    /// The weekly chart, and the cumulative spend against the budget when there is room for both.
    private func drawCharts(_ overview: ProgramOverview, _ grid: inout Grid, _ rect: Rect) {
        guard rect.height >= Chart.minimumSize.height else { return }
        let weeks = overview.weeks, currency = workspace.program.currency
        let labels = weeks.weeks.map(\.description)
        let format = { (value: Int64) in Self.compact(value, currency) }
        let weekly = Chart(series: [Chart.Series(name: "direct revenue", values: weeks.directRevenue, role: .success),
                                    Chart.Series(name: "assisted", values: weeks.assistedRevenue, role: .info),
                                    Chart.Series(name: "spend", values: weeks.spend, role: .warning)],
                           labels: labels, format: format, reference: nil, noColor: noColor)
        let both = rect.height >= 2 * Chart.minimumSize.height + 3
        let first = both ? rect.height / 2 : rect.height
        weekly.draw(&grid, Rect(x: rect.x, y: rect.y, width: rect.width, height: first))
        guard both else { return }
        let budget = Chart(series: [Chart.Series(name: "spend so far", values: weeks.cumulativeSpend, role: .warning)], labels: labels,
                           format: format, reference: (overview.budget.budget, "budget \(Money(minorUnits: overview.budget.budget, currency: currency))"),
                           noColor: noColor)
        budget.draw(&grid, Rect(x: rect.x, y: rect.y + first + 1, width: rect.width, height: rect.height - first - 1))
    }

    /// Whole units, thousands as `k` from 10 000 and millions as `M` from 10 000 000: an axis label.
    static func compact(_ minorUnits: Int64, _ currency: Currency) -> String {
        var scale: Int64 = 1
        for _ in 0..<currency.minorDigits { scale *= 10 }
        let whole = minorUnits / scale
        switch whole.magnitude {
        case 10_000_000...: return "\(whole / 1_000_000)M"
        case 10_000...: return "\(whole / 1_000)k"
        default: return String(whole)
        }
    }
}
