import ChorusCore

/// Finds social handles where store staff and CRMs actually write them: in dedicated columns
/// (`instagram`), in customer tags (`ig:@lena.hikes`, `tiktok:lena`) and in free-text notes
/// ("IG @lena.hikes", "tiktok.com/@lena", a bare "@lena", which is taken as Instagram, the
/// platform brands note most). Email addresses in notes are not handles.
public enum SocialHandles {
    /// The platform a tag prefix or a word before a handle names, if any.
    static func platform(named word: some StringProtocol) -> Platform? {
        switch word.lowercased() {
        case "ig", "insta", "instagram": .instagram
        case "tt", "tiktok": .tiktok
        case "yt", "youtube": .youtube
        case "pin", "pinterest": .pinterest
        default: nil
        }
    }

    /// A handle as typed (`@Lena.Hikes`, ` lena `) in its stored form, or nil when it is not one.
    public static func clean(_ text: some StringProtocol) -> String? {
        var handle = Substring(String(text).trimmingWhitespace)
        if handle.first == "@" { handle = handle.dropFirst() }
        while let last = handle.last, last == "." || last == "/" { handle = handle.dropLast() }
        guard !handle.isEmpty, handle.utf8.count <= 256 else { return nil }
        // Most handles are ASCII: checked by byte, without Unicode property lookups.
        let ascii = handle.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
        guard ascii || handle.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }) else { return nil }
        return String(handle)
    }

    /// A tag like `ig:@lena`; nil for every other tag.
    public static func fromTag(_ tag: some StringProtocol) -> (Platform, String)? {
        guard let colon = tag.firstIndex(of: ":"), let platform = platform(named: String(tag[..<colon]).trimmingWhitespace),
              let handle = clean(tag[tag.index(after: colon)...]) else { return nil }
        return (platform, handle)
    }

    /// Every handle a note mentions, first mention per platform.
    public static func fromNote(_ note: String) -> [(Platform, String)] {
        let words = note.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
        var found: [(Platform, String)] = []
        func add(_ platform: Platform, _ handle: String?) {
            guard let handle, !found.contains(where: { $0.0 == platform }) else { return }
            found.append((platform, handle))
        }
        for (index, word) in words.enumerated() {
            guard word.utf8.contains(UInt8(ascii: "@")) || word.utf8.contains(UInt8(ascii: "/")) else { continue }
            let lower = word.lowercased()
            if let link = profileLink(lower, original: word) { add(link.0, link.1); continue }
            if let tagged = fromTag(word), word.contains("@") { add(tagged.0, tagged.1); continue }
            guard word.first == "@" else { continue }
            let before = index > 0 ? words[index - 1].filter { $0 != ":" && $0 != "-" } : ""
            add(platform(named: before) ?? .instagram, clean(word))
        }
        return found
    }

    /// `instagram.com/lena`, `https://www.tiktok.com/@lena`, `youtube.com/@lena`.
    private static func profileLink(_ lower: String, original: Substring) -> (Platform, String)? {
        guard lower.utf8.contains(UInt8(ascii: "/")) else { return nil }
        let sites: [(String, Platform)] = [("instagram.com/", .instagram), ("tiktok.com/", .tiktok),
                                           ("youtube.com/", .youtube), ("pinterest.com/", .pinterest)]
        for (site, platform) in sites {
            guard let range = lower.range(of: site) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            let rest = original.dropFirst(offset).prefix { $0 != "/" && $0 != "?" }
            return clean(rest).map { (platform, $0) }
        }
        return nil
    }
}
