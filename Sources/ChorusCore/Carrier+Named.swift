/// Carriers as people and files write them: "UPS", "ups", "Royal Mail", "royal_mail",
/// "royalmail". Warehouse tools and label printers each spell them their own way, and a
/// coordinator typing at a prompt should not have to remember which.
extension Carrier {
    public init?(named text: some StringProtocol) {
        let key = Self.key(text)
        // A label tool's service-qualified name (`DHL Express`, `FedEx Ground`, `UPS®`) starts
        // with the carrier's.
        guard let carrier = Carrier.allCases.first(where: { Self.key($0.rawValue) == key || Self.key($0.label) == key })
            ?? Carrier.allCases.first(where: { $0 != .other && key.hasPrefix(Self.key($0.label)) }) else {
            return nil
        }
        self = carrier
    }

    private static func key(_ text: some StringProtocol) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
