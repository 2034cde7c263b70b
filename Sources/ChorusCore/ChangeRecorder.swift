/// Records prior values as a command changes the workspace. Every write in a command goes
/// through here, so no command can forget to make itself undoable.
struct ChangeRecorder {
    var workspace: Workspace
    private(set) var undo = RestorePoint()
    /// Per kind, the keys whose state before this change is already in `undo`.
    private var recorded: [ObjectIdentifier: AnyObject] = [:]
    /// Whether bulk order imports record what undo needs (see `Workspace.apply`).
    let keepingUndo: Bool
    /// Whether a bulk import changed orders without recording them.
    private(set) var changedUnrecorded = false
    /// Said after the command's summary but not part of what its undo is called: a warning about
    /// the result ("; it has no usage rights agreed in the brief") is not what an undo takes back.
    var aside = ""

    init(_ workspace: Workspace, keepingUndo: Bool = true) {
        self.workspace = workspace
        self.keepingUndo = keepingUndo
    }

    /// The keys recorded for one kind; a box per kind, because the kinds' key types differ.
    private final class RecordedKeys<Key: Hashable> {
        var keys = Set<Key>()
    }

    private mutating func recordedKeys<Entity: WorkspaceEntity>(_ kind: Entity.Type) -> RecordedKeys<Entity.Key> {
        if let box = recorded[ObjectIdentifier(kind)] { return unsafeDowncast(box, to: RecordedKeys<Entity.Key>.self) }
        let box = RecordedKeys<Entity.Key>()
        recorded[ObjectIdentifier(kind)] = box
        return box
    }

    mutating func put(_ program: Program) {
        if undo.program == nil { undo.program = workspace.program }
        workspace.setProgram(program)
    }

    /// Puts an entity, first recording what undo needs the first time this change touches it:
    /// its prior value, or that it is new. An entity this change added is removed by its undo,
    /// never put back as a prior version.
    mutating func put<Entity: WorkspaceEntity>(_ entity: Entity) {
        let key = entity.tableKey
        if !undo.remove[keyPath: Entity.removals].contains(key), recordedKeys(Entity.self).keys.insert(key).inserted {
            if let prior = workspace[keyPath: Entity.table][key: key] {
                if Entity.keepsPriorValues { undo[keyPath: Entity.priors].append(prior) }
            } else {
                undo.remove[keyPath: Entity.removals].insert(key)
            }
        }
        workspace.put(entity)
    }

    /// `put` for many orders at once, recording what undo needs with one lookup per order.
    mutating func put(orders: [Order]) -> (added: Int, updated: Int, unchanged: Int) {
        guard keepingUndo else {
            let counts = workspace.upsert(orders: orders, willReplace: { _ in }, willAdd: { _ in })
            changedUnrecorded = changedUnrecorded || counts.added + counts.updated > 0
            return counts
        }
        let recorded = recordedKeys(Order.self)
        var seen = Set<OrderID>(), priors: [Order] = [], added = Set<OrderID>()
        swap(&seen, &recorded.keys)
        swap(&added, &undo.remove.orders)
        seen.reserveCapacity(seen.count + orders.count)
        added.reserveCapacity(added.count + orders.count)
        defer {
            swap(&seen, &recorded.keys)
            swap(&added, &undo.remove.orders)
            undo.orders += priors
        }
        // `added` alone says an order is new to this change, sparing a second set insert per new order.
        return workspace.upsert(orders: orders,
                                willReplace: { prior in if !added.contains(prior.id), seen.insert(prior.id).inserted { priors.append(prior) } },
                                willAdd: { id in added.insert(id) })
    }

    /// Removes entities while keeping their current values, so the removal can be undone.
    mutating func removeRecording(_ keys: RemovalKeys) {
        guard !keys.isEmpty else { return }
        struct Keep: EntityKindVisitor {
            let workspace: Workspace, keys: RemovalKeys
            var undo: RestorePoint
            // Walk the tables, not the key sets, so a redo re-appends entities in their original order.
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) {
                let removing = keys[keyPath: Entity.removals]
                guard !removing.isEmpty else { return }
                undo[keyPath: Entity.priors] += workspace[keyPath: Entity.table].filter { removing.contains($0.tableKey) }
            }
        }
        do {  // `keep` shares the tables; it must be gone before they change, or they are copied
            var keep = Keep(workspace: workspace, keys: keys, undo: RestorePoint())
            swap(&undo, &keep.undo)
            EntityKinds.visitAll(&keep)
            swap(&undo, &keep.undo)
        }
        workspace.remove(keys)
    }

    /// Applies a restore point while recording the current values, so undo yields redo.
    mutating func restore(_ point: RestorePoint, label: String) -> String {
        if let program = point.program { put(program) }
        struct Restore: EntityKindVisitor {
            var recorder: ChangeRecorder
            let point: RestorePoint
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) { point[keyPath: Entity.priors].forEach { recorder.put($0) } }
        }
        var restore = Restore(recorder: ChangeRecorder(Workspace(program: workspace.program)), point: point)
        swap(&self, &restore.recorder)
        EntityKinds.visitAll(&restore)
        swap(&self, &restore.recorder)
        removeRecording(point.remove)
        return label
    }
}
