import ChorusCore

/// The questions asked before one key moves money or changes structure, each with what a
/// person checks before saying yes.
extension Confirmation {
    /// `$`: who is paid what, who the tax rule leaves out and why, and the total, before the run is created.
    static func payoutRun(_ run: PayoutRun, workspace: Workspace) -> Confirmation {
        let currency = workspace.program.currency
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: currency).description }
        let handles = run.payments.map { workspace.creator($0.creatorID).map { "@" + $0.handle } ?? $0.creatorID.rawValue }
        let handleWidth = handles.map { TextWidth.columns(of: $0) }.max() ?? 0
        let details = zip(handles, run.payments).map { handle, payment in
            let items = payment.items.count == 1 ? payment.items[0].key : "\(payment.items.count) items"
            return "\(TextWidth.pad(handle, toColumns: handleWidth))  \(money(payment.total))  (\(items))"
        } + (run.leftOut ?? []).map { out in
            "left out \(workspace.creator(out.creatorID).map { "@" + $0.handle } ?? out.creatorID.rawValue)  \(money(out.amount))  \(out.reason)"
        } + ["Total \(money(run.total)) to \(run.payments.count) \(run.payments.count == 1 ? "creator" : "creators")"]
        let who = run.payments.count == 1 ? "1 creator" : "\(run.payments.count) creators"
        return Confirmation("Create payout run \(run.number): pay \(who) \(money(run.total))?", details: details,
                            yes: .run([.command(.createPayoutRun(run), .plain)]), noMessage: "no payout run created")
    }

    /// `C`: the new wave and what it takes from the old one.
    static func copyWave(_ source: Wave, into copy: Wave) -> Confirmation {
        Confirmation("Copy \(source.name) into a new wave \(copy.id) \"\(copy.name)\" (its brief, products, budget and incentives)?",
                     yes: .run([.command(.createWave(copy), .plain)]), noMessage: "no wave created")
    }

    /// `x`: each parcel, whose it is and what it holds; their stock goes back.
    static func cancelParcels(_ ids: [ShipmentID], workspace: Workspace) -> Confirmation {
        let details = ids.map { id in
            guard let shipment = workspace.shipment(id) else { return id.rawValue }
            let handle = workspace.creator(shipment.creatorID).map { "@" + $0.handle } ?? shipment.creatorID.rawValue
            return "\(id)  \(handle)  \(shipment.status.rawValue)  \(BriefText.items(shipment.items.map { ($0.sku, $0.quantity) }))"
        }
        let parcels = ids.count == 1 ? "parcel \(ids[0])" : "\(ids.count) parcels"
        return Confirmation("Cancel \(parcels)? Stock they hold goes back.", details: details,
                            yes: .run([.command(.cancelShipments(ids), .plain)]), noMessage: "no parcel cancelled")
    }

    /// Saving a wave as closed while drafts wait for a decision or parcels are on their way.
    static func closeWave(_ wave: Wave, saving command: Command, pendingDrafts: Int, parcelsInTransit: Int) -> Confirmation {
        var open: [String] = []
        if pendingDrafts > 0 { open.append(pendingDrafts == 1 ? "1 draft pending" : "\(pendingDrafts) drafts pending") }
        if parcelsInTransit > 0 { open.append(parcelsInTransit == 1 ? "1 parcel in transit" : "\(parcelsInTransit) parcels in transit") }
        return Confirmation("Close \(wave.name) with \(open.joined(separator: " and "))?", yes: .run([.save(command)]),
                            noMessage: "not saved; the form is still open")
    }

    /// Esc on a form whose fields were changed.
    static func discardForm(_ title: String) -> Confirmation {
        Confirmation("Discard changes to \(title)?", yes: .discardForm, noMessage: "still editing; Ctrl-s saves")
    }
}

extension Workspace {
    /// What is still open in a wave about to be closed: drafts waiting for a decision and
    /// parcels shipped but not yet delivered.
    func openWork(in wave: WaveID) -> (pendingDrafts: Int, parcelsInTransit: Int) {
        (submissions.count { $0.waveID == wave && $0.status == .pending },
         shipments.count { $0.waveID == wave && $0.status == .shipped })
    }
}
