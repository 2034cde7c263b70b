import ChorusCore

/// The Payouts view over the Ledger: its own list of runs, and its keys (`m`, `R`), which
/// their bindings in the key map name.
enum PayoutsUpdate {
    /// The movement keys, Enter and Esc over the view's runs; false passes the key on to the
    /// Ledger's bindings.
    static func navigate(_ action: Action, _ view: PayoutsView, _ state: inout UIState, workspace: Workspace) -> Bool {
        var view = view
        let runs = PayoutsView.runs(workspace)
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            guard view.run == nil, !runs.isEmpty else { return true }
            let step = action == .moveDown || action == .pageDown || action == .halfPageDown ? 1 : -1
            view.cursor = action == .top ? 0 : action == .bottom ? runs.count - 1 : min(max(0, view.cursor + step), runs.count - 1)
        case .openDetail:
            guard view.run == nil, let run = runs[safe: view.cursor] else { return true }
            view.run = run.number
        case .back:
            guard view.run != nil else {
                state.overlay = nil
                return true
            }
            view.run = nil
        default:
            return false
        }
        state.overlay = .payouts(view)
        return true
    }

    /// `m` in the Payouts view: the selected run paid today.
    static func markPaid(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        guard case .payouts(let view)? = state.overlay else { return onlyInPayouts(&state) }
        guard let run = view.selectedRun(context.workspace) else { return noRun(&state) }
        guard let today = context.ledger?.today ?? context.today else { return [] }
        return [.command(.markPayoutRunPaid(number: run.number, on: today), .plain)]
    }

    /// `R` in the Payouts view: asks for the processor's report on the selected run.
    static func reconcile(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        guard case .payouts(let view)? = state.overlay else { return onlyInPayouts(&state) }
        guard let run = view.selectedRun(context.workspace) else { return noRun(&state) }
        state.prompt = Prompt(.reconcilePayouts(run: run.number))
        return []
    }

    private static func onlyInPayouts(_ state: inout UIState) -> [Effect] {
        state.message = StatusMessage(.info, "that works in the Payouts view (p)")
        return []
    }

    /// The reconcile prompt's Enter: the file's path goes to the session to read.
    static func submit(run: Int, _ prompt: Prompt, _ state: inout UIState) -> [Effect] {
        let path = prompt.text.trimmingSpaces
        guard !path.isEmpty else {
            state.prompt = prompt
            state.message = StatusMessage(.warning, "give the path of PayPal's payout items report or Wise's batch result")
            return []
        }
        return [.readPaymentResults(run: run, path: path)]
    }

    static func promptLine(_ run: Int) -> PromptLine {
        PromptLine(" Reconcile payout run \(run) from PayPal's or Wise's report — file: ", "   Enter reads it · Esc cancels")
    }

    private static func noRun(_ state: inout UIState) -> [Effect] {
        state.message = StatusMessage(.info, "no payout run yet; $ creates one")
        return []
    }
}
