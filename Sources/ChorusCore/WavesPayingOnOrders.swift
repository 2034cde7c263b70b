/// The waves that pay anything orders decide, through their plan or a creator's own (see
/// `Workspace.wavesPayingOnOrders`), kept per revision by `DerivedFigures`: the budget line asks
/// on every key press whether it needs the ledger.
///
/// The enrollments with plans of their own are moved on by the enrollments each change
/// replaced (`ChangeLog`), not found again among a million after every stage change
/// (5–20 ms of the key press that made it).
struct WavesPayingOnOrders {
    private var revision: Int?
    /// The enrollments whose creator has a plan of their own that pays on orders.
    private var ownPlans = Set<EnrollmentKey>()
    private(set) var withOwnPlans = Set<WaveID>()
    private(set) var all = Set<WaveID>()

    /// Brought to `revision`; `replaced` says what changed since an earlier one (nil: not
    /// known one by one, so every enrollment is looked at again). False when it already was.
    mutating func update(to revision: Int, in workspace: Workspace, replaced: (Int) -> EnrollmentsReplaced?) -> Bool {
        guard revision != self.revision else { return false }
        if let known = self.revision, let changed = replaced(known) {
            for key in changed.keys {
                if workspace.enrollments[key: key]?.incentiveOverride?.paysOnOrders == true { ownPlans.insert(key) } else { ownPlans.remove(key) }
            }
        } else {
            ownPlans = workspace.enrollmentsWithOwnPlansPayingOnOrders
        }
        self.revision = revision
        withOwnPlans = Set(ownPlans.lazy.map(\.waveID))
        all = workspace.wavesPayingOnOrders(withOwnPlans: withOwnPlans)
        return true
    }
}
