import ChorusCore

/// The orders and costs behind one ledger row (Enter in the Ledger): every figure of the row
/// traced to the parcels, plan and orders it came from, so finance can check any cell.
struct LedgerDetail {
    let row: Ledger.Row
    let position: Int
    let ledger: Ledger
    let workspace: Workspace
    /// What of this row was paid, is in a run, or is payable; nil while not computed.
    let payouts: PayoutBalances.Balance?
    /// Whether the order history is still loading: the row's figures are known (from kept
    /// attribution), the orders behind them are listed once they are here.
    let ordersLoading: Bool

    var lines: [CreatorDetail.Line] {
        typealias Line = CreatorDetail.Line
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: ledger.currency).description }
        let costs = row.costs
        var lines = [
            Line(label: "Plan", value: row.plan.label),
            Line(label: "Product", value: money(costs.productCost)),
            Line(label: "Shipping", value: money(costs.shippingCost)),
            Line(label: "Flat fee", value: money(costs.flatFees)),
            Line(label: "Credit", value: money(costs.storeCredit)),
            Line(label: "Commission", value: "\(money(costs.commission)) (\(money(costs.commissionPending)) held)"),
            Line(label: "Bonuses", value: money(costs.bonuses)),
            Line(label: "Total cost", value: money(costs.total)),
            Line(label: "Direct", value: "\(counted(row.results.directOrders, "order")), \(money(row.results.directNetRevenue))"),
            Line(label: "Assisted", value: "\(counted(row.results.assistedOrders, "order")), \(money(row.results.assistedNetRevenue))"),
            Line(label: "Assets", value: "\(row.results.usableAssets) usable, \(counted(row.results.engagement, "engagement"))"),
        ]
        if let payouts {
            lines.append(Line(label: "Payouts", value: "paid \(money(payouts.paid)) · in run \(money(payouts.inRun)) · "
                                + "payable \(money(payouts.payable))"))
        }
        for index in ledger.shipmentPositions(ofRow: position) {
            let shipment = workspace.shipments[Int(index)]
            lines.append(Line(label: shipment.id.rawValue,
                              value: "\(shipment.status.label), product \(money(shipment.productCost.minorUnits)), "
                                  + "shipping \(money(shipment.shippingCost?.minorUnits ?? 0))", role: .mutedText))
        }
        guard !ordersLoading else {
            lines.append(Line(label: "Orders", value: "listed once the order history is loaded", role: .mutedText))
            return lines
        }
        let hold = workspace.program.settings.commissionHoldDays
        let direct = ledger.directOrderPositions(ofRow: position).map { workspace.orders[Int($0)] }
        let assisted = ledger.assistedOrderPositions(ofRow: position).map { workspace.orders[Int($0)] }
        if let rates = (direct + assisted).ratesUsed(limit: 3) { lines.append(Line(label: "Rates", value: rates)) }
        // What the store charged, for an order converted into the program's currency.
        let charged = { (order: Order) in order.original.map { " (from \($0.subtotal) at \($0.rate.rate))" } ?? "" }
        for order in direct {
            let net = order.netRevenue.minorUnits
            var value = "\(order.createdAt.day) net \(money(net))\(charged(order))"
            if !order.refunded.isZero { value += " (refunded \(money(order.refunded.minorUnits)))" }
            if let rate = row.plan.commissionBasisPoints {
                let held = Ledger.isHeld(orderedOn: order.createdAt.day, today: ledger.today, holdDays: hold)
                value += ", commission \(money(Ledger.share(of: net, basisPoints: rate)))\(held ? " held" : "")"
            }
            lines.append(Line(label: order.id.rawValue, value: value))
        }
        for order in assisted {
            lines.append(Line(label: order.id.rawValue, value: "\(order.createdAt.day) net \(money(order.netRevenue.minorUnits))\(charged(order)), assisted",
                              role: .mutedText))
        }
        return lines
    }
}
