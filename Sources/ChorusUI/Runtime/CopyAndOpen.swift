import ChorusCore

/// `y` copies what the cursor row is best known by, `o` (`O` in Approvals) opens a post or
/// draft link. Which text that is depends on the pane: a creator's handle, a parcel's
/// tracking number (its id before it ships), a draft's id, an asset's post URL (its id before
/// it is posted), a wave's id. The status bar always says what was copied, or why not.
enum CopyAndOpen {
    static func copy(_ state: inout UIState, context: UpdateContext) -> [Effect] {
        guard let (text, what) = copyable(state, context: context) else {
            state.message = StatusMessage(.info, "no row to copy")
            return []
        }
        state.message = StatusMessage(.success, "copied \(text) (\(what))")
        return [.copyToClipboard(text)]
    }

    /// The cursor row's text to copy, and what it is, in words: the shown pane says.
    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        func copyable<P: ListPane>(_ kind: P.Type) -> (text: String, what: String)? { kind.copyable(state, context: context) }
        return copyable(state.pane.kind)
    }

    /// A creator's handle, and whose it is.
    static func handle(_ id: CreatorID?, in workspace: Workspace) -> (text: String, what: String)? {
        id.flatMap(workspace.creator).map { ("@" + $0.handle, "handle of \($0.name)") }
    }

    /// `o` in the Library: the asset's post.
    static func openPost(_ state: inout UIState, context: UpdateContext) -> [Effect] {
        guard let asset = context.libraryTable.id(at: state.library.cursor).flatMap(context.workspace.asset) else {
            state.message = StatusMessage(.info, "no asset to open")
            return []
        }
        return open(asset.id.rawValue, [asset.postURL].compactMap { $0 }.filter { !$0.isEmpty }, &state)
    }

    /// `O` in Approvals: the draft's post, else its first asset link.
    static func openDraft(_ state: inout UIState, context: UpdateContext) -> [Effect] {
        guard let draft = context.approvalsTable.id(at: state.approvals.cursor).flatMap(context.workspace.submission) else {
            state.message = StatusMessage(.info, "no draft to open")
            return []
        }
        return open(draft.id.rawValue, ([draft.postURL].compactMap { $0 } + draft.assetRefs).filter { !$0.isEmpty }, &state)
    }

    /// The first of `candidates` that is a web link, opened; else what there is, shown.
    private static func open(_ owner: String, _ candidates: [String], _ state: inout UIState) -> [Effect] {
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
