extension ChangeRecorder {
    mutating func addSKUs(_ skus: [SKU]) throws -> String {
        try Self.requireNonEmpty(skus, "SKUs")
        var ids: Set<SKUID> = []
        for sku in skus {
            if workspace.sku(sku.id) != nil || !ids.insert(sku.id).inserted { throw DomainError("SKU \(sku.id) already exists") }
            _ = try Self.requireText(sku.name, "a name for SKU \(sku.id)")
            guard sku.unitCost.currency == workspace.program.currency else {
                throw DomainError("SKU \(sku.id) costs \(sku.unitCost); the program uses \(workspace.program.currency)")
            }
            if sku.unitCost.minorUnits < 0 { throw DomainError("SKU \(sku.id) has a negative unit cost") }
            if sku.stockOnHand < 0 { throw DomainError("SKU \(sku.id) has negative stock") }
            if sku.reserved != 0 { throw DomainError("a new SKU cannot start with reserved stock") }
        }
        skus.forEach { put($0) }
        return "added \(Self.plural(skus.count, "SKU"))"
    }

    mutating func adjustStock(_ id: SKUID, by delta: Int, reason: String) throws -> String {
        var sku = try requireSKU(id)
        _ = try Self.requireText(reason, "a reason for the stock change")
        if sku.stockOnHand + delta < sku.reserved {
            throw DomainError("SKU \(id) would have \(sku.stockOnHand + delta) on hand but \(sku.reserved) are reserved for queued shipments")
        }
        sku.stockOnHand += delta
        put(sku)
        return "\(delta >= 0 ? "added" : "removed") \(abs(delta)) of \(sku.name)"
    }

    mutating func queueShipments(_ requests: [ShipmentRequest], _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(requests, "shipments")
        var need: [SKUID: Int] = [:]
        for request in requests {
            let wave = try requireWave(request.waveID)
            _ = try requireCreator(request.creatorID)
            guard let enrollment = workspace.enrollment(request.creatorID, in: request.waveID) else {
                throw DomainError("\(handle(request.creatorID)) is not in \(wave.name); add them to the wave before seeding")
            }
            if enrollment.stage.isExit {
                throw DomainError("\(handle(request.creatorID)) has \(enrollment.stage.label) \(wave.name); re-invite them before seeding")
            }
            if request.items.isEmpty { throw DomainError("the shipment for \(handle(request.creatorID)) has no items") }
            for item in request.items {
                _ = try requireSKU(item.sku)
                if item.quantity <= 0 { throw DomainError("\(item.quantity) × \(item.sku) for \(handle(request.creatorID)): quantities must be at least 1") }
                need[item.sku, default: 0] += item.quantity
            }
        }
        if !context.isReplay { try refuseDuplicateParcels(requests) }
        try requireStock(need)
        var number = highestShipmentNumber()
        for request in requests {
            number += 1
            var shipment = Shipment(id: ShipmentID(formatID(prefix: "SH-", number: number)), creatorID: request.creatorID,
                                    waveID: request.waveID, items: request.items, productCost: reserve(request.items), createdAt: context.now)
            shipment.extra = request.extra
            put(shipment)
        }
        return "queued \(Self.plural(requests.count, "shipment"))"
    }

    /// Swaps what a parcel holds before it leaves: its old units go back to stock and the new
    /// ones are reserved, priced at today's unit costs. Units it already holds count as
    /// available, so 1 → 2 of a SKU needs only one more on the shelf.
    mutating func editShipment(_ id: ShipmentID, items: [ShipmentItem], note: String?) throws -> String {
        let shipment = try transition([id], to: "edited", allowedFrom: [.queued, .packed]) { shipment in
            "it has already left the warehouse (\(shipment.status.label))"
        }[0]
        if items.isEmpty { throw DomainError("shipment \(id) needs at least one item") }
        var need: [SKUID: Int] = [:]
        for item in items {
            _ = try requireSKU(item.sku)
            if item.quantity <= 0 { throw DomainError("\(item.quantity) × \(item.sku) in shipment \(id): quantities must be at least 1") }
            need[item.sku, default: 0] += item.quantity
        }
        var held: [SKUID: Int] = [:]
        for item in shipment.items { held[item.sku, default: 0] += item.quantity }
        try requireStock(need, alreadyHeld: held)
        releaseReservation(of: shipment, consumed: false)
        var edited = shipment
        edited.items = items
        edited.productCost = reserve(items)
        let trimmed = note?.trimmingWhitespace ?? ""
        edited.note = trimmed.isEmpty ? nil : trimmed
        put(edited)
        return "edited shipment \(id)"
    }

