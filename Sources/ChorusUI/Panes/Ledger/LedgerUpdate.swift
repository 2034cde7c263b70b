import ChorusCore

/// The Ledger's answer to the list keys every pane shares: its rows, the wave, the filter and
/// the drill-down (its own keys carry their handlers in `KeyMap+Leaderboard`, see `LedgerKeys`;
/// the Payouts view over it answers its own list in `PayoutsUpdate`).
extension LedgerPane: SortedPane {
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int) {
        (context.ledgerTable.count, tableRows(at: state.size))
    }

    static func toggleMark(_ state: inout UIState, context: UpdateContext) {
        state.message = StatusMessage(.info, "Ledger rows are not marked: $ pays everything payable, Enter shows a row's orders and costs")
    }

    static func openDetail(_ state: inout UIState, context: UpdateContext) {
        guard let position = context.ledgerTable.position(at: state.ledger.cursor), let row = context.ledger?.rows[position] else { return }
        state.overlay = .ledgerDetail(row.creatorID, row.waveID)
    }

    static func backOut(_ state: inout UIState, context: UpdateContext) {
        if state.ledger.filter.isActive { state.ledger.filter = Filter() } else { state.ledger.wave = nil }
        state.ledger.list.startOver()
    }

    /// `w`: the next wave's rows, then every wave's.
    static func nextWave(_ state: inout UIState, context: UpdateContext) {
        let waves = context.workspace.waves.map(\.id)
        let index = waves.firstIndex { $0 == state.ledger.wave }.map { $0 + 1 } ?? 0
        state.ledger.wave = index < waves.count ? waves[index] : nil
        state.ledger.list.startOver()
        let name = state.ledger.wave.flatMap(context.workspace.wave)?.name
        state.message = StatusMessage(.info, name.map { "showing \($0)" } ?? "showing every wave")
    }

    static func reverseSort(_ state: inout UIState) {
        state.ledger.sortReversed.toggle()
        state.ledger.list.startOver()
        state.message = StatusMessage(.info, SortMark.message(state.ledger.sort.rawValue, reversed: state.ledger.sortReversed))
    }
}

/// What the Ledger's own keys do (`KeyMap+Leaderboard` names them); `m` and `R` are the
/// Payouts view's (`PayoutsUpdate`).
enum LedgerKeys {
    static func nextSort(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.ledger.sort = state.ledger.sort.next
        state.ledger.sortReversed = false
        state.ledger.list.startOver()
        state.message = StatusMessage(.info, "sorted by \(state.ledger.sort.rawValue)")
        return []
    }

    /// `$`: asks to create the next payout run, with the Payouts view open or not.
    static func createPayoutRun(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        guard let ledger = context.ledger else {
            state.message = StatusMessage(.warning, "the ledger is still being computed; try again in a moment")
            return []
        }
        guard !context.ordersLoading else {
            state.message = StatusMessage(.warning, "the order history is still loading (a run's items name orders); try again in a moment")
            return []
        }
        let run = Payouts.nextRun(context.workspace, ledger: ledger)
        guard !run.payments.isEmpty else {
            state.message = StatusMessage(.info, "nothing is payable and unpaid above the minimum payout today")
            return []
        }
        state.prompt = Prompt(.confirm(.payoutRun(run, workspace: context.workspace)))
        return []
    }

    /// `p`: opens the Payouts view, or closes it.
    static func showPayouts(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        if case .payouts? = state.overlay { state.overlay = nil } else { state.overlay = .payouts(PayoutsView()) }
        return []
    }
}
