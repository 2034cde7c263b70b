/// A SKU with a quantity as text. Written one way everywhere — lists, exports, forms, the
/// parcel detail: `KS-SER-030×2` — and read the ways people type it: `KS-SER-030×2`,
/// `KS-SER-030*2`, `KS-SER-030 x2`, `KS-SER-030 x 2`, `KS-SER-030 2`, `2×KS-SER-030`,
/// `2x KS-SER-030`, `2 KS-SER-030`; no quantity means one. A bare `x` counts only with a space
/// on the SKU's side, and a bare number only after a space, since SKUs end in digits and
/// letters (`KS-SER-030`, `BOX`).
public enum ItemNotation {
    public static func write(sku: SKUID, quantity: Int) -> String { "\(sku.rawValue)×\(quantity)" }
    public static func write(_ item: ShipmentItem) -> String { write(sku: item.sku, quantity: item.quantity) }
    public static func write(_ items: [ShipmentItem], separator: String = ", ") -> String { items.map(write).joined(separator: separator) }

    /// One item; text that names no quantity is one of the SKU as written.
    public static func read(_ text: some StringProtocol) -> (sku: SKUID, quantity: Int) {
        let part = String(text).trimmingWhitespace
        if let suffix = quantityAfter(part) { return suffix }
        if let prefix = quantityBefore(part) { return prefix }
        return (SKUID(part), 1)
    }

    /// `SKU×2`, `SKU*2`, `SKU x2`, `SKU x 2`, `SKU 2`.
    private static func quantityAfter(_ part: String) -> (sku: SKUID, quantity: Int)? {
        let digits = part.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let quantity = Int(String(digits.reversed())) else { return nil }
        var rest = String(part.dropLast(digits.count))
        let spacedBeforeNumber = rest.last?.isWhitespace == true
        rest = rest.trimmingWhitespace
        if rest.last == "×" || rest.last == "*" {
            rest = String(rest.dropLast()).trimmingWhitespace
        } else if rest.last == "x" || rest.last == "X", rest.dropLast().last?.isWhitespace == true {
            rest = String(rest.dropLast()).trimmingWhitespace
        } else if !spacedBeforeNumber {
            return nil
        }
        return rest.isEmpty ? nil : (SKUID(rest), quantity)
    }

    /// `2×SKU`, `2*SKU`, `2x SKU`, `2 SKU`.
    private static func quantityBefore(_ part: String) -> (sku: SKUID, quantity: Int)? {
        let digits = part.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let quantity = Int(digits) else { return nil }
        var rest = Substring(part.dropFirst(digits.count))
        let spacedAfterNumber = rest.first?.isWhitespace == true
        rest = rest.drop { $0.isWhitespace }
        if rest.first == "×" || rest.first == "*" {
            rest = rest.dropFirst().drop { $0.isWhitespace }
        } else if rest.first == "x" || rest.first == "X", rest.dropFirst().first?.isWhitespace == true {
            rest = rest.dropFirst().drop { $0.isWhitespace }
        } else if !spacedAfterNumber {
            return nil
        }
        return rest.isEmpty ? nil : (SKUID(String(rest)), quantity)
    }
}
