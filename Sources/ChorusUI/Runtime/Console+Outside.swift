import ChorusCore

/// What reaches the console between key presses — derived figures finished on another thread,
/// colleagues' changes, the session's news — goes through `update` as events like a key does.
extension Console {
    /// Takes in work done in the background (a big program's attribution or ledger); true when
    /// the screen should be drawn again. The terminal calls this between key presses. Also where
    /// the other panes' tables are first built: once the first frame is on screen, while the
    /// person reads it, so opening is not slower and a first visit is instant.
    public func collectBackgroundWork() -> Bool {
        if hasDrawn, !otherPanesReady {
            otherPanesReady = true
            refresh(everyPane: true)
        }
        // The Pipeline's columns and search text for every creator only spare a later key its
        // wait there. On another pane, while the order history loads or figures are derived for
        // it, those figures are what the person waits for and they get both cores (Leaderboard
        // and Ledger after a cold open at 200k/3M 3–10 % sooner); the Pipeline is prepared once
        // they are in. Asked before taking in what finished, so a derivation that the figures
        // just taken in start next (the ledger after attribution) is waited for too. A visit
        // before then makes its columns as a visit always could. On the Pipeline they are made
        // at once, so figures that arrive later rescore them rather than make them.
        let waitedFor = session.derived.isAwaitingOrders || session.derived.isComputing
        if hasDrawn, state.pane == .pipeline || !waitedFor {
            table.prepareColumns(session.workspace, creatorsGeneration: session.derived.creatorsRevision)
            table.prepareSearch(session.workspace, creatorsGeneration: session.derived.creatorsRevision,
                                edited: session.derived.creatorsReplaced(since:))
            table.prepareEnrollmentCreators(session.workspace)
            table.prepareBigWaves(session.workspace, generation: session.derived.revision,
                                  creatorsGeneration: session.derived.creatorsRevision, shown: state.pipeline.waveID)
        }
        guard session.derived.collectFinished() else { return false }
        send(.derivedReady)
        return true
    }

    /// Takes in what colleagues did since the last call (the session has applied it and told
    /// the owner of derived figures): the news goes through `update` as an event and the tables
    /// are rebuilt from the new workspace. True when the screen should be drawn again. The
    /// terminal calls this between key presses, ten times a second.
    public func followColleagues() -> Bool {
        let open = state.overlay == .submissionDetail && state.approvals.decidedElsewhere == nil
            ? approvalsTable.id(at: state.approvals.cursor).flatMap(session.workspace.submission) : nil
        let changes = session.collectColleaguesWork()
        // Following stopped (a catch-up failed) or works again: the status bar says so while it lasts.
        let followingChanged = session.notFollowing != state.notFollowing
        if followingChanged { send(.notFollowing(session.notFollowing)) }
        guard !changes.isEmpty else {
            // Loading began, or ended having brought nothing to show.
            let loading = session.colleaguesWorkLoading
            guard loading != state.colleaguesWorkLoading else { return followingChanged }
            send(.colleaguesWorkLoading(loading))
            return true
        }
        if let open, let now = session.workspace.submission(open.id), now.status != open.status,
           let decided = DecidedElsewhere(now, today: today) {
            dispatch(.openDraftDecided(decided))
        }
        // The tables still show the rows as they were: each cursor's item is noted from them,
        // and found again in the new rows.
        rememberCursors()
        // What was kept pending goes first, so that its outcome is said with the colleagues'
        // news after it, rather than replacing the news unread.
        _ = performPendingCommands()
        send(.entriesArrived(changes))
        return true
    }

    /// Whether the console has work running in the background (benchmarks wait for it).
    public var isWorkingInBackground: Bool {
        session.derived.isComputing || table.isPreparingInBackground
            || (hasDrawn && table.columnsAwaitPreparation(creatorsGeneration: session.derived.creatorsRevision))
    }

    /// Shows news from the session's background work; the workspace may have changed with it.
    /// Whatever the person's own last key said (approved, refused, "showing exception parcels")
    /// stays on screen, with the news after it: a background load finishing must not wipe it unread.
    public func announce(_ news: String) {
        rememberCursors()
        send(.news(news))
    }

    /// A warning from outside the console (a settings file that could not be read): it stays
    /// up, with any background news after it, until the next key press.
    public func warn(_ text: String) {
        send(.warning(text))
    }

    /// Numbers that let tests prove a key press did not rebuild the table.
    var tableRebuilds: PipelineRows.Rebuilds { table.rebuilds }
    /// The Approvals pane's rows, so tests can name the draft under the cursor.
    var inbox: ApprovalsRows { approvalsTable }
    /// The other panes' rows, so tests can name the item under each cursor.
    var parcels: SeedingRows { seedingTable }
    var assets: LibraryRows { libraryTable }
    var rankings: LeaderboardRows { leaderboardTable }
    var ledgerRows: LedgerRows { ledgerTable }
    /// The same proof for the Library: search text folds and row rebuilds.
    var libraryRebuilds: (folds: Int, rows: Int) { libraryTable.rebuilds }
    /// How often the wave's budget line was derived, for the same kind of proof.
    var budgetLineComputes: Int { budgetLine.computes }
    /// How often the creator detail's attribution was computed, for the same kind of proof.
    var attributionComputes: Int { session.derived.computes.attribution }
}
