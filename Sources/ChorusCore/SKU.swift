/// A product that can be seeded. Stock on hand is what the warehouse holds; queued shipments
/// reserve it so two waves cannot promise the same last unit.
public struct SKU: Hashable, Sendable, Codable, Identifiable {
    public var id: SKUID
    public var name: String
    public var unitCost: Money
    public var stockOnHand: Int
    /// Units held by queued or packed shipments that have not left yet.
    public var reserved: Int
    /// Category used to match customers' purchases to a wave's products.
    public var category: String?
    /// What the store sells it for; from the store's product export, nil when never imported.
    public var price: Money?

    public init(id: SKUID, name: String, unitCost: Money, stockOnHand: Int, reserved: Int = 0, category: String? = nil,
                price: Money? = nil) {
        self.id = id
        self.name = name
        self.unitCost = unitCost
        self.stockOnHand = stockOnHand
        self.reserved = reserved
        self.category = category
        self.price = price
    }

    public var available: Int { stockOnHand - reserved }
}
