/// A link the console may hand to the system opener: `http://` or `https://` and nothing but
/// visible ASCII after it. Post URLs and draft references are creators' text; a file path, a
/// `file:` or `javascript:` URL, or anything with spaces or control characters is shown,
/// never opened, and a leading `-` can never reach the opener as an option.
enum WebLink {
    static func validated(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), text.count > 8 else { return nil }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        return text
    }
}
