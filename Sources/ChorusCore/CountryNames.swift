/// Reads the country people actually write — a code, a common wrong code, an English or local
/// name — as an ISO 3166-1 alpha-2 code. Application forms and hand-kept lists say "UK",
/// "Germany" or "Deutschland"; a label printer and a carrier need `GB` and `DE`.
public enum CountryNames {
    /// The code `text` stands for: a known code as is, or an unmistakable name; nil otherwise.
    public static func code(for text: String) -> String? {
        let trimmed = text.trimmingWhitespace
        if trimmed.count == 2, CountryCodes.isKnown(trimmed) { return trimmed.uppercased() }
        return names[trimmed.lowercased()]
    }

    /// The code someone probably meant by `text` when it is not one ("UK" is `GB`), for an error message.
    public static func suggestion(for text: String) -> String? {
        commonMistakes[text.trimmingWhitespace.uppercased()]
    }

    /// The error text for a country that is not a code: what was written, and what to write.
    public static func problem(with text: String) -> String {
        if let code = suggestion(for: text) { return "'\(text)' is not an ISO country code; use \(code)" }
        return "'\(text)' is not a two-letter ISO country code (such as DE, GB, US)"
    }

    /// Codes that look right and are not: the UK's is GB, Greece's EL is the EU's own.
    private static let commonMistakes = ["UK": "GB", "EN": "GB", "EL": "GR", "USA": "US", "GER": "DE", "D": "DE", "SUI": "CH"]

    private static let names: [String: String] = {
        let pairs: [(String, [String])] = [
            ("GB", ["united kingdom", "great britain", "england", "scotland", "wales", "northern ireland"]),
            ("US", ["united states", "united states of america", "usa", "u.s.", "u.s.a."]),
            ("DE", ["germany", "deutschland"]), ("AT", ["austria", "österreich"]), ("CH", ["switzerland", "schweiz", "suisse"]),
            ("FR", ["france"]), ("NL", ["netherlands", "the netherlands", "holland", "nederland"]), ("BE", ["belgium"]),
            ("ES", ["spain", "españa"]), ("IT", ["italy", "italia"]), ("PT", ["portugal"]), ("IE", ["ireland"]),
            ("SE", ["sweden", "sverige"]), ("DK", ["denmark", "danmark"]), ("NO", ["norway", "norge"]), ("FI", ["finland", "suomi"]),
            ("PL", ["poland", "polska"]), ("CZ", ["czechia", "czech republic"]), ("GR", ["greece"]), ("CA", ["canada"]),
            ("AU", ["australia"]), ("NZ", ["new zealand"]), ("LU", ["luxembourg"]),
        ]
        var names: [String: String] = [:]
        for (code, spellings) in pairs { for spelling in spellings { names[spelling] = code } }
        return names
    }()
}
