/// Where an ad disclosure sits in a caption. A disclosure counts only where a viewer sees it
/// before "more": it must end within the program's `disclosureWithinCharacters` (125 by
/// default) and must not be buried in a run of hashtags — preceded by three or more hashtags
/// in a row, where readers skim past it. On-screen text is in the video itself, so a
/// disclosure there is always seen.
public enum DisclosurePlacement {
    /// Hashtags in a row before a disclosure that bury it.
    public static let buryingHashtags = 3

    /// One disclosure in the caption: where it starts (1-based, in characters as a reader
    /// counts them) and how many hashtags come right before it.
    struct Occurrence {
        var disclosure: String
        var character: Int
        var length: Int
        var hashtagsBefore: Int

        func isSeen(within limit: Int) -> Bool {
            character + length - 1 <= limit && hashtagsBefore < DisclosurePlacement.buryingHashtags
        }
    }

    /// The placement check of a draft known to carry one of `disclosures` somewhere.
    static func check(_ submission: Submission, disclosures: [String], within limit: Int) -> ComplianceCheck {
        let onScreen = Array(submission.onScreenText.lowercased().unicodeScalars)
        if disclosures.contains(where: { Compliance.containsWord($0, in: onScreen) }) {
            return ComplianceCheck(kind: .disclosurePlacement, passed: true, summary: "ad disclosure on screen")
        }
        let found = occurrences(of: disclosures, in: submission.caption)
        guard let first = found.first, !found.contains(where: { $0.isSeen(within: limit) }) else {
            return ComplianceCheck(kind: .disclosurePlacement, passed: true, summary: "ad disclosure within the first \(limit) characters")
        }
        var why: [String] = []
        if first.character + first.length - 1 > limit { why.append("past the first \(limit)") }
        if first.hashtagsBefore >= buryingHashtags { why.append("after \(first.hashtagsBefore) hashtags") }
        return ComplianceCheck(kind: .disclosurePlacement, passed: false,
                               summary: "\(first.disclosure) at character \(first.character) (\(why.joined(separator: ", "))): "
                                   + "move it to the first line")
    }

    /// Every whole-word disclosure in `caption`, first in the caption first.
    static func occurrences(of disclosures: [String], in caption: String) -> [Occurrence] {
        let lowered = caption.lowercased()
        let scalars = Array(lowered.unicodeScalars)
        var found: [Occurrence] = []
        for disclosure in disclosures {
            for start in Compliance.wordStarts(disclosure, in: scalars) {
                let before = String(String.UnicodeScalarView(scalars[..<start]))
                // Words as a reader sees them: punctuation and emoji between tags do not break a run.
                let words = before.split { !($0.isLetter || $0.isNumber || $0 == "#" || $0 == "@" || $0 == "_") }
                let run = words.reversed().prefix { $0.hasPrefix("#") }.count
                found.append(Occurrence(disclosure: disclosure, character: before.count + 1, length: disclosure.count, hashtagsBefore: run))
            }
        }
        return found.sorted { $0.character < $1.character }
    }
}
