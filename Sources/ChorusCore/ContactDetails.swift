/// What a phone number or an email address must look like to be worth keeping: loose on
/// purpose (forms and spreadsheets write `+49 30 123`, `(030) 123-45`, `07700 900123`), strict
/// only about what would make a label or a payout bounce.
public enum ContactDetails {
    /// Digits with the separators people type; at least one digit, no letters.
    public static func isPhone(_ text: String) -> Bool {
        text.contains(where: \.isNumber) && text.allSatisfy { $0.isNumber || " +-()./".contains($0) }
    }

    /// Something before and after one `@`, and no spaces.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
