import ChorusCore

/// A key while a form is open: the form edits itself; save reads it into one command (sent
/// with `.save`, so a refusal comes back next to its field), Esc closes it with nothing sent.
func updateForm(_ state: inout UIState, key: Key, context: UpdateContext) -> [Effect] {
    guard var open = state.form else { return [] }
    switch open.form.press(key) {
    case .editing:
        state.form = open
    case .cancel where open.form.isEdited:
        state.prompt = Prompt(.confirm(.discardForm(open.form.title)))
    case .cancel:
        state.form = nil
        state.message = StatusMessage(.info, "cancelled; nothing changed")
    case .save:
        let outcome = open.save(in: context.workspace)
        state.form = open
        switch outcome {
        case .send(.updateWave(let wave)) where wave.status == .closed && context.workspace.wave(wave.id)?.status != .closed:
            let (pending, inTransit) = context.workspace.openWork(in: wave.id)
            guard pending + inTransit > 0 else { return [.save(.updateWave(wave))] }
            state.prompt = Prompt(.confirm(.closeWave(wave, saving: .updateWave(wave), pendingDrafts: pending, parcelsInTransit: inTransit)))
        case .send(let command): return [.save(command)]
        case .unchanged:
            state.form = nil
            state.message = StatusMessage(.info, "nothing changed")
        case .fix: break
        }
    }
    return []
}
