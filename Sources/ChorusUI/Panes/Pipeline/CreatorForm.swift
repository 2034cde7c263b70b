import ChorusCore

/// `e` on a Pipeline row, or in any creator's details: the creator's edit form over the pane.
func openCreatorForm(_ id: CreatorID, _ state: inout UIState, context: UpdateContext) {
    guard let creator = context.workspace.creator(id) else { return }
    state.overlay = nil
    state.form = OpenForm(.editCreator(id), CreatorForm.form(for: creator))
}

/// A creator's own details as a keyboard form: who they are, where they post (a handle and a
/// follower count per platform, `@lena.hikes 12400`), where a parcel goes and where the payout
/// goes. Every field is checked before anything is sent, a country that is not a code says
/// which code was meant (`UK` → `GB`), and saving sends one `.updateCreator`, so the edit is one `z`.
enum CreatorForm {
    enum Field: Int, CaseIterable {
        case handle, name, email, instagram, tiktok, youtube, pinterest, niches, country
        case street, street2, city, region, postalCode, phone, payoutEmail
        /// The payout details (`PayoutFields`), in their order.
        case payoutMethod, taxForm, taxFormReceived, taxCountry

        var label: String {
            switch self {
            case .handle: "Handle"
            case .name: "Name"
            case .email: "Email"
            case .instagram: "Instagram"
            case .tiktok: "TikTok"
            case .youtube: "YouTube"
            case .pinterest: "Pinterest"
            case .niches: "Niches"
            case .country: "Country"
            case .street: "Street"
            case .street2: "Street 2"
            case .city: "City"
            case .region: "Region"
            case .postalCode: "Postal code"
            case .phone: "Phone"
            case .payoutEmail: "Payout email"
            case .payoutMethod, .taxForm, .taxFormReceived, .taxCountry:
                PayoutFields.labels[rawValue - Field.payoutMethod.rawValue]
            }
        }

        /// The platform a profile field is for.
        var platform: Platform? {
            switch self {
            case .instagram: .instagram
            case .tiktok: .tiktok
            case .youtube: .youtube
            case .pinterest: .pinterest
            default: nil
            }
        }
    }

    static func form(for creator: Creator) -> FormState {
        let address = creator.address
        let text: (Field) -> String = { field in
            if let platform = field.platform {
                return creator.profiles.first { $0.platform == platform }.map { "@\($0.handle) \($0.followers)" } ?? ""
            }
            switch field {
            case .handle: return creator.isLead ? "" : "@" + creator.handle
            case .name: return creator.name
            case .email: return creator.email ?? ""
            case .niches: return creator.niches.joined(separator: ", ")
            case .country: return creator.country ?? address?.country ?? ""
            case .street: return address?.line1 ?? ""
            case .street2: return address?.line2 ?? ""
            case .city: return address?.city ?? ""
            case .region: return address?.region ?? ""
            case .postalCode: return address?.postalCode ?? ""
            case .phone: return creator.phone ?? ""
            case .payoutEmail: return creator.payoutEmail ?? ""
            case .payoutMethod, .taxForm, .taxFormReceived, .taxCountry:
                return PayoutFields.texts(creator.payoutProfile)[field.rawValue - Field.payoutMethod.rawValue]
            default: return ""
            }
        }
        let title = creator.isLead ? "Edit the lead \(creator.name): a handle makes them a prospect" : "Edit @\(creator.handle)"
        return FormState(title: title, fields: Field.allCases.map { FormField($0.label, text($0)) })
    }