    /// A second parcel for a creator whose parcel for the wave is still in the warehouse is
    /// almost always a key pressed twice: refused, naming the open parcel, unless the request
    /// says it is an extra one. Judged only for a person's action, never on replay.
    private func refuseDuplicateParcels(_ requests: [ShipmentRequest]) throws {
        let warehouse = OpenParcels(workspace)
        var asked: Set<EnrollmentKey> = []
        for request in requests where request.extra != true {
            let key = EnrollmentKey(creatorID: request.creatorID, waveID: request.waveID)
            let wave = workspace.wave(request.waveID)?.name ?? request.waveID.rawValue
            if let open = warehouse.parcels(for: request.creatorID, in: request.waveID).first {
                throw DomainError("\(handle(request.creatorID)) already has \(open.id) \(open.status.rawValue) in \(wave); "
                                  + "ask for an extra parcel to send another")
            }
            if !asked.insert(key).inserted {
                throw DomainError("\(handle(request.creatorID)) is asked for twice in \(wave); ask for an extra parcel to send two")
            }
        }
    }

    /// Refuses, naming the SKU and the shortfall, when `need` is more than the shelf has free
    /// (plus what the shipment being changed already holds).
    func requireStock(_ need: [SKUID: Int], alreadyHeld held: [SKUID: Int] = [:]) throws {
        for (id, quantity) in need.sorted(by: { $0.key < $1.key }) {
            let sku = try requireSKU(id)
            let available = sku.available + held[id, default: 0]
            if quantity > available {
                throw DomainError("not enough \(sku.name) (\(id)): \(quantity) needed, \(available) available, short by \(quantity - available)")
            }
        }
    }

    /// Reserves `items` on their SKUs and returns what they cost.
    mutating func reserve(_ items: [ShipmentItem]) -> Money {
        var cost = Money.zero(workspace.program.currency)
        for item in items {
            guard var sku = workspace.sku(item.sku) else { continue }
            sku.reserved += item.quantity
            put(sku)
            cost = cost + sku.unitCost * Int64(item.quantity)
        }
        return cost
    }

    private func highestShipmentNumber() -> Int {
        workspace.shipments.reduce(0) { max($0, Int($1.id.rawValue.dropFirst(3)) ?? 0) }
    }

    mutating func markPacked(_ ids: [ShipmentID], _ context: CommandContext) throws -> String {
        let shipments = try transition(ids, to: "packed", allowedFrom: [.queued])
        for var shipment in shipments {
            shipment.record(.packed, at: context.now)
            put(shipment)
        }
        return "packed \(Self.plural(shipments.count, "shipment"))"
    }

    /// A dispatch for a parcel already shipped with the same tracking number only brings its
    /// shipping cost (the label tool's export often arrives after the parcels were scanned out).
    mutating func markShipped(_ dispatches: [ShipmentDispatch], _ context: CommandContext) throws -> String {
        let costOnly = dispatches.filter { dispatch in
            guard dispatch.shippingCost != nil, let shipment = workspace.shipment(dispatch.shipmentID) else { return false }
            return [.shipped, .delivered].contains(shipment.status) && shipment.trackingNumber == dispatch.trackingNumber.trimmingWhitespace
        }
        let costOnlyIDs = Set(costOnly.map(\.shipmentID))
        let dispatches = dispatches.filter { !costOnlyIDs.contains($0.shipmentID) }
        if dispatches.isEmpty && !costOnly.isEmpty { return "\(Self.plural(costOnly.count, "shipment")) already shipped" }
        let shipments = try transition(dispatches.map(\.shipmentID), to: "shipped", allowedFrom: [.queued, .packed])
        try requireTrackingNumbers(dispatches)
        for (var shipment, dispatch) in zip(shipments, dispatches) {
            releaseReservation(of: shipment, consumed: true)
            shipment.carrier = dispatch.carrier
            shipment.trackingNumber = dispatch.trackingNumber.trimmingWhitespace
            shipment.record(.shipped, at: dispatch.shippedOn.map { min(Timestamp(day: $0), context.now) } ?? context.now)
            put(shipment)
            follow(shipment.creatorID, in: shipment.waveID, to: .seeded, context)
        }
        return "shipped \(Self.plural(shipments.count, "shipment"))" + (costOnly.isEmpty ? "" : ", \(costOnly.count) already shipped")
    }

