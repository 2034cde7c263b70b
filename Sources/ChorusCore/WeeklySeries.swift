/// A wave's (or the program's) figures week by week, Monday to Sunday: what the charts draw.
///
/// Every amount is the ledger's own, spread over the weeks it happened in, so the weeks of a
/// series add up to the ledger's totals to the minor unit: revenue and commission on the day of
/// the order, a parcel's cost on the day it was queued, a fee and store credit on the day the
/// creator reached the stage that earns them, and a bonus in the week of the creator's last
/// direct order (the ledger does not record which order crossed the threshold).
public struct WeeklySeries: Hashable, Sendable {
    /// The Monday of each week, oldest first.
    public let weeks: [Day]
    public var directRevenue: [Int64]
    public var assistedRevenue: [Int64]
    /// Direct and assisted orders.
    public var orders: [Int64]
    public var spend: [Int64]
    /// Gross margin on the week's direct revenue less the week's spend.
    public var net: [Int64]

    /// Empty weeks from the Monday of `first` to the Monday of `last` (at least one week, at
    /// most `maximumWeeks`: earlier events fold into the first week).
    public init(from first: Day, to last: Day) {
        let start = Self.monday(of: first), end = Self.monday(of: max(first, last))
        let count = min(Self.maximumWeeks, start.days(until: end) / 7 + 1)
        let firstWeek = end.adding(days: -7 * (count - 1))
        weeks = (0..<count).map { firstWeek.adding(days: 7 * $0) }
        let zeros = [Int64](repeating: 0, count: count)
        directRevenue = zeros; assistedRevenue = zeros; orders = zeros; spend = zeros; net = zeros
    }

    /// Two years of weeks is as much as a chart can show and a program usually runs.
    public static let maximumWeeks = 104

    public static func monday(of day: Day) -> Day { day.adding(days: 1 - day.weekday) }

    /// The week `day` falls in, clamped to the series.
    public func week(of day: Day) -> Int {
        guard let first = weeks.first else { return 0 }
        return max(0, min(weeks.count - 1, first.days(until: day) / 7))
    }

    /// Spend so far at the end of each week.
    public var cumulativeSpend: [Int64] {
        var total: Int64 = 0
        return spend.map { total += $0; return total }
    }

    /// The series of `wave` (every wave when nil): from the wave's start (or its first event)
    /// to today or the wave's end, whichever is earlier, and never before its last event.
    public init(_ ledger: Ledger, workspace: Workspace, wave: WaveID?) {
        let rows = ledger.rows.indices.filter { wave == nil || ledger.rows[$0].waveID == wave }
        let span = Self.span(ledger, workspace: workspace, rows: rows, wave: wave)
        self.init(from: span.first, to: span.last)
        let margin = workspace.program.settings.marginRateBasisPoints
        ledger.orderFigures.withUnsafeBufferPointer { figures in
            for row in rows { add(row: row, of: ledger, workspace: workspace, figures: figures, marginRate: margin) }
        }
    }

    /// One ledger row's weeks over the same weeks as this series.
    public func row(_ row: Int, of ledger: Ledger, workspace: Workspace) -> WeeklySeries {
        var series = WeeklySeries(from: weeks.first ?? ledger.today, to: weeks.last ?? ledger.today)
        ledger.orderFigures.withUnsafeBufferPointer { figures in
            series.add(row: row, of: ledger, workspace: workspace, figures: figures,
                       marginRate: workspace.program.settings.marginRateBasisPoints)
        }
        return series
    }

    private mutating func add(row index: Int, of ledger: Ledger, workspace: Workspace, figures: UnsafeBufferPointer<OrderFigures>,
                              marginRate: Int64) {
        let row = ledger.rows[index]
        var lastOrderDay: Day?
        for position in ledger.directOrderPositions(ofRow: index) {
            let order = figures[Int(position)]
            let day = order.day, week = week(of: day), revenue = order.netRevenue
            directRevenue[week] += revenue
            orders[week] += 1
            net[week] += Ledger.share(of: revenue, basisPoints: marginRate)
            if let rate = row.plan.commissionBasisPoints { addSpend(Ledger.share(of: revenue, basisPoints: rate), week) }
            if lastOrderDay.map({ $0 < day }) ?? true { lastOrderDay = day }
        }
        for position in ledger.assistedOrderPositions(ofRow: index) {
            let order = figures[Int(position)]
            let week = week(of: order.day)
            assistedRevenue[week] += order.netRevenue
            orders[week] += 1
        }
        for position in ledger.shipmentPositions(ofRow: index) {
            let shipment = workspace.shipments[Int(position)]
            addSpend(shipment.productCost.minorUnits + (shipment.shippingCost?.minorUnits ?? 0), week(of: shipment.createdAt.day))
        }
        let fees = row.costs.flatFees + row.costs.storeCredit
        if fees != 0 {
            let day = workspace.enrollment(row.creatorID, in: row.waveID)?.stageChangedAt.day ?? ledger.today
            addSpend(fees, week(of: day))
        }
        if row.costs.bonuses != 0 { addSpend(row.costs.bonuses, week(of: lastOrderDay ?? ledger.today)) }
    }

    private mutating func addSpend(_ amount: Int64, _ week: Int) {
        spend[week] += amount
        net[week] -= amount
    }

    private static func span(_ ledger: Ledger, workspace: Workspace, rows: [Int], wave: WaveID?) -> (first: Day, last: Day) {
        let waves = wave.flatMap(workspace.wave).map { [$0] } ?? workspace.waves
        var first = waves.compactMap(\.startDate).min() ?? ledger.today
        let ends = waves.map { $0.endDate ?? ledger.today }
        var last = min(ledger.today, ends.max() ?? ledger.today)
        func see(_ day: Day) {
            if day < first { first = day }
            if day > last { last = day }
        }
        for row in rows {
            for position in ledger.directOrderPositions(ofRow: row) { see(ledger.orderFigures[Int(position)].day) }
            for position in ledger.assistedOrderPositions(ofRow: row) { see(ledger.orderFigures[Int(position)].day) }
            for position in ledger.shipmentPositions(ofRow: row) { see(workspace.shipments[Int(position)].createdAt.day) }
            let costs = ledger.rows[row].costs
            if costs.flatFees + costs.storeCredit != 0,
               let enrollment = workspace.enrollment(ledger.rows[row].creatorID, in: ledger.rows[row].waveID) {
                see(enrollment.stageChangedAt.day)
            }
        }
        return (first, max(first, last))
    }
}
