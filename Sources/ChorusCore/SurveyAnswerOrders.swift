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
        var byShopifyID: [ShopifyOrderKey: [OrderID]] = [:]
        for key in keys where matched[key] == nil {
            if let name = Self.orderName(key, in: workspace) { matched[key] = name } else { byShopifyID[ShopifyOrderKey(key.rawValue), default: []].append(key) }
        }
        guard !byShopifyID.isEmpty else { return }
        for order in workspace.orders {
            guard let id = order.shopifyKey, let keys = byShopifyID[id] else { continue }
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
        orderPositions(of: workspace.surveyResponses, in: workspace.orders)
    }

    /// `orderPositions(_:)` of `responses` in `orders`, for tables held without their workspace.
    static func orderPositions(of responses: EntityTable<SurveyResponse>, in orders: EntityTable<Order>) -> [Int32] {
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
        var byShopifyID: [ShopifyOrderKey: [Int]] = [:]
        for (index, position) in positions.enumerated() where position < 0 { byShopifyID[ShopifyOrderKey(responses[index].orderID.rawValue), default: []].append(index) }
        guard !byShopifyID.isEmpty else { return positions }
        orders.withUnsafeBufferPointer { rows in
            for position in rows.indices {
                guard let id = rows[position].shopifyKey, let answers = byShopifyID[id] else { continue }
                // Found by its `Name` again, as `order(_:)` names it: the first row if a damaged table repeats it.
                let named = Int32(orders.position(of: rows[position].id) ?? position)
                for answer in answers { positions[answer] = named }
            }
        }
        return positions
    }

    /// For each order in `wanted` (positions in `ids`, ascending), the positions in `answers` of
    /// the answers about it, matched as `orderPositions` matches them over the whole orders table
    /// (`ids` and `shopifyIDs` are every order's `Name` and Shopify id, in table order). For a
    /// report that holds no orders but these keys: only the keys that could land on a wanted
    /// order are looked up, in one pass over the ids, instead of indexing a million orders.
    static func answers(about wanted: [Int], ids: [OrderID], shopifyIDs: [String?], answers: [some SurveyAnswerWording]) -> [[Int32]] {
        var wantedIndex: [OrderID: Int] = [:]
        for (index, position) in wanted.enumerated() where wantedIndex[ids[position]] == nil { wantedIndex[ids[position]] = index }
        // A Shopify id leads to the first row of its order's `Name`, so any row with a wanted `Name` counts.
        var wantedShopifyIDs: Set<String> = []
        for position in ids.indices { if let id = shopifyIDs[position], wantedIndex[ids[position]] != nil { wantedShopifyIDs.insert(id) } }
        // Answers that might be about a wanted order, and every key that decides which order they are about.
        let candidates = answers.indices.filter { index in
            let key = answers[index].orderID
            return wantedIndex[key] != nil || wantedIndex[toggled(key)] != nil || wantedShopifyIDs.contains(key.rawValue)
        }
        var firstPosition: [OrderID: Int] = [:], lastWithShopifyID: [String: Int] = [:]
        for key in wantedIndex.keys { firstPosition[key] = -1 }
        for index in candidates { for key in [answers[index].orderID, toggled(answers[index].orderID)] { firstPosition[key] = -1 } }
        let shopifyKeys = Set(candidates.map { answers[$0].orderID.rawValue }.filter(wantedShopifyIDs.contains))
        // One pass over every order's keys, a half on each core: each looked-up key's first row, each Shopify id's last.
        let lookedUp = firstPosition, halves = Parallel.halves(of: ids.count)
        for (first, last) in Parallel.map(halves.count, { half in
            var first: [OrderID: Int] = [:], last: [String: Int] = [:]
            for position in halves[half] {
                if lookedUp[ids[position]] != nil, first[ids[position]] == nil { first[ids[position]] = position }
                if !shopifyKeys.isEmpty, let id = shopifyIDs[position], shopifyKeys.contains(id) { last[id] = position }
            }
            return (first, last)
        }) {
            for (key, position) in first where firstPosition[key] == -1 { firstPosition[key] = position }
            lastWithShopifyID.merge(last) { _, later in later }
        }
        let found = { (key: OrderID) in firstPosition[key].flatMap { $0 >= 0 ? $0 : nil } }
        var about = [[Int32]](repeating: [], count: wanted.count)
        for index in candidates {
            let key = answers[index].orderID
            // Found by its Shopify id, an order is named by its `Name` again: that `Name`'s first row, as in `orderPositions`.
            guard let position = found(key) ?? found(toggled(key)) ?? lastWithShopifyID[key.rawValue].flatMap({ found(ids[$0]) }),
                  let wantedAt = wantedIndex[ids[position]], wanted[wantedAt] == position else { continue }
            about[wantedAt].append(Int32(index))
        }
        return about
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
