import ChorusCore

/// Which derived figures what is on screen needs, so they are asked for (`Effect.derive`)
/// before the frame is drawn, and drawing only reads them.
enum DerivedNeeds {
    static func shown(_ state: UIState, context: UpdateContext) -> Set<DerivedNeed> {
        let workspace = context.workspace
        // The Pipeline's fit scores, whose rows are kept current in every pane.
        var needs: Set<DerivedNeed> = [.categoriesBought]
        let layout = Layout(size: state.size)
        guard !layout.isTooSmall else { return needs }
        // The creator detail: the Pipeline's side panel on a wide terminal, or the Enter overlay.
        if case .creatorDetail? = state.overlay { needs.insert(.attribution) }
        if state.pane == .pipeline, layout.sidePanel != nil { needs.insert(.attribution) }
        if case .surveyAnswers? = state.overlay { needs.insert(.ambiguousAnswers) }
        switch state.pane {
        case .leaderboard:
            needs.insert(.ledger)
        case .ledger:
            needs.formUnion([.ledger, .payoutBalances])
        case .waves:
            needs.insert(.ledger)
            if state.waves.view != .brief, let wave = WavesPane.shown(workspace, filter: state.waves.filter)[safe: state.waves.cursor] {
                needs.insert(.overview(wave.id, state.waves.cohortDimension))
            }
        case .pipeline, .seeding:
            if budgetLineNeedsLedger(state, workspace: workspace, paying: context.wavesPayingOnOrders) { needs.insert(.ledger) }
        case .approvals, .library:
            break
        }
        return needs
    }

    /// The budget line shows commission from the ledger when the wave pays on orders. For a
    /// small program it is derived at once; for a big one (a 100 000-creator wave takes a third
    /// of a second) a stage move must not wait for it, so only a ledger already had is used and
    /// the line says "commission pending…" meanwhile.
    static func budgetLineNeedsLedger(_ state: UIState, workspace: Workspace, paying: Set<WaveID>) -> Bool {
        waveDependsOnOrders(state, paying: paying) && isSmall(workspace)
    }

    /// Whether the working wave pays on orders (commission, bonus tiers); a gifting wave's
    /// budget is whole without the ledger. `paying` is `DerivedFigures.wavesPayingOnOrders`.
    static func waveDependsOnOrders(_ state: UIState, paying: Set<WaveID>) -> Bool {
        state.pipeline.waveID.map(paying.contains) ?? false
    }

    /// Whether the ledger is derived on the key path rather than on another thread.
    static func isSmall(_ workspace: Workspace) -> Bool {
        workspace.enrollments.count <= WaveBudgetLine.ledgerOnTheKeyPath && workspace.orders.count <= DerivedFigures.backgroundThreshold
    }
}
