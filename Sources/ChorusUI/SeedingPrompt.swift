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
/// the run moves on, so one bad label never stalls a table of boxes.
public struct ShippingRun: Hashable, Sendable {
    public var shipments: [ShipmentID]
    public var index = 0
    public var carrier: Carrier

    public init(shipments: [ShipmentID], carrier: Carrier) {
        self.shipments = shipments
        self.carrier = carrier
    }

    public var current: ShipmentID { shipments[index] }
    /// The run after this parcel, or nil when it was the last.
    var advanced: ShippingRun? {
        guard index + 1 < shipments.count else { return nil }
        var next = self
        next.index += 1
        return next
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
                state.message = StatusMessage(.warning, "scan or type the tracking number; Esc stops")
                return []
            }
            state.prompt = run.advanced.map { Prompt(.seeding(.tracking($0))) }
            return [.perform(.markShipped([ShipmentDispatch(shipmentID: run.current, carrier: run.carrier, trackingNumber: text)]))]
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
    func line(workspace: Workspace) -> PromptLine {
        switch self {
        case .carrier(let ids):
            return PromptLine(" Ship \(ids.count == 1 ? "1 parcel" : "\(ids.count) parcels") with carrier: ", "   Tab next carrier · Enter · Esc cancels")
        case .tracking(let run):
            let who = workspace.shipment(run.current).flatMap { workspace.creator($0.creatorID) }.map { "@" + $0.handle } ?? ""
            return PromptLine(" \(run.index + 1)/\(run.shipments.count) \(run.current) \(who) \(run.carrier.label) tracking: ", "   Enter ships · Esc stops")
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
