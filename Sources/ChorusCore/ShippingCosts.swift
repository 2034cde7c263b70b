extension ChangeRecorder {
    /// Sets the shipping cost of each dispatch that carries one, once the parcels are shipped:
    /// the label tool's figure is what the ledger's shipping cost adds up.
    mutating func recordShippingCosts(_ dispatches: [ShipmentDispatch], summary: String) throws -> String {
        let currency = workspace.program.currency
        var total = Money.zero(currency), costed = 0
        for dispatch in dispatches {
            guard let cost = dispatch.shippingCost, var shipment = workspace.shipment(dispatch.shipmentID) else { continue }
            guard cost.currency == currency else {
                throw DomainError("the shipping cost of shipment \(dispatch.shipmentID) is in \(cost.currency); the program uses \(currency)")
            }
            if cost.minorUnits < 0 { throw DomainError("shipment \(dispatch.shipmentID) has a negative shipping cost") }
            shipment.shippingCost = cost
            put(shipment)
            total = total + cost
            costed += 1
        }
        return costed == 0 ? summary : "\(summary), shipping \(total) for \(costed == dispatches.count ? "all" : String(costed))"
    }
}
