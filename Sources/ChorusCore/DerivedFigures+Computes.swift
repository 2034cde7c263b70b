extension DerivedFigures {
    /// How often each figure was derived, so tests can prove what did not derive anything.
    public struct Computes: Hashable, Sendable {
        public var attribution = 0, ambiguousAnswers = 0, ledger = 0, payoutBalances = 0, overview = 0, categoriesBought = 0
        public var wavesPayingOnOrders = 0, leadPurchases = 0
        public var total: Int {
            attribution + ambiguousAnswers + ledger + payoutBalances + overview + categoriesBought + wavesPayingOnOrders + leadPurchases
        }
    }
}
