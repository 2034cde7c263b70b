import ChorusCore

/// Parcels being shipped one scan at a time. A refused number leaves its parcel as it was and
/// the parcel stays current, so scanning the label again (what anyone does after the beep)
/// lands on the same parcel; Tab skips it. When the last parcel is done, or Esc stops the run,
/// the run stays on screen as its summary until Enter or Esc closes it.
public struct ShippingRun: Hashable, Sendable {
    /// What became of one parcel of the run.
    public enum Outcome: Hashable, Sendable {
        case shipped(trackingNumber: String)
        /// The last scan was refused, for this reason; the parcel is still waiting.
        case refused(String)
        /// Tab moved past it, after a refusal if there was one.
        case skipped(after: String?)
    }

    public var shipments: [ShipmentID]
    public var index = 0
    public var carrier: Carrier
    public var outcomes: [ShipmentID: Outcome] = [:]
    /// True once the run is over and only its summary is shown.
    public var isFinished = false

    public init(shipments: [ShipmentID], carrier: Carrier) {
        self.shipments = shipments
        self.carrier = carrier
    }

    public var current: ShipmentID { shipments[index] }

    public var shippedCount: Int {
        outcomes.values.filter { if case .shipped = $0 { true } else { false } }.count
    }

    /// The parcels that did not ship, in run order, with why in words.
    public var notShipped: [(id: ShipmentID, why: String)] {
        shipments.compactMap { id in
            switch outcomes[id] {
            case .shipped: nil
            case .refused(let reason): (id, "refused: \(reason)")
            case .skipped(let reason?): (id, "skipped after: \(reason)")
            case .skipped(nil): (id, "skipped")
            case nil: (id, "not scanned: the run was stopped")
            }
        }
    }

    /// A scan's result: a shipped parcel moves the run on, a refused one stays current.
    mutating func record(_ trackingNumber: String, refusal: String?) {
        if let refusal {
            outcomes[current] = .refused(refusal)
        } else {
            outcomes[current] = .shipped(trackingNumber: trackingNumber)
            moveOn()
        }
    }

    /// Tab: leave the current parcel as it is and go on to the next.
    mutating func skip() {
        let refusal: String? = if case .refused(let reason) = outcomes[current] { reason } else { nil }
        outcomes[current] = .skipped(after: refusal)
        moveOn()
    }

    private mutating func moveOn() {
        if index + 1 < shipments.count { index += 1 } else { isFinished = true }
    }

    /// The closing sentence: how many shipped, and whether some did not.
    var summary: String {
        let left = notShipped.count
        return "shipped \(shippedCount) of \(shipments.count) with \(carrier.label)"
            + (left == 0 ? "" : " · \(left) not shipped, listed above")
    }

    /// The summary for the status bar: a warning when some parcels did not ship.
    var summaryMessage: StatusMessage { StatusMessage(notShipped.isEmpty ? .success : .warning, summary) }
}

extension UIState {
    /// When a scan's outcome comes back to `update`: records what happened on the run in the prompt, and says it.
    mutating func recordScan(_ dispatch: ShipmentDispatch, shipped: Bool) {
        guard case .seeding(.tracking(var run))? = prompt?.purpose, run.current == dispatch.shipmentID else { return }
        let refusal = shipped ? nil : (message?.text ?? "refused")
        run.record(dispatch.trackingNumber, refusal: refusal)
        prompt = Prompt(.seeding(.tracking(run)))
        if run.isFinished {
            message = run.summaryMessage
        } else if let refusal {
            message = StatusMessage(.error, "\(refusal) · scan it again, or Tab skips it")
        }
    }
}
