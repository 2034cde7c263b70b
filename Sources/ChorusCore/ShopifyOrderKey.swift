/// Shopify's numeric order `Id` as a dictionary key: the number when it is written as one (every
/// real export), else the text as written. Matching survey answers to ten million orders by `Id`
/// made a string of each order's number to look it up; a number is hashed as it is kept.
public enum ShopifyOrderKey: Hashable, Sendable {
    case number(UInt64)
    case written(String)

    /// The key of an `Id` as an answer or a file writes it: equal to an order's `shopifyKey`
    /// exactly when the text equals its `shopifyID`.
    public init(_ id: String) {
        self = Order.number(ofShopifyID: id).map(Self.number) ?? .written(id)
    }
}
