
/// Stock and shipment checks: the seeding queue is where money leaves the warehouse, so
/// reservations must add up and every parcel that left must be traceable.
extension WorkspaceInspection {
    mutating func checkStock() {
        reportDuplicates(in: workspace.skus) { "SKU id \($0) is used twice" }
        var reservedBySKU: [SKUID: Int] = [:]
        for shipment in workspace.shipments where shipment.holdsReservation {
            for item in shipment.items { reservedBySKU[item.sku, default: 0] += item.quantity }
        }
        for sku in workspace.skus {
            let owner = "SKU \(sku.id)"
            checkCurrency(sku.unitCost, owner, "the unit cost")
            if sku.unitCost.minorUnits < 0 { report("\(owner): negative unit cost") }
            if sku.stockOnHand < 0 { report("\(owner): \(sku.stockOnHand) on hand") }
            let expected = reservedBySKU[sku.id] ?? 0
            if sku.reserved != expected {
                report("\(owner): \(sku.reserved) reserved, but queued and packed shipments hold \(expected)")
            }
            if sku.reserved > sku.stockOnHand { report("\(owner): \(sku.reserved) reserved but only \(sku.stockOnHand) on hand") }
        }
    }

    mutating func checkShipments() {
        reportDuplicates(in: workspace.shipments) { "shipment id \($0) is used twice" }
        reportDuplicates(workspace.shipments.compactMap(\.trackingNumber)) { "tracking number \($0) is on more than one shipment" }
        for shipment in workspace.shipments {
            let owner = "shipment \(shipment.id)"
            requireCreator(shipment.creatorID, owner)
            requireWave(shipment.waveID, owner)
            if workspace.enrollment(shipment.creatorID, in: shipment.waveID) == nil {
                report("\(owner): creator \(shipment.creatorID) is not in wave \(shipment.waveID)")
            }
            if shipment.items.isEmpty { report("\(owner): has no items") }
            for item in shipment.items {
                if workspace.sku(item.sku) == nil { report("\(owner): SKU \(item.sku) does not exist") }
                if item.quantity <= 0 { report("\(owner): \(item.quantity) × \(item.sku)") }
            }
            checkCurrency(shipment.productCost, owner, "the product cost")
            checkCurrency(shipment.shippingCost, owner, "the shipping cost")
            checkStatus(of: shipment, owner)
            checkTimes(of: shipment, owner)
        }
        checkDoubledParcels()
    }

    /// Two parcels in the warehouse for one creator and wave, neither asked for as an extra,
    /// is a box about to be sent twice.
    private mutating func checkDoubledParcels() {
        for (key, parcels) in OpenParcels(workspace).doubled where parcels.filter({ $0.extra != true }).count > 1 {
            let who = workspace.creator(key.creatorID).map { "@" + $0.handle } ?? "creator \(key.creatorID)"
            let wave = workspace.wave(key.waveID).map { "\($0.name) (\($0.id))" } ?? "wave \(key.waveID)"
            report("\(who) has \(parcels.count) open parcels in \(wave): \(parcels.map(\.id.rawValue).joined(separator: ", ")); "
                   + "cancel the one not meant to go")
        }
    }

    private mutating func checkStatus(of shipment: Shipment, _ owner: String) {
        let leftWarehouse = shipment.status == .shipped || shipment.status == .delivered
            || (shipment.status == .exception && shipment.exception?.kind != .addressProblem)
        if leftWarehouse {
            if let carrier = shipment.carrier, let number = shipment.trackingNumber {
                if !carrier.accepts(trackingNumber: number) { report("\(owner): '\(number.excerpt)' is not a \(carrier.label) tracking number") }
            } else {
                report("\(owner): \(shipment.status.label) without carrier and tracking number")
            }
            if shipment.shippedAt == nil { report("\(owner): \(shipment.status.label) without a shipping time") }
        }
        if shipment.status == .delivered, shipment.deliveredAt == nil { report("\(owner): delivered without a delivery time") }
        if shipment.status == .exception, shipment.exception == nil { report("\(owner): exception without saying what went wrong") }
        if shipment.status != .exception, shipment.exception != nil, shipment.status != .cancelled {
            report("\(owner): \(shipment.status.label) but carries an exception")
        }
    }

    private mutating func checkTimes(of shipment: Shipment, _ owner: String) {
        let steps: [(String, Timestamp?)] = [("created", shipment.createdAt), ("packed", shipment.packedAt),
                                             ("shipped", shipment.shippedAt), ("delivered", shipment.deliveredAt)]
        var previous: (String, Timestamp)?
        for (name, time) in steps {
            guard let time else { continue }
            if let (earlierName, earlier) = previous, time < earlier { report("\(owner): \(name) \(time) before \(earlierName) \(earlier)") }
            previous = (name, time)
        }
        if let exception = shipment.exception, exception.at < shipment.createdAt { report("\(owner): exception flagged before it was created") }
    }
}
