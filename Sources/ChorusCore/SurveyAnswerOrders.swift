/// Which order each survey answer is about. Survey tools name an order by its `Name` (`#1004`,
/// often written `1004`) or by Shopify's numeric `Id` (`5100000001004`), and an answer may
/// arrive before its order: it is kept as written and joins the order once that is imported.
public struct SurveyAnswerOrders: Sendable {
    /// The order named as an answer names it → the order's `Name`, for the answers that match one.
    private var matched: [OrderID: OrderID] = [:]

    /// Matches every answer in `workspace` (one pass over the orders, and only when some
    /// answer names an order by its numeric `Id`).
    public init(_ workspace: Workspace) {
        self.init(keys: workspace.surveyResponses.map(\.orderID), in: workspace)
    }

    /// Matches the order references in `keys`.
    public init(keys: some Sequence<OrderID>, in workspace: Workspace) {
        var byShopifyID: [String: [OrderID]] = [:]
        for key in keys where matched[key] == nil {
            if let name = Self.orderName(key, in: workspace) { matched[key] = name } else { byShopifyID[key.rawValue, default: []].append(key) }
        }
        guard !byShopifyID.isEmpty else { return }
        for order in workspace.orders {
            guard let id = order.shopifyID, let keys = byShopifyID[id] else { continue }
            for key in keys { matched[key] = order.id }
        }
    }

    /// The `Name` of the order `key` names, or nil while no such order is imported.
    public func order(_ key: OrderID) -> OrderID? { matched[key] }

    /// The order as written if the store has it, else with or without `#`. Asks the index
    /// only: copying out a whole order per answer was most of preparing attribution.
    private static func orderName(_ key: OrderID, in workspace: Workspace) -> OrderID? {
        if workspace.orders.contains(key: key) { return key }
        let text = key.rawValue
        let toggled = OrderID(text.hasPrefix("#") ? String(text.dropFirst()) : "#" + text)
        return workspace.orders.contains(key: toggled) ? toggled : nil
    }
}
