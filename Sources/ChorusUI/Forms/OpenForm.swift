import ChorusCore

/// A form on screen and what it edits. The form itself is generic text fields; the purpose
/// knows how to turn them into the one command that saving sends, and which field a refusal
/// belongs next to.
public struct OpenForm: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// A new wave, starting from this copy (its id and slug are already free).
        case newWave(Wave)
        case editWave(WaveID)
        case editShipment(ShipmentID)
        case resolveException(ShipmentID)
        /// `today` anchors a new licence's start and `+90d` when there is no date to count from.
        case editRights(AssetID, today: Day)
        case editCreator(CreatorID)
    }

    /// What pressing save comes to.
    enum Save: Equatable {
        case send(Command)
        /// The fields read back to what is already there: nothing to send, nothing to undo.
        case unchanged
        /// A field does not read; its message says why and the form stays open.
        case fix
    }

    public var purpose: Purpose
    public var form: FormState

    init(_ purpose: Purpose, _ form: FormState) {
        self.purpose = purpose
        self.form = form
    }

    /// Reads the fields into the command to send, or puts messages next to the fields.
    mutating func save(in workspace: Workspace) -> Save {
        let currency = workspace.program.currency
        switch purpose {
        case .newWave(let base):
            guard var wave = WaveForm.wave(from: &form, base: base, currency: currency) else { return .fix }
            if wave.name != base.name { wave.slug = WaveForm.slug(for: wave.name, in: workspace) ?? base.slug }
            return .send(.createWave(wave))
        case .editWave(let id):
            guard let base = workspace.wave(id) else { return .unchanged }
            guard let wave = WaveForm.wave(from: &form, base: base, currency: currency) else { return .fix }
            return wave == base ? .unchanged : .send(.updateWave(wave))
        case .editShipment(let id):
            guard let shipment = workspace.shipment(id) else { return .unchanged }
            let command = ShipmentForm.command(form, for: shipment)
            return command == .editShipment(id, items: shipment.items, note: shipment.note) ? .unchanged : .send(command)
        case .resolveException(let id):
            guard let shipment = workspace.shipment(id) else { return .unchanged }
            let creator = workspace.creator(shipment.creatorID)
            return ResolveExceptionForm.command(from: &form, for: shipment, creator: creator).map { .send($0) } ?? .fix
        case .editRights(let id, let today):
            guard let asset = workspace.asset(id) else { return .unchanged }
            guard let rights = RightsForm.rights(from: &form, base: asset.rights, today: today) else { return .fix }
            return rights == asset.rights ? .unchanged : .send(.setUsageRights(asset: id, rights: rights))
        case .editCreator(let id):
            guard let base = workspace.creator(id) else { return .unchanged }
            guard let creator = CreatorForm.creator(from: &form, base: base) else { return .fix }
            return creator == base ? .unchanged : .send(.updateCreator(creator))
        }
    }

    /// Shows the domain's refusal next to the field it is about; the form stays open.
    mutating func refuse(_ refusal: String) {
        switch purpose {
        case .newWave, .editWave: form.refuse(WaveForm.field(for: refusal), refusal)
        case .editShipment: form.refuse(ShipmentForm.field(for: refusal), refusal)
        case .resolveException: form.refuse(ResolveExceptionForm.field(for: refusal), refusal)
        case .editRights: form.refuse(RightsForm.field(for: refusal).rawValue, refusal)
        case .editCreator: form.refuse(CreatorForm.field(for: refusal).rawValue, refusal)
        }
    }
}
