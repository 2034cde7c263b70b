import ChorusCore

/// `y` copies what the cursor row is best known by, `o` (`O` in Approvals) opens a post or
/// draft link. Which text that is depends on the pane: a creator's handle, a parcel's
/// tracking number (its id before it ships), a draft's id, an asset's post URL (its id before
/// it is posted), a wave's id. The status bar always says what was copied, or why not.
enum CopyAndOpen {
    static func perform(_ action: Action, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        action == .openLink ? open(&state, context: context) : copy(&state, context: context)
    }

    private static func copy(_ state: inout UIState, context: UpdateContext) -> [Effect] {
        guard let (text, what) = copyable(state, context: context) else {
            state.message = StatusMessage(.info, "no row to copy")
            return []
        }
        state.message = StatusMessage(.success, "copied \(text) (\(what))")
        return [.copyToClipboard(text)]
    }

    /// The cursor row's text to copy, and what it is, in words.
    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        let workspace = context.workspace
        func handle(_ id: CreatorID?) -> (String, String)? {
            id.flatMap(workspace.creator).map { ("@" + $0.handle, "handle of \($0.name)") }
        }
        switch state.pane {
        case .pipeline:
            return handle(context.table.creatorID(at: state.pipeline.cursor, in: workspace))
        case .seeding:
            guard let shipment = context.seedingTable.id(at: state.seeding.cursor).flatMap(workspace.shipment) else { return nil }
            if let number = shipment.trackingNumber, !number.isEmpty { return (number, "tracking number of \(shipment.id)") }
            return (shipment.id.rawValue, "parcel id; it has no tracking number yet")
        case .approvals:
            return context.approvalsTable.id(at: state.approvals.cursor).map { ($0.rawValue, "draft id") }
        case .library:
            guard let asset = context.libraryTable.id(at: state.library.cursor).flatMap(workspace.asset) else { return nil }
            if let url = asset.postURL, !url.isEmpty { return (url, "post URL of \(asset.id)") }
            return (asset.id.rawValue, "asset id; it has no post URL yet")
        case .leaderboard:
            return handle(context.leaderboardTable.entry(at: state.leaderboard.cursor)?.row.creatorID)
        case .ledger:
            let position = context.ledgerTable.position(at: state.ledger.cursor)
            return handle(position.flatMap { context.ledger?.rows[safe: $0]?.creatorID })
        case .waves:
            return workspace.waves.rows[safe: state.waves.cursor].map { ($0.id.rawValue, "id of \($0.name)") }
        }
    }

    private static func open(_ state: inout UIState, context: UpdateContext) -> [Effect] {
        let workspace = context.workspace
        let candidates: [String]
        let owner: String
        switch state.pane {
        case .library:
            guard let asset = context.libraryTable.id(at: state.library.cursor).flatMap(workspace.asset) else {
                state.message = StatusMessage(.info, "no asset to open")
                return []
            }
            owner = asset.id.rawValue
            candidates = [asset.postURL].compactMap { $0 }.filter { !$0.isEmpty }
        case .approvals:
            guard let draft = context.approvalsTable.id(at: state.approvals.cursor).flatMap(workspace.submission) else {
                state.message = StatusMessage(.info, "no draft to open")
                return []
            }
            owner = draft.id.rawValue
            candidates = ([draft.postURL].compactMap { $0 } + draft.assetRefs).filter { !$0.isEmpty }
        default:
            state.message = StatusMessage(.info, "o opens a post in the Library (4), O a draft in Approvals (3)")
            return []
        }
        guard let first = candidates.first else {
            state.message = StatusMessage(.info, "\(owner) has no link yet")
            return []
        }
        guard let link = candidates.lazy.compactMap(WebLink.validated).first else {
            state.message = StatusMessage(.info, "\(owner): \(first) (not a web link, so it is shown, not opened)")
            return []
        }
        state.message = StatusMessage(.info, "opening \(link)")
        return [.openLink(link)]
    }
}
