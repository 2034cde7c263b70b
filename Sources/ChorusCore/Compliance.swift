/// The brief's rules, checked against a draft before it may be approved. The point of the
/// approval inbox is that an undisclosed ad never goes out, so these checks gate `approve`.
public struct ComplianceCheck: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case disclosure, hashtag, mention, bannedWord, usageRights, disclosurePlacement }
    public var kind: Kind
    public var passed: Bool
    /// What a coordinator reads: "ad disclosure missing (#ad, #sponsored, paid partnership)".
    public var summary: String
}

public enum Compliance {
    /// Disclosures that always count. `#gifted` counts only when the wave pays nothing but product.
    public static let paidDisclosures = ["#ad", "#sponsored", "paid partnership"]

    /// The words that disclose a post under `plan`: `#gifted` only counts when product is all
    /// the creator gets. The brief document states the same rule the approval check applies.
    public static func acceptedDisclosures(_ plan: IncentivePlan?) -> [String] {
        guard let plan, plan.gifting, plan.flatFee == nil, plan.commissionBasisPoints == nil, plan.storeCredit == nil,
              plan.bonusTiers.isEmpty else { return paidDisclosures }
        return paidDisclosures + ["#gifted"]
    }

    /// `incentives` is the plan that applies to this creator when it differs from the wave's
    /// (an enrollment's override): a creator paid a fee cannot disclose with `#gifted` alone.
    /// `disclosureWithin` is the program's `disclosureWithinCharacters` (see `DisclosurePlacement`).
    public static func checks(for submission: Submission, in wave: Wave?, incentives: IncentivePlan? = nil,
                              disclosureWithin: Int = ProgramSettings().disclosureWithinCharacters) -> [ComplianceCheck] {
        // Scanned as scalars once: every rule below looks through the same text.
        let text = Array((submission.caption + "\n" + submission.onScreenText).lowercased().unicodeScalars)
        var checks: [ComplianceCheck] = []
        let disclosures = acceptedDisclosures(incentives ?? wave?.incentivePlan)
        let disclosed = disclosures.contains { containsWord($0, in: text) }
        checks.append(ComplianceCheck(kind: .disclosure, passed: disclosed,
                                      summary: disclosed ? "ad disclosure present" : "ad disclosure missing (\(disclosures.joined(separator: ", ")))"))
        if disclosed {
            checks.append(DisclosurePlacement.check(submission, disclosures: disclosures, within: disclosureWithin))
        }
        guard let wave else { return checks }
        let brief = wave.brief
        for tag in brief.requiredHashtags {
            let needle = tag.hasPrefix("#") ? tag : "#" + tag
            let present = containsWord(needle.lowercased(), in: text)
            checks.append(ComplianceCheck(kind: .hashtag, passed: present, summary: present ? "\(needle) present" : "\(needle) missing"))
        }
        for mention in brief.requiredMentions {
            let needle = mention.hasPrefix("@") ? mention : "@" + mention
            let present = containsWord(needle.lowercased(), in: text)
            checks.append(ComplianceCheck(kind: .mention, passed: present, summary: present ? "\(needle) present" : "\(needle) missing"))
        }
        for word in brief.bannedWords where containsWord(word.lowercased(), in: text) {
            checks.append(ComplianceCheck(kind: .bannedWord, passed: false, summary: "banned claim \"\(word)\" used"))
        }
        if let deliverableID = submission.deliverableID {
            let agreed = brief.deliverables.first { $0.id == deliverableID }?.rights != nil
            checks.append(ComplianceCheck(kind: .usageRights, passed: agreed,
                                          summary: agreed ? "usage rights agreed" : "usage rights not agreed for this deliverable"))
        }
        return checks
    }

    public static func failures(for submission: Submission, in wave: Wave?, incentives: IncentivePlan? = nil,
                                disclosureWithin: Int = ProgramSettings().disclosureWithinCharacters) -> [ComplianceCheck] {
        checks(for: submission, in: wave, incentives: incentives, disclosureWithin: disclosureWithin).filter { !$0.passed }
    }

    /// Whether `needle` occurs in `text` as a whole word: `#ad` matches "#AD!" but not
    /// "#adventure" or "#bad". Both arguments must already be lower-cased.
    public static func containsWord(_ needle: String, in text: String) -> Bool {
        containsWord(needle, in: Array(text.unicodeScalars))
    }

    static func containsWord(_ needle: String, in hay: [Unicode.Scalar]) -> Bool {
        wordStarts(needle, in: hay, first: true).first != nil
    }

    /// Where `needle` starts as a whole word in `hay` (scalar offsets), every time or only the first.
    static func wordStarts(_ needle: String, in hay: [Unicode.Scalar], first: Bool = false) -> [Int] {
        let pin = Array(needle.unicodeScalars)
        guard !pin.isEmpty, hay.count >= pin.count else { return [] }
        var starts: [Int] = []
        var start = 0
        while start + pin.count <= hay.count {
            if hay[start] == pin[0], hay[start..<start + pin.count].elementsEqual(pin) {
                let before = start == 0 ? nil : hay[start - 1]
                let after = start + pin.count < hay.count ? hay[start + pin.count] : nil
                if !isWordScalar(before, leading: pin[0]) && !isWordScalar(after, leading: nil) {
                    starts.append(start)
                    if first { break }
                }
            }
            start += 1
        }
        return starts
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar?, leading: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return true }
        // "##ad" or "@@brand" are not the tag; a '#' or '@' glued before the tag's own sigil is part of another token.
        if let leading, (leading == "#" || leading == "@"), scalar == "#" || scalar == "@" { return true }
        return false
    }
}