    /// `base` with the fields' values, or nil after putting a message next to every field that does not read.
    static func creator(from form: inout FormState, base: Creator) -> Creator? {
        func text(_ field: Field) -> String { form.fields[field.rawValue].text.trimmingSpaces }
        func optional(_ field: Field) -> String? { text(field).isEmpty ? nil : text(field) }
        func refuse(_ field: Field, _ message: String) { form.refuse(field.rawValue, message) }
        var creator = base
        let handle = Creator.normalizedHandle(text(.handle))
        // A lead may stay one (no handle yet); a creator may not lose theirs.
        if (handle.isEmpty && !base.isLead) || handle.contains(" ") { refuse(.handle, "write the handle people know them by, like @lena.hikes") }
        creator.handle = handle
        if text(.name).isEmpty { refuse(.name, "a creator needs a name") }
        creator.name = text(.name)
        creator.email = optional(.email)
        if let email = creator.email, !ContactDetails.isEmail(email) { refuse(.email, "\"\(email)\" is not an email address") }
        creator.profiles = []
        for field in Field.allCases {
            guard let platform = field.platform, let profile = optional(field) else { continue }
            do { creator.profiles.append(try self.profile(profile, on: platform, keeping: base)) } catch {
                refuse(field, (error as? BriefText.Problem)?.message ?? "\(error)")
            }
        }
        if base.isLead, !handle.isEmpty, creator.profiles.isEmpty {
            creator.profiles = [SocialProfile(platform: .instagram, handle: handle, followers: 0)]
        }
        if creator.isLead, creator.email == nil { refuse(.email, "a lead is reached by email; write it, or their handle above") }
        creator.niches = BriefText.list(text(.niches))
        creator.country = nil
        if let country = optional(.country) {
            if let code = CountryNames.code(for: country) { creator.country = code } else { refuse(.country, CountryNames.problem(with: country)) }
        }
        creator.address = address(form, &creator, refuse)
        creator.phone = optional(.phone)
        if let phone = creator.phone, !ContactDetails.isPhone(phone) { refuse(.phone, "\"\(phone)\" is not a phone number") }
        creator.payoutEmail = optional(.payoutEmail)
        if let email = creator.payoutEmail, !ContactDetails.isEmail(email) { refuse(.payoutEmail, "\"\(email)\" is not an email address") }
        let payoutFields: [Field] = [.payoutMethod, .taxForm, .taxFormReceived, .taxCountry]
        creator.payoutProfile = PayoutFields.profile(payoutFields.map(text)) { refuse(payoutFields[$0], $1) }
        return form.hasMessages ? nil : creator
    }

    /// The field a domain refusal is about.
    static func field(for refusal: String) -> Field {
        if refusal.contains("handle") { return .handle }
        if refusal.contains("address") { return .street }
        if refusal.contains("country") { return .country }
        if refusal.contains("follower") { return .instagram }
        return .name
    }

    /// `@handle 12400` (followers optional: kept from before, else 0; `12,400` and `12.4k` read too).
    private static func profile(_ text: String, on platform: Platform, keeping base: Creator) throws -> SocialProfile {
        let words = text.split(separator: " ").map(String.init)
        let handle = Creator.normalizedHandle(words[0])
        guard !handle.isEmpty, words.count <= 2 else { throw BriefText.Problem("write the \(platform.label) handle and followers, like @lena.hikes 12400") }
        guard words.count == 2 else {
            let kept = base.profiles.first { $0.platform == platform && Creator.normalizedHandle($0.handle) == handle }?.followers ?? 0
            return SocialProfile(platform: platform, handle: handle, followers: kept)
        }
        guard let followers = followerCount(words[1]) else { throw BriefText.Problem("\"\(words[1])\" is not a follower count, like 12400 or 12.4k") }
        return SocialProfile(platform: platform, handle: handle, followers: followers)
    }

    private static func followerCount(_ text: String) -> Int? {
        let lower = text.lowercased().filter { $0 != "," && $0 != "_" }
        for (suffix, factor) in [("k", 1_000.0), ("m", 1_000_000.0)] where lower.hasSuffix(suffix) {
            guard let number = Double(lower.dropLast()), number >= 0, number < 1e7 else { return nil }
            return Int((number * factor).rounded())
        }
        guard let count = Int(lower), count >= 0 else { return nil }
        return count
    }

    /// The postal address, when any line of it is filled in: street, city, postal code and the
    /// country are needed to ship anything, so a partial one is refused at the first gap.
    private static func address(_ form: FormState, _ creator: inout Creator, _ refuse: (Field, String) -> Void) -> PostalAddress? {
        func optional(_ field: Field) -> String? {
            let text = form.fields[field.rawValue].text.trimmingSpaces
            return text.isEmpty ? nil : text
        }
        let lines: [Field] = [.street, .street2, .city, .region, .postalCode]
        guard lines.contains(where: { optional($0) != nil }) else { return nil }
        var complete = true
        for (field, what) in [(Field.street, "the street"), (.city, "the city"), (.postalCode, "the postal code")] where optional(field) == nil {
            refuse(field, "\(what) is needed to ship to this address")
            complete = false
        }
        guard let country = creator.country else {
            if optional(.country) == nil { refuse(.country, "the address needs a country code, like DE") }
            return nil
        }
        guard complete else { return nil }
        return PostalAddress(line1: optional(.street)!, line2: optional(.street2), city: optional(.city)!, region: optional(.region),
                             postalCode: optional(.postalCode)!, country: country)
    }
}
