/// What each lead bought (the Pipeline's recruit view), which reads every order: kept by
/// `DerivedFigures` per change of the creators or the orders, not derived after every change
/// while leads are shown.
struct KeptLeadPurchases {
    private var kept: (creatorsRevision: Int, ordersRevision: Int, purchases: [CreatorID: LeadPurchases])?

    /// The purchases at these revisions; `derived` when they had to be worked out.
    mutating func purchases(creatorsRevision: Int, ordersRevision: Int, in workspace: Workspace) -> (purchases: [CreatorID: LeadPurchases], derived: Bool) {
        if let kept, kept.creatorsRevision == creatorsRevision, kept.ordersRevision == ordersRevision { return (kept.purchases, false) }
        let purchases = workspace.leadPurchases()
        kept = (creatorsRevision, ordersRevision, purchases)
        return (purchases, true)
    }
}
