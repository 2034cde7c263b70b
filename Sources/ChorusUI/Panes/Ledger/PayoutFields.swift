import ChorusCore

/// The creator form's payout fields, as people type them: how the creator is paid (`PayPal`,
/// `Venmo`, `Wise`, `bank`), the tax form (`W-9`, `W-8BEN`, `none`), the day it arrived and the
/// tax country. All empty means no payout details; status only, never a tax id.
enum PayoutFields {
    static let labels = ["Payout via", "Tax form", "Form received", "Tax country"]

    static func texts(_ profile: PayoutProfile?) -> [String] {
        [profile?.method?.label ?? "", profile?.taxForm?.label ?? "", profile?.taxFormReceived?.description ?? "",
         profile?.taxCountry ?? ""]
    }

    /// The profile the four texts describe; each text that does not read is refused at its
    /// position (0 to 3), like every field of a form.
    static func profile(_ texts: [String], refuse: (Int, String) -> Void) -> PayoutProfile? {
        let texts = texts.map(\.trimmingSpaces)
        guard texts.contains(where: { !$0.isEmpty }) else { return nil }
        var profile = PayoutProfile()
        if !texts[0].isEmpty {
            profile.method = PayoutProfile.Method(named: texts[0])
            if profile.method == nil { refuse(0, "\"\(texts[0])\" is not a payout method; write PayPal, Venmo, Wise or bank") }
        }
        if !texts[1].isEmpty {
            profile.taxForm = PayoutProfile.TaxForm(named: texts[1])
            if profile.taxForm == nil { refuse(1, "\"\(texts[1])\" is not a tax form; write W-9, W-8BEN or none") }
        }
        if !texts[2].isEmpty {
            profile.taxFormReceived = Day(texts[2])
            if profile.taxFormReceived == nil { refuse(2, "\"\(texts[2])\" is not a day; write YYYY-MM-DD") }
        }
        if !texts[3].isEmpty {
            if texts[3].count == 2, CountryCodes.isKnown(texts[3]) { profile.taxCountry = texts[3].uppercased() } else {
                refuse(3, "\"\(texts[3])\" is not a two-letter country code, like US or DE")
            }
        }
        return profile
    }
}
