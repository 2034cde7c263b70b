/// Everything a person can ask the console to do. Keys and palette commands both map to an
/// action, so a key and its `:` command can never do different things.
public enum Action: Hashable, Sendable {
    case showPane(Pane), nextPane, previousPane
    case moveDown, moveUp, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp
    case filter, toggleMark, openDetail, back
    case help, palette, undo, redo, switchTheme, quit
    case advanceStage, revertStage, invite, drop, cycleSort, nextWave, seed, copyWave
    /// Palette-only: `:codes …` and `:slug …` carry their value (see `CommandPalette`).
    case makeCodes, editSlug
    case pack, ship, deliver, flagException, cancelShipments, cycleShipmentFilter, editShipment
    case newWave, editWave
    case approveSubmissions, requestChanges, rejectSubmissions, approveWithOverride, recordResubmission, cycleInboxView
    case editRights, addTags, removeTags, usableFor, cycleRightsFilter
    case toggleSourcing
    case promote, createPayoutRun
    case editCreator
    case showSurveyAnswers
    /// Palette-only, in any pane: `:stock SKU +20 reason`.
    case adjustStock
    /// The outbox (`m`), the Pipeline's late filter (`L`) and `:due +7d` on marked rows.
    case draftMessages, toggleLate, setDueDate
}
