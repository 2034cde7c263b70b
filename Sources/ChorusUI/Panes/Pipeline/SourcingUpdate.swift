import ChorusCore

/// What the sourcing view does on its own: inviting creators who are in no wave yet.
enum SourcingUpdate {
    /// Invites `ids` into `wave` as one change, which moves them into its pipeline. Customers
    /// without marketing consent are refused by name before anything is sent, and the marks
    /// stay so the coordinator can unmark them; the domain refuses them too.
    static func invite(_ ids: [CreatorID], to wave: WaveID, _ state: inout UIState, workspace: Workspace) -> [Effect] {
        let leads = ids.compactMap(workspace.creator).filter(\.isLead)
        guard leads.isEmpty else {
            let names = leads.prefix(3).map { "\($0.name) (\($0.reference))" }.joined(separator: ", ") + (leads.count > 3 ? " and \(leads.count - 3) more" : "")
            state.message = StatusMessage(.warning, "\(names) \(leads.count == 1 ? "is a lead" : "are leads") with no handle yet: m drafts apply, e adds a handle")
            return []
        }
        let refused = ids.compactMap(workspace.creator).filter { !$0.isContactable }
        guard refused.isEmpty else {
            state.message = StatusMessage(.warning, Creator.refusalToInvite(refused))
            return []
        }
        state.pipeline.marks = []
        return [.command(.enroll(creators: ids, wave: wave, stage: .invited), .plain)]
    }
}
