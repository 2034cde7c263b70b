extension KeyMap {
    /// `y` and `o`/`O`: the cursor row to the clipboard, a post or draft link to the browser.
    /// In Approvals `o` already approves with an override, so the draft's link opens with `O`.
    static let copyAndOpenBindings: [KeyBinding] = [
        KeyBinding(keys: [.character("y")], action: .copyRow, scope: .list,
                   help: "copy the row's handle, id, tracking number or post URL") { CopyAndOpen.copy(&$0, context: $1) },
        KeyBinding(keys: [.character("o")], action: .openLink, scope: .library,
                   help: "open the post URL in the browser (else show it)", command: "open",
                   notHere: "o opens a post in the Library (4), O a draft in Approvals (3)") { CopyAndOpen.openPost(&$0, context: $1) },
        KeyBinding(keys: [.character("O")], action: .openLink, scope: .approvals,
                   help: "open the draft's link in the browser (else show it)") { CopyAndOpen.openDraft(&$0, context: $1) },
    ]
}
