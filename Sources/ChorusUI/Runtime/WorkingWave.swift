import ChorusCore

/// The wave the Pipeline and Seeding work in (`state.pipeline.waveID`): chosen at open, changed
/// with `w`, `:wave` or Enter in the Waves pane, and kept pointing at a wave that exists.
enum WorkingWave {
    /// The wave people are most likely working in: live, else recruiting, else the first.
    static func starting(_ workspace: Workspace) -> WaveID? {
        let byStatus = { (status: WaveStatus) in workspace.waves.first { $0.status == status }?.id }
        return byStatus(.live) ?? byStatus(.recruiting) ?? workspace.waves.first?.id
    }

    /// After a change (the person's own or a colleague's): a program's first wave is the one
    /// worked in from then on, and a wave that is gone (its creation undone) gives way to one
    /// that is there, or to none. Until then the Pipeline and Seeding had no wave to show.
    static func keepOne(_ state: inout UIState, workspace: Workspace) {
        guard state.pipeline.waveID.flatMap(workspace.wave) == nil else { return }
        let next = starting(workspace)
        guard next != state.pipeline.waveID else { return }
        state.pipeline.waveID = next
        state.pipeline.marks = []
        state.pipeline.list.startOver()
    }
}
