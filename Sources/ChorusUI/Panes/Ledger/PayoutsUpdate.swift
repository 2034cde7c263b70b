import ChorusCore

/// The Payouts view's answer to the list keys while it is open over the Ledger; nil passes the
/// action on to the Ledger. Its own keys (`m`, `R`) carry their handlers in the key map.
enum PayoutsUpdate {
    static func perform(_ action: Action, _ view: PayoutsView, _ state: inout UIState, context: UpdateContext) -> [Effect]? {
        var view = view
        let runs = PayoutsView.runs(context.workspace)
        switch action {
        case .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            guard view.run == nil, !runs.isEmpty else { return [] }
            let step = action == .moveDown || action == .pageDown || action == .halfPageDown ? 1 : -1
            view.cursor = action == .top ? 0 : action == .bottom ? runs.count - 1 : min(max(0, view.cursor + step), runs.count - 1)
        case .openDetail:
            guard view.run == nil, let run = runs[safe: view.cursor] else { return [] }
            view.run = run.number
        case .back:
            guard state.prompt == nil else { return nil }
            guard view.run != nil else {
                state.overlay = nil
                return []
            }
            view.run = nil
        default:
            return nil
        }
        state.overlay = .payouts(view)
        return []
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
