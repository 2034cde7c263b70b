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
        for pane in Pane.allCases { pane.kind.holdCursor(self) }
    }

    /// Brings the derived tables up to date, each only while its pane is shown (or `everyPane`,
    /// once when the console opens, so a first visit is instant): a stage move on a big wave
    /// should not also re-read its parcels, re-check every draft or re-read the library, and a
    /// parcel packed should not re-sort the Pipeline.
    func refresh(everyPane: Bool = false) {
        for pane in Pane.allCases where everyPane || state.pane == pane { pane.kind.refreshRows(self) }
    }

    /// The wave's budget line in the Pipeline's title bar and the Seeding pane's counts line.
    func refreshBudgetLine() {
        // The ledger only if the owner has it for this position: the budget line never derives it.
        let paying = session.derived.wavesPayingOnOrders(in: session.workspace)
        let ledger = DerivedNeeds.waveDependsOnOrders(state, paying: paying) ? session.derived.ledger.value : nil
        budgetLine.refresh(session.workspace, generation: session.derived.revision, wave: state.pipeline.waveID, ledger: ledger,
                           ownPlansPaying: session.derived.wavesWithOwnPlansPayingOnOrders(in: session.workspace),
                           replaced: session.derived.enrollmentsReplaced(since:),
                           ordersUnreadable: session.derived.orderHistoryProblem != nil)
    }
}
