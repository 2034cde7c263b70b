/// Drafts the workspace has recorded but whose files may be missing: `chorus outbox build
/// --write` records the drafts first and writes the files after, so that a refusal leaves no
/// file the workspace does not know about; when the writing then fails, running the build
/// again writes the same files from what was recorded.
extension Workspace {
    /// The unsent drafts of `kind` in the wave recorded on `day`, one plan per time they were
    /// recorded (each build records all of its drafts at one time), oldest first; only
    /// `creators` when given.
    public func recordedDrafts(_ kind: MessageKind, wave waveID: WaveID, creators: [CreatorID]? = nil,
                               on day: Day) -> [(draftedAt: Timestamp, plan: OutboxPlan)] {
        let chosen = creators.map(Set.init)
        var recorded: [(CreatorID, Correspondence)] = enrollments.filter { $0.waveID == waveID }.compactMap { enrollment in
            enrollment.correspondence.last { $0.kind == kind }.map { (enrollment.creatorID, $0) }
        }
        if kind == .apply { recorded += leads.compactMap { lead in lead.invitationToApply.map { (lead.id, $0) } } }
        let unsent = recorded.filter { $0.1.kind == kind && $0.1.sentAt == nil && $0.1.draftedAt.day == day && chosen?.contains($0.0) != false }
        return Dictionary(grouping: unsent, by: \.1.draftedAt).sorted { $0.key < $1.key }.map { draftedAt, drafts in
            (draftedAt, OutboxPlan(kind: kind, waveID: waveID, recipients: drafts.map(\.0), skipped: [], refused: []))
        }
    }
}
