extension KeyMap {
    /// The sourcing view's key: the Pipeline's list switches to creators in no wave, ranked by
    /// fit, where the Pipeline's own keys (/, Space, i, s, Enter) filter, mark, invite and explain.
    static let sourcingBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("R")], action: .toggleSourcing, scope: .pipeline,
                   help: "recruit: creators in no wave, best fit first", command: "recruit") { PipelineKeys.toggleSourcing(&$0, $1) },
    ]
}
