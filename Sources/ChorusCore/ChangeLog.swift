/// Which rows of one kind each recent revision of the workspace touched and what each was
/// before, as far as known, so what is derived from a million of them moves on by what changed:
/// the Pipeline moves the rows a stage change touched instead of rebuilding a wave of 900 000
/// creators (a quarter of a second) after every `>`, re-keys the one creator an edit changed
/// instead of scoring, ranking and folding a million again (seconds), and the budget line adds
/// the fees that changed instead of adding up every creator's again.
///
/// What a command touched is read from its undo (`AppliedCommand.replaced`): every write goes
/// through `ChangeRecorder`, which keeps each row it changed or removed as it was, and names
/// each it created, so nothing a command does on the side (a parcel shipped moving its creator
/// to seeded) can be missed. A revision whose changes are not known one by one (a colleague's
/// snapshot, an import applied without undo) answers "unknown", and what was derived is
/// derived again.
struct ChangeLog<Entity: WorkspaceEntity> {
    /// Revisions remembered; a reader further behind derives again.
    static var depth: Int { 256 }
    /// A change replacing more rows than this is noted as not known one by one: what is derived
    /// from them is derived again, faster than moving that many one by one, and the log does
    /// not hold a copy of a whole wave's enrollments.
    static var mostReplaced: Int { 20_000 }

    /// Oldest first; nil means not known one by one.
    private var entries: [(revision: Int, replaced: Replaced<Entity>?)] = []

    mutating func note(_ revision: Int, replaced: Replaced<Entity>?) {
        if entries.count == Self.depth { entries.removeFirst(Self.depth / 2) }
        entries.append((revision, replaced))
    }

    /// Every row touched after `revision` up to `current`, each as it was at `revision`; nil
    /// when any step between is unknown or forgotten.
    func replaced(after revision: Int, upTo current: Int) -> Replaced<Entity>? {
        guard revision <= current else { return nil }
        guard revision < current else { return [:] }
        guard let first = entries.firstIndex(where: { $0.revision > revision }), entries[first].revision == revision + 1 else { return nil }
        var replaced = Replaced<Entity>()
        var expected = revision + 1
        for entry in entries[first...] where entry.revision <= current {
            guard entry.revision == expected, let step = entry.replaced else { return nil }
            replaced.merge(step) { earlier, _ in earlier }  // as it was before the first of them
            expected += 1
        }
        return expected == current + 1 ? replaced : nil
    }
}

extension Workspace {
    /// Where the creators `edited` are now, when each was there before and still is (edits
    /// only, none added or removed), and there are at most `most` of them; nil otherwise. What
    /// is derived per creator position can then take in just those positions.
    public func positions(ofEdited edited: CreatorsReplaced?, most: Int) -> [Int]? {
        guard let edited, edited.count <= most else { return nil }
        var positions: [Int] = []
        positions.reserveCapacity(edited.count)
        for (id, prior) in edited {
            guard prior != nil, let position = creatorPosition(id) else { return nil }
            positions.append(position)
        }
        return positions
    }
}

/// Rows of one kind touched by a change, each as it was before (nil: it did not exist yet).
public typealias Replaced<Entity: WorkspaceEntity> = [Entity.Key: Entity?]
public typealias EnrollmentsReplaced = Replaced<Enrollment>
public typealias CreatorsReplaced = Replaced<Creator>

extension AppliedCommand {
    /// The rows of `kind` this command changed, created or removed, each as it was before, as
    /// its undo keeps them; nil when its undo is incomplete (an import applied without one) or
    /// is not a restore.
    func replaced<Entity: WorkspaceEntity>(_ kind: Entity.Type) -> Replaced<Entity>? {
        guard isUndoable, case .restore(let point, _) = undo else { return nil }
        let (priors, created) = (point[keyPath: Entity.priors], point.remove[keyPath: Entity.removals])
        guard priors.count + created.count <= ChangeLog<Entity>.mostReplaced else { return nil }
        var replaced = Replaced<Entity>(minimumCapacity: priors.count + created.count)
        for prior in priors where replaced[prior.tableKey] == nil { replaced[prior.tableKey] = .some(prior) }  // the first is the one before
        for key in created { replaced[key] = .some(nil) }
        return replaced
    }
}
