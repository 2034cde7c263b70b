extension Currency {
    /// The sign files put before an amount (`€7.45`), for the few currencies that have a sign of
    /// their own; `$` is the US dollar's, as US label tools write it.
    public var symbol: String? { Self.symbols[code] }

    private static let symbols = ["EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩"]
}
