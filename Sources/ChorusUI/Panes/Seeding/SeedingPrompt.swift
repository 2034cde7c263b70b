import ChorusCore

/// The Seeding pane's prompts. Shipping at volume is a run: the carrier is asked once, then
/// one tracking number per parcel, each applied on Enter, so a barcode scanner (which types
/// the number and Enter) ships parcel after parcel with no other key.
public enum SeedingPrompt: Hashable, Sendable {
    /// Which carrier takes these parcels; Tab offers the next one.
    case carrier([ShipmentID])
    /// Waiting for the tracking number of the run's current parcel; once the run is finished, its summary.
    case tracking(ShippingRun)
    /// What went wrong with these parcels (Tab cycles the kind) and a note.
    case exception([ShipmentID], kind: ShipmentException.Kind)
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
        state.message = run.isFinished ? run.summaryMessage : nil
        return true
    }

    /// Enter: the commands to send, and the prompt that stays open (the run's next parcel).
    func submit(_ text: String, _ state: inout UIState, workspace: Workspace) -> [Effect] {
        let text = text.trimmingSpaces
        switch self {
        case .carrier(let ids):
            guard let carrier = Carrier(named: text) else {
                state.prompt = Prompt(.seeding(self), text: text)
                state.message = StatusMessage(.warning, "carrier: one of \(Carrier.allCases.map(\.label).joined(separator: ", ")) (got \(text.isEmpty ? "nothing" : text))")
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
            return [.command(.flagException(shipments: ids, kind: kind, note: text), .plain)]
        }
    }

    /// The status-bar line while this prompt is open.
    func line(workspace: Workspace) -> PromptLine {
        switch self {
        case .carrier(let ids):
            return PromptLine(" Ship \(ids.count == 1 ? "1 parcel" : "\(ids.count) parcels") with carrier: ", "   Tab next carrier · Enter · Esc cancels")
        case .tracking(let run) where run.isFinished:
            return PromptLine(" Done: shipped \(run.shippedCount) of \(run.shipments.count)", "   Enter or Esc closes")
        case .tracking(let run):
            let who = workspace.shipment(run.current).flatMap { workspace.creator($0.creatorID) }.map { "@" + $0.handle } ?? ""
            return PromptLine(" \(run.index + 1)/\(run.shipments.count) \(run.current) \(who) \(run.carrier.label) tracking: ", "   Enter ships · Tab skips · Esc stops")
        case .exception(let ids, let kind):
            return PromptLine(" Exception (\(kind.label), Tab changes) for \(ids.count == 1 ? "1 parcel" : "\(ids.count) parcels") — note: ", "   Enter flags · Esc cancels")
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
