import ChorusCore

/// `:stock SKU +20 reason`: a stock correction typed in the palette (a delivery, a recount,
/// damaged units), journaled with its reason like every change, in any pane.
enum StockUpdate {
    static let usage = "type :stock SKU +20 reason (or -3 for units that left)"

    static func adjust(_ text: String, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let parts = text.trimmingSpaces.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3 else {
            state.message = StatusMessage(.warning, parts.count == 2 ? "a reason is required; \(usage)" : usage)
            return []
        }
        let workspace = context.workspace
        guard let sku = workspace.sku(SKUID(parts[0])) ?? workspace.skus.first(where: { $0.id.rawValue.lowercased() == parts[0].lowercased() }) else {
            state.message = StatusMessage(.warning, "no SKU \(parts[0]); `chorus list products` shows them")
            return []
        }
        guard let delta = Self.delta(parts[1]), delta != 0 else {
            state.message = StatusMessage(.warning, "'\(parts[1])' is not a change in units; \(usage)")
            return []
        }
        let reason = parts[2].trimmingSpaces
        let summary = "stock of \(sku.name) (\(sku.id)) \(delta > 0 ? "+" : "")\(delta), now \(sku.stockOnHand + delta) on hand: \(reason)"
        return [.performSummarized(.adjustStock(sku: sku.id, delta: delta, reason: reason), summary: summary)]
    }

    /// `+20`, `-3` or `20`.
    static func delta(_ text: String) -> Int? {
        Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }
}
