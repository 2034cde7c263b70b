import ChorusCore

/// What `:codes` was asked for: `{HANDLE}15 percent 15`, `{HANDLE}10 fixed 10.00 limit 50 once`,
/// `{HANDLE}20 percent 20 from 2026-12-01 until 2026-12-31`.
///
/// The palette takes the whole batch on one line because a coordinator hands codes to a
/// marked group at once, with the same terms, the way the store's discount screen asks for
/// them: kind and value, an optional usage limit, and whether a customer may use it only once.
struct CodeBatchRequest: Hashable {
    static let usage = "type :codes {HANDLE}15 percent 15 (or fixed 10.00), then optionally limit N, once, from DAY, until DAY"

    var pattern: DiscountCodePattern
    var terms: DiscountTerms

    /// Reads the text after `codes`; the error is a sentence for the status bar.
    init(_ text: String, wave: WaveID?, currency: Currency) throws {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 3 else { throw DomainError(Self.usage) }
        pattern = try DiscountCodePattern(words[0])
        guard let kind = DiscountCode.Kind(rawValue: words[1].lowercased()) else {
            throw DomainError("'\(words[1])' is not a kind of discount: percent or fixed")
        }
        guard let value = kind.value(from: words[2], currency: currency) else {
            throw DomainError("'\(words[2])' is not a \(kind == .percent ? "percentage" : "amount") above zero")
        }
        terms = DiscountTerms(waveID: wave, kind: kind, value: value, oncePerCustomer: false)
        var rest = words.dropFirst(3)
        while let word = rest.popFirst()?.lowercased() {
            switch word {
            case "once":
                terms.oncePerCustomer = true
            case "limit":
                guard let limit = rest.popFirst().flatMap({ Int($0) }), limit >= 1 else {
                    throw DomainError("limit takes a number of uses, 1 or more")
                }
                terms.usageLimit = limit
            case "from", "until":
                guard let day = rest.popFirst().flatMap({ Day($0) }) else {
                    throw DomainError("\(word) takes a date like 2026-12-31")
                }
                if word == "from" { terms.validFrom = day } else { terms.validUntil = day }
            default:
                throw DomainError("'\(word)' is not a code setting; \(Self.usage)")
            }
        }
    }
}
