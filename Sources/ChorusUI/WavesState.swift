/// The Waves pane's own state: the cursor over the program's waves, in the order they were
/// created (the order a program grows in), and the first visible row.
public struct WavesState: Hashable, Sendable, ListPosition {
    public var cursor = 0
    public var scroll = 0
    /// How far the brief panel under the list is scrolled; each wave's starts at its top.
    public var detailScroll = 0
    /// `/`: words that must each match a column of the list.
    public var filter = Filter()

    public init() {}
}
