import ChorusCore

/// The Seeding pane's prompts. Shipping at volume is a run: the carrier is asked once, then
/// one tracking number per parcel, each applied on Enter, so a barcode scanner (which types
/// the number and Enter) ships parcel after parcel with no other key.
public enum SeedingPrompt: Hashable, Sendable {
    /// Which carrier takes these parcels; Tab offers the next one.
    case carrier([ShipmentID])
    /// Waiting for the tracking number of the run's current parcel.
    case tracking(ShippingRun)
    /// What went wrong with these parcels (Tab cycles the kind) and a note.
    case exception([ShipmentID], kind: ShipmentException.Kind)
}

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
        if case .refused(let reason) = outcomes[current] { outcomes[current] = .skipped(after: reason) } else { outcomes[current] = .skipped(after: nil) }
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
}

extension UIState {
    /// After the Console sent a scan: records what happened on the run in the prompt, and says it.
    mutating func recordScan(_ dispatch: ShipmentDispatch, shipped: Bool) {
        guard case .seeding(.tracking(var run))? = prompt?.purpose, run.current == dispatch.shipmentID else { return }
        let refusal = shipped ? nil : (message?.text ?? "refused")
        run.record(dispatch.trackingNumber, refusal: refusal)
        prompt = Prompt(.seeding(.tracking(run)))
        if run.isFinished {
            message = StatusMessage(run.notShipped.isEmpty ? .success : .warning, run.summary)
        } else if let refusal {
            message = StatusMessage(.error, "\(refusal) · scan it again, or Tab skips it")
        }
    }
}

extension SeedingPrompt {
    /// Tab: the next carrier, or the next kind of exception.
    func tabbed(_ text: String) -> (SeedingPrompt, String) {
        switch self {
        case .carrier:
            let current = Carrier(named: text) ?? .other
            let all = Carrier.allCases
            return (self, all[(all.firstIndex(of: current)! + 1) % all.count].label)
        case .exception(let ids, let kind):
            let all = ShipmentException.Kind.allCases
            return (.exception(ids, kind: all[(all.firstIndex(of: kind)! + 1) % all.count]), text)
        case .tracking:
            return (self, text)
        }
    }

    /// Keys a shipping run takes before the prompt's own editing: Tab skips the parcel, Esc
    /// stops the run and shows its summary, and the summary closes on Enter or Esc and takes
    /// nothing else, so a stray scan cannot reach the pane behind it. True when the key is used.
    func intercepts(_ key: Key, _ state: inout UIState) -> Bool {
        guard case .tracking(var run) = self else { return false }
        if run.isFinished {
            if key == .enter || key == .escape { state.prompt = nil } else { state.message = StatusMessage(.info, run.summary + " · Enter or Esc closes") }
            return true
        }
        switch key {
        case .tab:
            run.skip()
        case .escape:
            guard !run.outcomes.isEmpty else { return false }
            run.isFinished = true
        default:
            return false
        }
        state.prompt = Prompt(.seeding(.tracking(run)))
        state.message = run.isFinished ? StatusMessage(run.notShipped.isEmpty ? .success : .warning, run.summary) : nil
        return true
    }

    /// Enter: the commands to send, and the prompt that stays open (the run's next parcel).
    func submit(_ text: String, _ state: inout UIState, workspace: Workspace) -> [Effect] {
        let text = text.trimmingSpaces
        switch self {
        case .carrier(let ids):
            guard let carrier = Carrier(named: text) else {
                state.prompt = Prompt(.seeding(self), text: text)
                state.message = StatusMessage(.warning, "no carrier \"\(text)\"; Tab offers \(Carrier.allCases.map(\.label).joined(separator: ", "))")
                return []
            }
            state.seeding.lastCarrier = carrier
            state.prompt = Prompt(.seeding(.tracking(ShippingRun(shipments: ids, carrier: carrier))))
            return []
        case .tracking(let run):
            guard !text.isEmpty else {
                state.prompt = Prompt(.seeding(self))
                state.message = StatusMessage(.warning, "scan or type the tracking number; Tab skips this parcel · Esc stops")
                return []
            }
            // The parcel stays current until the Console reports the scan taken (`recordScan`).
            state.prompt = Prompt(.seeding(self))
            let who = workspace.shipment(run.current).flatMap { workspace.creator($0.creatorID) }.map { " @" + $0.handle } ?? ""
            return [.scan(ShipmentDispatch(shipmentID: run.current, carrier: run.carrier, trackingNumber: text),
                          summary: "shipped \(run.current)\(who) with \(run.carrier.label) \(text)")]
        case .exception(let ids, let kind):
            guard !text.isEmpty else {
                state.prompt = Prompt(.seeding(self))
                state.message = StatusMessage(.warning, "a note is required: what went wrong?")
                return []
            }
            return [.perform(.flagException(shipments: ids, kind: kind, note: text))]
        }
    }

    /// The status-bar line while this prompt is open.
    func line(_ text: String, workspace: Workspace) -> String {
        switch self {
        case .carrier(let ids):
            return " Ship \(ids.count == 1 ? "1 parcel" : "\(ids.count) parcels") with carrier: \(text)\(StatusBar.caret)   Tab next carrier · Enter · Esc cancels"
        case .tracking(let run) where run.isFinished:
            return " Done: shipped \(run.shippedCount) of \(run.shipments.count)   Enter or Esc closes"
        case .tracking(let run):
            let who = workspace.shipment(run.current).flatMap { workspace.creator($0.creatorID) }.map { "@" + $0.handle } ?? ""
            return " \(run.index + 1)/\(run.shipments.count) \(run.current) \(who) \(run.carrier.label) tracking: \(text)\(StatusBar.caret)"
                + "   Enter ships · Tab skips · Esc stops"
        case .exception(let ids, let kind):
            return " Exception (\(kind.label), Tab changes) for \(ids.count == 1 ? "1 parcel" : "\(ids.count) parcels") — note: \(text)\(StatusBar.caret)   Enter flags · Esc cancels"
        }
    }
}

extension ShipmentException.Kind {
    var label: String {
        switch self {
        case .addressProblem: "address problem"
        case .returned: "returned"
        case .lost: "lost"
        }
    }
}
