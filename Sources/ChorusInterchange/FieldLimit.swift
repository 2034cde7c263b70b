/// How long one field of an import file may be, by what its column holds.
///
/// Nobody writes a 10 MB caption, but a damaged or hostile file can hold one, and every frame
/// of the console that shows it (and every error message that quotes it) would pay for it.
/// The limits are far above real data — Instagram captions stop at 2 200 characters — and
/// counted in bytes of UTF-8, which is what the reader sees before making any text:
///
/// - long text (captions, on-screen text, notes, survey answers, tags, asset URL lists): 20 000 bytes
/// - links (columns named like `post_url`): 4 096 bytes
/// - every other field (handles, names, codes, emails, addresses, amounts, dates): 2 000 bytes
public enum FieldLimit: Sendable, Hashable {
    case longText, link, field

    public var bytes: Int {
        switch self {
        case .longText: 20_000
        case .link: 4_096
        case .field: 2_000
        }
    }

    /// What the limit covers, in the words of the error message.
    public var label: String {
        switch self {
        case .longText: "captions, notes and other long text"
        case .link: "links"
        case .field: "a field of this kind"
        }
    }

    /// The limit for a column, from its name as the header gives it.
    public static func forColumn(named name: String) -> FieldLimit {
        let key = name.lowercased()
        if longTextWords.contains(where: key.contains) { return .longText }
        if key.contains("url") || key.contains("link") { return .link }
        return .field
    }

    private static let longTextWords = ["caption", "text", "note", "response", "answer", "other", "tags", "niches",
                                        "description", "body", "asset_urls"]
}
