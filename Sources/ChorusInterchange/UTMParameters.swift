/// The four UTM values attribution reads, as a store order carries them: in the query of the
/// landing page URL, or as `utm_source: instagram` lines in Shopify's `Note Attributes`
/// (written there by storefront UTM apps when the landing URL is not exported).
public struct UTMParameters: Hashable, Sendable {
    public var source: String?
    public var medium: String?
    public var campaign: String?
    public var content: String?

    public init(source: String? = nil, medium: String? = nil, campaign: String? = nil, content: String? = nil) {
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.content = content
    }

    /// The values in `url`'s query (`…?utm_source=tiktok&utm_medium=creator`), percent-decoded.
    /// Works on the UTF-8 bytes: a million-order import reads one landing URL per order.
    public init(landingURL url: String) {
        guard Self.mentionsUTM(url) else { return }
        var url = url
        url.withUTF8 { bytes in
            guard let question = bytes.firstIndex(of: UInt8(ascii: "?")) else { return }
            let end = bytes[(question + 1)...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            var pairStart = question + 1
            while pairStart < end {
                let pairEnd = bytes[pairStart..<end].firstIndex(of: UInt8(ascii: "&")) ?? end
                if let equals = bytes[pairStart..<pairEnd].firstIndex(of: UInt8(ascii: "=")) {
                    set(key: bytes[pairStart..<equals]) { Self.percentDecoded(bytes[(equals + 1)..<pairEnd]) }
                }
                pairStart = pairEnd + 1
            }
        }
    }

    /// The values in Shopify's `Note Attributes`: one `key: value` per line.
    public init(noteAttributes: String) {
        guard Self.mentionsUTM(noteAttributes) else { return }
        var text = noteAttributes
        text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? bytes.count
                if let colon = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":")) {
                    set(key: bytes[lineStart..<colon]) { String(decoding: bytes[(colon + 1)..<lineEnd], as: UTF8.self) }
                }
                lineStart = lineEnd + 1
            }
        }
    }

    /// A cheap byte scan for `utm_` (any case), so the million orders without UTM values skip
    /// the splitting and decoding.
    static func mentionsUTM(_ text: String) -> Bool {
        var matched = 0
        for byte in text.utf8 {
            let lower = byte | 0x20
            switch matched {
            case 0: matched = lower == UInt8(ascii: "u") ? 1 : 0
            case 1: matched = lower == UInt8(ascii: "t") ? 2 : (lower == UInt8(ascii: "u") ? 1 : 0)
            case 2: matched = lower == UInt8(ascii: "m") ? 3 : (lower == UInt8(ascii: "u") ? 1 : 0)
            default:
                if byte == UInt8(ascii: "_") { return true }
                matched = lower == UInt8(ascii: "u") ? 1 : 0
            }
        }
        return false
    }

    /// Each value from `self`, else from `fallback`.
    public func filled(from fallback: UTMParameters) -> UTMParameters {
        UTMParameters(source: source ?? fallback.source, medium: medium ?? fallback.medium,
                      campaign: campaign ?? fallback.campaign, content: content ?? fallback.content)
    }

    /// Keeps `value` (trimmed, when not empty) if `key` is one of the four UTM names, in any
    /// case and with surrounding spaces. The value is made only then: most notes and query
    /// pairs name something else.
    private mutating func set(key: Slice<UnsafeBufferPointer<UInt8>>, value: () -> String) {
        var key = key
        while let first = key.first, Self.isSpace(first) { key = key.dropFirst() }
        while let last = key.last, Self.isSpace(last) { key = key.dropLast() }
        guard key.count >= 10, key.count <= 12 else { return }
        func named(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == key.count
                && zip(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), key).allSatisfy { $0 == $1 | 0x20 || $0 == $1 }
        }
        guard let field = Self.names.firstIndex(where: named) else { return }
        let value = value().trimmingWhitespace
        guard !value.isEmpty else { return }
        switch field {
        case 0: source = value
        case 1: medium = value
        case 2: campaign = value
        default: content = value
        }
    }

    /// The four names, in the order `set` assigns them.
    private static let names: [StaticString] = ["utm_source", "utm_medium", "utm_campaign", "utm_content"]

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// `%XX` escapes decoded and `+` read as a space, as browsers encode query values.
    static func percentDecoded(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard text.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: text, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var position = text.startIndex
        while position < text.endIndex {
            let byte = text[position]
            position += 1
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                if position + 1 < text.endIndex, let high = hexValue(text[position]), let low = hexValue(text[position + 1]) {
                    bytes.append(high << 4 | low)
                    position += 2
                } else {
                    bytes.append(byte)
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
