import ChorusCore

extension Grid {
    /// What the Leaderboard and Ledger show in place of their rows while the ledger is not had:
    /// the history loading, the reason it could not be read (whole, on as many lines as it
    /// takes), or the ledger being built. Returns the ledger once it is ready, having drawn nothing.
    mutating func ledgerOrWait(_ status: Derived<Ledger>, in rect: Rect) -> Ledger? {
        switch status {
        case .loadingOrders:
            put(" Loading order history…", x: rect.x, y: rect.y, width: rect.width, role: .mutedText)
        case .ordersUnreadable(let reason):
            putWrapped(UnreadableOrderHistory.text(reason), in: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 1, height: rect.height),
                       role: .warning)
        case .computing:
            put(" computing… (a big program's ledger is built in the background)", x: rect.x, y: rect.y, width: rect.width, role: .mutedText)
        case .ready(let ledger):
            return ledger
        }
        return nil
    }
}
