import ChorusCore

/// Keeps the panes' rows in step with the state and the workspace after every event, keyed by
/// the positions the owner of derived figures (`DerivedFigures`) says the workspace is at.
extension Console {
    /// The ledger as the owner has it for the workspace now.
    var ledgerStatus: Derived<Ledger> {
        guard today != nil else { return .loadingOrders }
        return session.derived.ledger
    }

    /// The overview and cohorts of the wave under the cursor, while the Waves pane shows them.
    var overviewStatus: Derived<OverviewFigures> {
        guard state.pane == .waves, state.waves.view != .brief,
              let wave = WavesPane.shown(session.workspace, filter: state.waves.filter)[safe: state.waves.cursor] else { return .computing }
        return session.derived.overview(of: wave.id, by: state.waves.cohortDimension)
    }

    func rememberCursors() {
        anchors.remember(state, pipeline: table, workspace: session.workspace, seeding: seedingTable, approvals: approvalsTable,
                         library: libraryTable, leaderboard: leaderboardTable, ledger: ledgerTable)
    }

    /// Brings the derived tables up to date. The other panes' tables only while they are shown
    /// (or `everyPane`, once when the console opens, so a first visit is instant): a stage move on
    /// a big wave should not also re-read its parcels, re-check every draft or re-read the library.
    func refresh(everyPane: Bool = false) {
        let derived = session.derived
        let revision = derived.revision
        table.refresh(session.workspace, generation: revision, creatorsGeneration: derived.creatorsRevision, state: state.pipeline, today: today,
                      categoriesBought: derived.categoriesBought)
        anchors.findPipeline(in: table, workspace: session.workspace, cursor: &state.pipeline.cursor)
        state.pipeline.keepCursorVisible(rows: table.count, page: PipelinePane.tableRows(at: state.size))
        if everyPane || state.pane == .seeding {
            seedingTable.refresh(session.workspace, generation: revision, wave: state.pipeline.waveID, state: state.seeding, today: today)
            anchors.findSeeding(in: seedingTable, cursor: &state.seeding.cursor)
            state.seeding.keepCursorVisible(rows: seedingTable.count, page: SeedingPane.tableRows(at: state.size))
        }
        if everyPane || state.pane == .approvals {
            approvalsTable.refresh(session.workspace, generation: revision, state: state.approvals, today: today)
            anchors.findApprovals(in: approvalsTable, cursor: &state.approvals.cursor)
            state.approvals.keepCursorVisible(rows: approvalsTable.count, page: ApprovalsPane.tableRows(at: state.size))
            if state.overlay == .submissionDetail, approvalsTable.count == 0, state.approvals.decidedElsewhere == nil { state.overlay = nil }
        }
        if everyPane || state.pane == .library {
            libraryTable.refresh(session.workspace, generation: revision, state: state.library, today: today)
            anchors.findLibrary(in: libraryTable, cursor: &state.library.cursor)
            state.library.keepCursorVisible(rows: libraryTable.count, page: LibraryPane.tableRows(at: state.size))
        }
        trends.note(generation: revision)
        tallies.note(generation: revision)
        if everyPane || state.pane == .seeding || state.pane == .pipeline {
            // The ledger only if the owner has it for this position: the budget line never derives it.
            let ledger = DerivedNeeds.waveDependsOnOrders(state, workspace: session.workspace) ? derived.ledger.value : nil
            budgetLine.refresh(session.workspace, generation: revision, wave: state.pipeline.waveID, ledger: ledger)
        }
        if state.pane == .leaderboard, let built = ledgerStatus.value {
            leaderboardTable.refresh(built, generation: revision, wave: LeaderboardUpdate.wave(state), state: state.leaderboard,
                                     workspace: session.workspace)
            anchors.findLeaderboard(in: leaderboardTable, cursor: &state.leaderboard.cursor)
            state.leaderboard.keepCursorVisible(rows: leaderboardTable.count, page: LeaderboardPane.tableRows(at: state.size))
        }
        if state.pane == .ledger, let built = ledgerStatus.value {
            ledgerTable.refresh(built, generation: revision, state: state.ledger, workspace: session.workspace)
            anchors.findLedger(in: ledgerTable, cursor: &state.ledger.cursor)
            state.ledger.keepCursorVisible(rows: ledgerTable.count, page: LedgerPane.tableRows(at: state.size))
        }
    }
}
