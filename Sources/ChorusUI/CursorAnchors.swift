import ChorusCore

/// The item under each pane's cursor when the workspace changes, found again once that pane's
/// rows are rebuilt: a change — a bulk advance that regroups the Pipeline, a pack that moves
/// parcels between statuses, a colleague's import — never leaves the cursor on another item, so
/// the next key acts on what the person was looking at. If the item left the list, the cursor
/// stays on the row that took its place. A pane not on screen keeps its anchor until it is next
/// rebuilt; a cursor moved meanwhile wins over the anchor.
struct CursorAnchors {
    private struct Anchor<ID: Hashable> {
        var id: ID
        /// The row the cursor was on; if it has moved since, the person moved it and it stays.
        var row: Int
    }

    private var pipeline: Anchor<CreatorID>?
    private var seeding: Anchor<ShipmentID>?
    private var approvals: Anchor<SubmissionID>?
    private var library: Anchor<AssetID>?
    private var leaderboard: Anchor<CreatorID>?
    private var ledger: Anchor<LedgerTable.RowKey>?

    /// Remembers what each cursor is on, from the rows as they are on screen before the change.
    /// An anchor not yet found again is kept: it names what the person last saw.
    mutating func remember(_ state: UIState, pipeline table: PipelineTable, workspace: Workspace, seeding: SeedingTable,
                           approvals: ApprovalsTable, library: LibraryTable, leaderboard: LeaderboardTable, ledger: LedgerTable) {
        func anchor<ID>(_ kept: Anchor<ID>?, _ id: ID?, _ row: Int) -> Anchor<ID>? { kept ?? id.map { Anchor(id: $0, row: row) } }
        self.pipeline = anchor(self.pipeline, table.creatorID(at: state.pipeline.cursor, in: workspace), state.pipeline.cursor)
        self.seeding = anchor(self.seeding, seeding.id(at: state.seeding.cursor), state.seeding.cursor)
        self.approvals = anchor(self.approvals, approvals.id(at: state.approvals.cursor), state.approvals.cursor)
        self.library = anchor(self.library, library.id(at: state.library.cursor), state.library.cursor)
        self.leaderboard = anchor(self.leaderboard, leaderboard.entry(at: state.leaderboard.cursor)?.row.creatorID, state.leaderboard.cursor)
        self.ledger = anchor(self.ledger, ledger.key(at: state.ledger.cursor), state.ledger.cursor)
    }

    mutating func findPipeline(in table: PipelineTable, workspace: Workspace, cursor: inout Int) {
        Self.find(&pipeline, &cursor) { id in workspace.creatorPosition(id).flatMap { table.row(ofCreatorAt: $0) } }
    }

    mutating func findSeeding(in table: SeedingTable, cursor: inout Int) { Self.find(&seeding, &cursor, table.row(of:)) }
    mutating func findApprovals(in table: ApprovalsTable, cursor: inout Int) { Self.find(&approvals, &cursor, table.row(of:)) }
    mutating func findLibrary(in table: LibraryTable, cursor: inout Int) { Self.find(&library, &cursor, table.row(of:)) }
    mutating func findLeaderboard(in table: LeaderboardTable, cursor: inout Int) { Self.find(&leaderboard, &cursor, table.row(of:)) }
    mutating func findLedger(in table: LedgerTable, cursor: inout Int) { Self.find(&ledger, &cursor, table.row(of:)) }

    /// Puts the cursor back on the anchored item, once, if the person has not moved it since.
    private static func find<ID>(_ anchor: inout Anchor<ID>?, _ cursor: inout Int, _ row: (ID) -> Int?) {
        guard let kept = anchor else { return }
        anchor = nil
        guard cursor == kept.row, let found = row(kept.id) else { return }
        cursor = found
    }
}
