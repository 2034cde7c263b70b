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
    public init(landingURL url: String) {
        guard Self.mentionsUTM(url), let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return }
        let beforeFragment = query.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? query
        for pair in beforeFragment.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].utf8.count >= 7 else { continue }
            set(String(parts[0]), Self.percentDecoded(parts[1]))
        }
    }

    /// The values in Shopify's `Note Attributes`: one `key: value` per line.
    public init(noteAttributes: String) {
        guard Self.mentionsUTM(noteAttributes) else { return }
        for line in noteAttributes.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            set(String(line[..<colon]), String(line[line.index(after: colon)...]))
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

    private mutating func set(_ rawKey: String, _ rawValue: String) {
        let value = rawValue.trimmingWhitespace
        guard !value.isEmpty else { return }
        switch rawKey.trimmingWhitespace.lowercased() {
        case "utm_source": source = value
        case "utm_medium": medium = value
        case "utm_campaign": campaign = value
        case "utm_content": content = value
        default: break
        }
    }

    /// `%XX` escapes decoded and `+` read as a space, as browsers encode query values.
    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                let high = iterator.next(), low = iterator.next()
                if let high, let low, let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                    high.map { bytes.append($0) }
                    low.map { bytes.append($0) }
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
