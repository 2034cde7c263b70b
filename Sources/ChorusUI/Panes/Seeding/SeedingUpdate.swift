import ChorusCore

/// The Seeding pane's answer to the list keys every pane shares: the working wave's parcels
/// (its own keys carry their handlers in `KeyMap`, see `SeedingKeys`).
extension SeedingPane {
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int) {
        (context.seedingTable.count, tableRows(at: state.size))
    }

    static func toggleMark(_ state: inout UIState, context: UpdateContext) {
        guard let id = context.seedingTable.id(at: state.seeding.cursor) else { return }
        state.seeding.list.toggleMark(id, rows: context.seedingTable.count, page: tableRows(at: state.size))
    }

    static func openDetail(_ state: inout UIState, context: UpdateContext) {
        if let id = context.seedingTable.id(at: state.seeding.cursor) { state.overlay = .parcelDetail(id, scroll: 0) }
    }

    static func backOut(_ state: inout UIState, context: UpdateContext) {
        if !state.seeding.marks.isEmpty {
            state.seeding.marks = []
        } else if state.seeding.filter.isActive {
            state.seeding.filter = Filter()
        } else {
            state.seeding.status = .all
        }
    }
}

/// The parcels an action applies to: those the palette named, the marked rows, or else the cursor row.
func parcelTargets(_ state: UIState, context: UpdateContext) -> [ShipmentID] {
    if let ids = context.named?.parcels { return ids }
    if !state.seeding.marks.isEmpty { return state.seeding.marks.sorted() }
    return context.seedingTable.id(at: state.seeding.cursor).map { [$0] } ?? []
}

/// What the Seeding pane's own keys do (`KeyMap` names them).
enum SeedingKeys {
    /// `f`: the next shipment status the list shows.
    static func nextStatus(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.seeding.status = state.seeding.status.next
        state.seeding.list.startOver()
        state.message = StatusMessage(.info, "showing \(state.seeding.status.label) parcels")
        return []
    }

    /// `p`, `s`, `d`, `!` and `x` on the marked parcels, or else the cursor row's.
    static func parcelAction(_ action: Action, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let ids = parcelTargets(state, context: context)
        guard !ids.isEmpty else {
            state.message = StatusMessage(.warning, "no parcel to act on")
            return []
        }
        switch action {
        case .pack: return [.command(.markPacked(ids), .plain)]
        case .deliver: return [.command(.markDelivered(ids), .plain)]
        case .cancelShipments:
            state.prompt = Prompt(.confirm(.cancelParcels(ids, workspace: context.workspace)))
            return []
        case .flagException:
            state.prompt = Prompt(.seeding(.exception(ids, kind: .addressProblem)))
            return []
        default:
            // Checked before asking for numbers: a scan must never be spent on a parcel that cannot ship.
            if let id = ids.first(where: { context.workspace.shipment($0)?.holdsReservation != true }),
               let shipment = context.workspace.shipment(id) {
                state.message = StatusMessage(.warning, "\(id) is \(shipment.status.label); only queued or packed parcels ship")
                return []
            }
            state.prompt = Prompt(.seeding(.carrier(ids)), text: state.seeding.lastCarrier.label)
            return []
        }
    }

    /// `e`: the cursor row's (or the named parcel's) items and note in a form, while the parcel is still in the warehouse.
    static func openShipmentForm(_ state: inout UIState, context: UpdateContext) -> [Effect] {
        guard let id = context.named?.parcels?.first ?? context.seedingTable.id(at: state.seeding.cursor),
              let shipment = context.workspace.shipment(id) else {
            state.message = StatusMessage(.warning, "no parcel to edit")
            return []
        }
        guard shipment.holdsReservation else {
            state.message = StatusMessage(.warning, "\(id) is \(shipment.status.label); only queued or packed parcels can be edited")
            return []
        }
        let handle = context.workspace.creator(shipment.creatorID).map { "@" + $0.handle } ?? shipment.creatorID.rawValue
        state.form = OpenForm(.editShipment(id), ShipmentForm.form(for: shipment, handle: handle))
        return []
    }

    /// `R`: the cursor row's exception in a form: the address to fix or confirm, then repack or re-ship.
    static func openResolveForm(_ state: inout UIState, context: UpdateContext) -> [Effect] {
        guard let id = context.seedingTable.id(at: state.seeding.cursor), let shipment = context.workspace.shipment(id) else {
            state.message = StatusMessage(.warning, "no parcel to resolve")
            return []
        }
        guard shipment.status == .exception else {
            state.message = StatusMessage(.warning, "\(id) is \(shipment.status.label); only a parcel with an exception (!) is resolved")
            return []
        }
        let form = ResolveExceptionForm.form(for: shipment, creator: context.workspace.creator(shipment.creatorID),
                                             carrier: state.seeding.lastCarrier)
        state.form = OpenForm(.resolveException(id), form)
        return []
    }
}

/// The Pipeline's "seed with this wave's products": one queued parcel per target creator,
/// holding the brief's products, as one command (so stock is checked for all of them at once).
/// A creator whose parcel is still in the warehouse is refused by name unless `extra` (`:seed extra`).
func seedWithWaveProducts(_ creators: [CreatorID], extra: Bool = false, _ state: inout UIState, context: UpdateContext) -> [Effect] {
    guard let waveID = state.pipeline.waveID, let wave = context.workspace.wave(waveID), !creators.isEmpty else {
        state.message = StatusMessage(.warning, "no creator to seed")
        return []
    }
    guard !wave.brief.products.isEmpty else {
        state.message = StatusMessage(.warning, "\(wave.name)'s brief lists no products to seed")
        return []
    }
    let open = OpenParcels(context.workspace)
    let doubled = creators.compactMap { id in open.parcels(for: id, in: waveID).first.map { (id, $0) } }
    if !extra, !doubled.isEmpty {
        let named = doubled.prefix(3).map { id, parcel in
            "\(context.workspace.creator(id).map { "@" + $0.handle } ?? id.rawValue) already has \(parcel.id) \(parcel.status.rawValue)"
        }.joined(separator: ", ") + (doubled.count > 3 ? " and \(doubled.count - 3) more" : "")
        // Short enough for 80 columns: the wave is the one on screen, and nothing was queued.
        state.message = StatusMessage(.warning, "\(named) · :seed extra sends another")
        return []
    }
    let items = wave.brief.products.map { ShipmentItem(sku: $0.sku, quantity: $0.quantity) }
    let extras = Set(doubled.map(\.0))
    return [.command(.queueShipments(creators.map { ShipmentRequest(creatorID: $0, waveID: waveID, items: items, extra: extras.contains($0)) }), .plain)]
}
