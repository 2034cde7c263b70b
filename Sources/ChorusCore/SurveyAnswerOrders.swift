import ChorusConcurrency

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

    /// The position in `workspace.orders` of the order each survey answer is about, -1 while it
    /// is not imported: `order(_:)` then `orders.position(of:)` for every answer, as attribution
    /// needs it, without the dictionary of a few hundred thousand keys in between (building it
    /// was a fifth of preparing attribution). Looked up on every core.
    static func orderPositions(_ workspace: Workspace) -> [Int32] {
        let responses = workspace.surveyResponses, orders = workspace.orders
        let pieces = Parallel.pieceCount(for: responses.count, minimumSize: 20_000)
        var positions = responses.withUnsafeBufferPointer { responses in
            Parallel.map(pieces) { piece in
                ((responses.count * piece / pieces)..<(responses.count * (piece + 1) / pieces)).map { index in
                    let key = responses[index].orderID
                    return Int32(orders.position(of: key) ?? orders.position(of: toggled(key)) ?? -1)
                }
            }
        }.flatMap { $0 }
        // Answers naming no order by its `Name` may name one by Shopify's `Id` (the last such order wins, as in `init`).
        var byShopifyID: [String: [Int]] = [:]
        for (index, position) in positions.enumerated() where position < 0 { byShopifyID[responses[index].orderID.rawValue, default: []].append(index) }
        guard !byShopifyID.isEmpty else { return positions }
        orders.withUnsafeBufferPointer { rows in
            for position in rows.indices {
                guard let id = rows[position].shopifyID, let answers = byShopifyID[id] else { continue }
                // Found by its `Name` again, as `order(_:)` names it: the first row if a damaged table repeats it.
                let named = Int32(orders.position(of: rows[position].id) ?? position)
                for answer in answers { positions[answer] = named }
            }
        }
        return positions
    }

    /// The order as written if the store has it, else with or without `#`. Asks the index
    /// only: copying out a whole order per answer was most of preparing attribution.
    private static func orderName(_ key: OrderID, in workspace: Workspace) -> OrderID? {
        if workspace.orders.contains(key: key) { return key }
        let other = toggled(key)
        return workspace.orders.contains(key: other) ? other : nil
    }

    /// `#1004` for `1004` and the other way round.
    private static func toggled(_ key: OrderID) -> OrderID {
        let text = key.rawValue
        return OrderID(text.hasPrefix("#") ? String(text.dropFirst()) : "#" + text)
    }
}
