/// Everything a person can ask the console to do. Keys and palette commands both map to an
/// action, so a key and its `:` command can never do different things.
public enum Action: Hashable, Sendable {
    case showPane(Pane), nextPane, previousPane
    case moveDown, moveUp, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp
    case filter, toggleMark, openDetail, back
    case help, palette, undo, redo, switchTheme, quit
    /// Who changed what, and when: the workspace's history, over any pane.
    case showHistory
    case advanceStage, revertStage, invite, drop, cycleSort, nextWave, seed, copyWave
    /// Palette-only: `:codes …` and `:slug …` carry their value (see `CommandPalette`).
    case makeCodes, editSlug
    case pack, ship, deliver, flagException, cancelShipments, cycleShipmentFilter, editShipment
    case resolveException
    case newWave, editWave
    /// The Waves pane's brief panel, when it is taller than the room under the list.
    case scrollDetailDown, scrollDetailUp
    case approveSubmissions, requestChanges, rejectSubmissions, approveWithOverride, recordResubmission, cycleInboxView
    case editRights, addTags, removeTags, usableFor, cycleRightsFilter
    case toggleSourcing
    case promote, createPayoutRun
    case showPayouts, markPayoutRunPaid, reconcilePayoutRun
    case copyRow, openLink
    case cycleWavesView, cycleCohortGrouping
    case reverseSort
    case editCreator
    case showSurveyAnswers
    /// Palette-only, in any pane: `:stock SKU +20 reason`.
    case adjustStock
    /// The outbox (`m`), the Pipeline's late filter (`L`) and `:due +7d` on marked rows.
    case draftMessages, toggleLate, setDueDate
}
