/// How a creator is paid and whether finance holds the tax form the brand needs before paying.
///
/// Status only: a tax identification number is never stored. The processor (PayPal, Wise) and
/// the accountant keep the form itself; Chorus only needs to know which form, since when, and
/// for which country, to decide whether a run may include the creator.
public struct PayoutProfile: Hashable, Sendable, Codable {
    public enum Method: String, Hashable, Sendable, Codable, CaseIterable {
        case paypal, venmo, wise, bank

        /// The method as people write it in a file or a form: `PayPal`, `wise`, `bank transfer`.
        public init?(named text: String) {
            switch text.lowercased().filter(\.isLetter) {
            case "paypal": self = .paypal
            case "venmo": self = .venmo
            case "wise", "wisebyemail", "transferwise": self = .wise
            case "bank", "banktransfer", "bankoutsidechorus": self = .bank
            default: return nil
            }
        }

        public var label: String {
            switch self {
            case .paypal: "PayPal"
            case .venmo: "Venmo"
            case .wise: "Wise (by email)"
            case .bank: "bank (outside Chorus)"
            }
        }
    }

    public enum TaxForm: String, Hashable, Sendable, Codable, CaseIterable {
        case w9, w8ben, notNeeded

        /// The form as people write it: `W-9`, `w8ben`, `W8-BEN`, `none`.
        public init?(named text: String) {
            switch text.lowercased().filter({ $0.isLetter || $0.isNumber }) {
            case "w9": self = .w9
            case "w8ben": self = .w8ben
            case "none", "noneneeded", "notneeded": self = .notNeeded
            default: return nil
            }
        }

        public var label: String {
            switch self {
            case .w9: "W-9"
            case .w8ben: "W-8BEN"
            case .notNeeded: "none needed"
            }
        }
    }

    public var method: Method?
    public var taxForm: TaxForm?
    /// The day the form arrived; a form kind without it is requested, not on file.
    public var taxFormReceived: Day?
    /// ISO 3166-1 alpha-2 country the creator is taxed in.
    public var taxCountry: String?

    public init(method: Method? = nil, taxForm: TaxForm? = nil, taxFormReceived: Day? = nil, taxCountry: String? = nil) {
        self.method = method
        self.taxForm = taxForm
        self.taxFormReceived = taxFormReceived
        self.taxCountry = taxCountry
    }

    /// Whether a run may pay this creator when the program requires a tax form.
    public var hasTaxForm: Bool { taxForm == .notNeeded || (taxForm != nil && taxFormReceived != nil) }

    /// The form's status in words: `W-9 received 2026-02-01`, `W-8BEN requested`, `none needed`, `no form`.
    public var taxFormStatus: String {
        switch (taxForm, taxFormReceived) {
        case (nil, _): "no form"
        case (.notNeeded?, _): "none needed"
        case (let form?, let day?): "\(form.label) received \(day)"
        case (let form?, nil): "\(form.label) requested"
        }
    }
}

extension Creator {
    /// Where payouts go: the one place every payout file reads the recipient's address from.
    public var payoutAddress: String? { payoutEmail ?? email }

    /// The form's status for a creator who may have no payout details at all.
    public var taxFormStatus: String { payoutProfile?.taxFormStatus ?? "no form" }
}
