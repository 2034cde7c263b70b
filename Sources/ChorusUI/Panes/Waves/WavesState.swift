import ChorusCore

/// The Waves pane's own state: the cursor over the program's waves, in the order they were
/// created (the order a program grows in), and the first visible row.
public struct WavesState: Hashable, Sendable, ListPaneState {
    /// Its filter: words that must each match a column of the list. Waves are not marked.
    public var list = ListState<WaveID>()
    /// What the panel under the list shows (`v` cycles).
    public var view: WavesView = .brief
    /// How the cohort view groups creators (`b` cycles).
    public var cohortDimension: Cohorts.Dimension = .tier
    /// How far the brief panel under the list is scrolled; each wave's starts at its top.
    public var detailScroll = 0

    public init() {}
}

/// The Waves pane's panel under the list: the wave's brief and plan, the program overview of
/// the wave under the cursor, or the program's cohorts.
public enum WavesView: CaseIterable, Hashable, Sendable {
    case brief, overview, cohorts

    /// What `v` shows next, as the title bar offers it.
    var title: String {
        switch self {
        case .brief: "brief"
        case .overview: "overview"
        case .cohorts: "cohorts"
        }
    }

    var next: WavesView { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
}
