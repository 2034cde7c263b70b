/// The brand's always-on creator channel and the settings its rules read.
///
/// Settings live on the program, not in code, because each brand negotiates its own hold
/// periods, margins and what counts as "overdue".
public struct Program: Hashable, Sendable, Codable {
    public var name: String
    public var brand: String
    public var currency: Currency
    /// Where tracking links point; UTM parameters are appended per creator and wave.
    public var landingURL: String
    public var settings: ProgramSettings
    /// Dated rates of other currencies into `currency` (`chorus import rates`), by which orders
    /// and costs in another currency are converted.
    public var exchangeRates: [ExchangeRate]
    /// Set by `chorus init` without `--currency`: the first orders import may still choose
    /// the currency (see `currencyToAdopt`).
    public var currencyIsProvisional: Bool
    /// Who works the program and in which roles (`chorus people`); nil lets everyone do everything.
    public var people: ProgramPeople?

    public init(name: String, brand: String, currency: Currency, landingURL: String, settings: ProgramSettings = ProgramSettings(),
                exchangeRates: [ExchangeRate] = [], currencyIsProvisional: Bool = false, people: ProgramPeople? = nil) {
        self.name = name
        self.brand = brand
        self.currency = currency
        self.landingURL = landingURL
        self.settings = settings
        self.exchangeRates = exchangeRates
        self.currencyIsProvisional = currencyIsProvisional
        self.people = people
    }

    /// A `program.json` or journal entry written before rates existed has none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name), brand: try container.decode(String.self, forKey: .brand),
                  currency: try container.decode(Currency.self, forKey: .currency),
                  landingURL: try container.decode(String.self, forKey: .landingURL),
                  settings: try container.decode(ProgramSettings.self, forKey: .settings),
                  exchangeRates: try container.decodeIfPresent([ExchangeRate].self, forKey: .exchangeRates) ?? [],
                  currencyIsProvisional: try container.decodeIfPresent(Bool.self, forKey: .currencyIsProvisional) ?? false,
                  people: try container.decodeIfPresent(ProgramPeople.self, forKey: .people))
    }
}

public struct ProgramSettings: Hashable, Sendable, Codable {
    /// `utm_medium` that marks a creator link.
    public var creatorMedium: String = "creator"
    /// `utm_medium` values that belong to paid or affiliate channels; surveys never claim them.
    public var paidMediums: [String] = ["cpc", "paid", "paid_social", "paidsocial", "affiliate"]
    /// A pending submission older than this many business days is overdue.
    public var overdueBusinessDays: Int = 3
    /// Rights ending within this many days are "expiring".
    public var rightsExpiryWarningDays: Int = 14
    /// Commission on an order stays pending until the order is this many days old.
    public var commissionHoldDays: Int = 30
    /// Gross margin rate on revenue, in basis points (6000 = 60 %).
    public var marginRateBasisPoints: Int64 = 6_000
    /// Days after delivery with no submission at which a creator is nudged, then ghosted.
    public var ghostingNudgeDays: [Int] = [7, 10, 14]
    /// Shipped but not delivered after this many days is flagged.
    public var shippedNotDeliveredDays: Int = 10
    /// Payouts below this (in the program currency's minor units) wait for the next run.
    public var minimumPayoutMinorUnits: Int64 = 2_500
    /// A run leaves out creators without a tax form on file (W-9, W-8BEN, or none needed).
    public var requireTaxForm = false
    /// How prospects are ranked in the sourcing view and the Pipeline's score column.
    public var fitScore = FitScoreWeights()
    /// An ad disclosure in a caption must end within this many characters: feeds cut captions
    /// to about this length behind "more", and a disclosure nobody sees does not disclose.
    public var disclosureWithinCharacters: Int = 125

    public init() {}

    /// Settings added in later releases are missing from older `program.json` files; they
    /// open with their defaults rather than failing.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ProgramSettings()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        creatorMedium = try value(.creatorMedium, defaults.creatorMedium)
        paidMediums = try value(.paidMediums, defaults.paidMediums)
        overdueBusinessDays = try value(.overdueBusinessDays, defaults.overdueBusinessDays)
        rightsExpiryWarningDays = try value(.rightsExpiryWarningDays, defaults.rightsExpiryWarningDays)
        commissionHoldDays = try value(.commissionHoldDays, defaults.commissionHoldDays)
        marginRateBasisPoints = try value(.marginRateBasisPoints, defaults.marginRateBasisPoints)
        ghostingNudgeDays = try value(.ghostingNudgeDays, defaults.ghostingNudgeDays)
        shippedNotDeliveredDays = try value(.shippedNotDeliveredDays, defaults.shippedNotDeliveredDays)
        minimumPayoutMinorUnits = try value(.minimumPayoutMinorUnits, defaults.minimumPayoutMinorUnits)
        requireTaxForm = try value(.requireTaxForm, defaults.requireTaxForm)
        fitScore = try value(.fitScore, defaults.fitScore)
        disclosureWithinCharacters = try value(.disclosureWithinCharacters, defaults.disclosureWithinCharacters)
    }
}