    mutating func markDelivered(_ ids: [ShipmentID], _ context: CommandContext) throws -> String {
        let shipments = try transition(ids, to: "marked delivered", allowedFrom: [.shipped]) { shipment in
            shipment.status == .queued || shipment.status == .packed ? "it has not been shipped" : "it is \(shipment.status.label)"
        }
        for var shipment in shipments {
            shipment.record(.delivered, at: context.now)
            put(shipment)
        }
        return "marked \(Self.plural(shipments.count, "shipment")) delivered"
    }

    mutating func flagException(_ ids: [ShipmentID], kind: ShipmentException.Kind, note: String, _ context: CommandContext) throws -> String {
        let note = try Self.requireText(note, "a note saying what went wrong")
        let allowed: [ShipmentStatus] = kind == .addressProblem ? [.queued, .packed, .shipped] : [.shipped, .delivered]
        let shipments = try transition(ids, to: "flagged \(kind.label)", allowedFrom: allowed)
        for var shipment in shipments {
            if shipment.holdsReservation { releaseReservation(of: shipment, consumed: false) }
            if kind == .returned { returnStock(of: shipment) }
            shipment.exception = ShipmentException(kind: kind, note: note, at: context.now)
            shipment.record(.exception, at: context.now, exception: kind, note: note)
            put(shipment)
        }
        return "flagged \(Self.plural(shipments.count, "shipment")): \(kind.label)"
    }

    mutating func cancelShipments(_ ids: [ShipmentID], _ context: CommandContext) throws -> String {
        let shipments = try transition(ids, to: "cancelled", allowedFrom: [.queued, .packed, .exception]) { shipment in
            "it has already left the warehouse (\(shipment.status.label))"
        }
        for var shipment in shipments {
            if shipment.holdsReservation { releaseReservation(of: shipment, consumed: false) }
            shipment.record(.cancelled, at: context.now)
            put(shipment)
        }
        return "cancelled \(Self.plural(shipments.count, "shipment"))"
    }

    /// Looks up every shipment and refuses the whole batch if any is in the wrong state.
    func transition(_ ids: [ShipmentID], to verb: String, allowedFrom allowed: [ShipmentStatus],
                    because reason: (Shipment) -> String = { "it is \($0.status.label)" }) throws -> [Shipment] {
        try Self.requireNonEmpty(ids, "shipments")
        if Set(ids).count != ids.count { throw DomainError("a shipment is listed twice") }
        return try ids.map { id in
            var shipment = try requireShipment(id)
            guard allowed.contains(shipment.status) else {
                throw DomainError("shipment \(id) cannot be \(verb): \(reason(shipment))")
            }
            // Kept as it stands before the change: a parcel stored without a history reads it
            // from timestamps the change is about to overwrite.
            shipment.recordedHistory = shipment.history
            return shipment
        }
    }

    /// Frees a shipment's reserved units; `consumed` when they left the warehouse with it.
    mutating func releaseReservation(of shipment: Shipment, consumed: Bool) {
        for item in shipment.items {
            guard var sku = workspace.sku(item.sku) else { continue }
            sku.reserved = max(0, sku.reserved - item.quantity)
            if consumed { sku.stockOnHand -= item.quantity }
            put(sku)
        }
    }

    /// Refuses a dispatch without a number, with a number that is not the carrier's format, or
    /// with a number another parcel (or this one, before) already went out with.
    func requireTrackingNumbers(_ dispatches: [ShipmentDispatch]) throws {
        var numbers: [String: ShipmentID] = [:]
        for shipment in workspace.shipments {
            if let number = shipment.trackingNumber { numbers[number] = shipment.id }
            for number in shipment.previousTrackingNumbers { numbers[number] = shipment.id }
        }
        for dispatch in dispatches {
            let number = dispatch.trackingNumber.trimmingWhitespace
            if number.isEmpty { throw DomainError("shipment \(dispatch.shipmentID) cannot be shipped without a tracking number") }
            if !dispatch.carrier.accepts(trackingNumber: number) {
                throw DomainError("'\(number)' does not look like a \(dispatch.carrier.label) tracking number (shipment \(dispatch.shipmentID))")
            }
            if let other = numbers[number] {
                throw DomainError(other == dispatch.shipmentID
                    ? "shipment \(other) already went out with tracking number \(number); a re-sent parcel needs a new one"
                    : "tracking number \(number) is already used by shipment \(other)")
            }
            numbers[number] = dispatch.shipmentID
        }
    }

    private mutating func returnStock(of shipment: Shipment) {
        guard shipment.shippedAt != nil else { return }
        for item in shipment.items {
            guard var sku = workspace.sku(item.sku) else { continue }
            sku.stockOnHand += item.quantity
            put(sku)
        }
    }
}
