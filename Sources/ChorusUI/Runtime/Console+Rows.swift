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
        // Each list holds the item under its cursor, from the rows as they are on screen, to find it again after the change.
        let workspace = session.workspace
        state.pipeline.list.hold(table.creatorID(at: state.pipeline.cursor, in: workspace))
        state.seeding.list.hold(seedingTable.id(at: state.seeding.cursor))
        state.approvals.list.hold(approvalsTable.id(at: state.approvals.cursor))
        state.library.list.hold(libraryTable.id(at: state.library.cursor))
        state.leaderboard.list.hold(leaderboardTable.entry(at: state.leaderboard.cursor)?.row.creatorID)
        state.ledger.list.hold(ledgerTable.key(at: state.ledger.cursor))
    }

    /// Brings the derived tables up to date, each only while its pane is shown (or `everyPane`,
    /// once when the console opens, so a first visit is instant): a stage move on a big wave
    /// should not also re-read its parcels, re-check every draft or re-read the library, and a
    /// parcel packed should not re-sort the Pipeline.
    func refresh(everyPane: Bool = false) {
        let derived = session.derived
        let revision = derived.revision
        if everyPane || state.pane == .pipeline {
            table.refresh(session.workspace, generation: revision, creatorsGeneration: derived.creatorsRevision, state: state.pipeline, today: today,
                          categoriesBought: derived.categoriesBought,
                          leadPurchases: state.pipeline.sourcing ? derived.leadPurchases(in: session.workspace) : [:])
            state.pipeline.list.settle(rows: table.count, page: PipelinePane.tableRows(at: state.size)) { [table, workspace = session.workspace] id in
                workspace.creatorPosition(id).flatMap { table.row(ofCreatorAt: $0) }
            }
        }
        if everyPane || state.pane == .seeding {
            seedingTable.refresh(session.workspace, generation: revision, wave: state.pipeline.waveID, state: state.seeding, today: today)
            state.seeding.list.settle(rows: seedingTable.count, page: SeedingPane.tableRows(at: state.size), rowOf: seedingTable.row(of:))
        }
        if everyPane || state.pane == .approvals {
            approvalsTable.refresh(session.workspace, generation: revision, state: state.approvals, today: today)
            state.approvals.list.settle(rows: approvalsTable.count, page: ApprovalsPane.tableRows(at: state.size), rowOf: approvalsTable.row(of:))
            if state.overlay == .submissionDetail, approvalsTable.count == 0, state.approvals.decidedElsewhere == nil { state.overlay = nil }
        }
        if everyPane || state.pane == .library {
            libraryTable.refresh(session.workspace, generation: revision, state: state.library, today: today)
            state.library.list.settle(rows: libraryTable.count, page: LibraryPane.tableRows(at: state.size), rowOf: libraryTable.row(of:))
        }
        trends.note(generation: revision)
        tallies.note(generation: revision)
        if everyPane || state.pane == .seeding || state.pane == .pipeline {
            // The ledger only if the owner has it for this position: the budget line never derives it.
            let paying = derived.wavesPayingOnOrders(in: session.workspace)
            let ledger = DerivedNeeds.waveDependsOnOrders(state, paying: paying) ? derived.ledger.value : nil
            budgetLine.refresh(session.workspace, generation: revision, wave: state.pipeline.waveID, ledger: ledger)
        }
        if state.pane == .leaderboard, let built = ledgerStatus.value {
            leaderboardTable.refresh(built, generation: revision, wave: LeaderboardUpdate.wave(state), state: state.leaderboard,
                                     workspace: session.workspace)
            state.leaderboard.list.settle(rows: leaderboardTable.count, page: LeaderboardPane.tableRows(at: state.size), rowOf: leaderboardTable.row(of:))
        }
        if state.pane == .ledger, let built = ledgerStatus.value {
            ledgerTable.refresh(built, generation: revision, state: state.ledger, workspace: session.workspace)
            state.ledger.list.settle(rows: ledgerTable.count, page: LedgerPane.tableRows(at: state.size), rowOf: ledgerTable.row(of:))
        }
    }
}
