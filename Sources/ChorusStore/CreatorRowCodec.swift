import ChorusCore

/// Creators as rows: profiles, address and customer signals nest as arrays in the layouts the
/// header names, so a 100 000-creator file stays one line per creator.
enum CreatorRowCodec: RowCodec {
    static let collection = "creators"
    static let columns: String? = #"["id","handle","name","email","country",{"profiles":["platform","handle","followers"]},"#
        + #""engagementRate","niches",{"address":["line1","line2","city","region","postalCode","country"]},"sources","#
        + #"{"customer":["orders","totalSpent","firstOrder","lastOrder","categories","loyaltyTier","acceptsMarketing"]},"#
        + #""linkSlug","note","phone","payoutEmail","aliases"]"#
    static let earlierColumns = [#"["id","handle","name","email","country",{"profiles":["platform","handle","followers"]},"#
        + #""engagementRate","niches",{"address":["line1","line2","city","region","postalCode","country"]},"sources","#
        + #"{"customer":["orders","totalSpent","firstOrder","lastOrder","categories","loyaltyTier","acceptsMarketing"]},"#
        + #""linkSlug","note"]"#]

    static func write(_ creator: Creator, to writer: inout JSONWriter, currency: Currency) {
        writer.beginArray()
        writer.string(creator.id.rawValue)
        writer.string(creator.handle)
        writer.string(creator.name)
        writer.optionalString(creator.email)
        writer.optionalString(creator.country)
        writer.beginArray()
        for profile in creator.profiles {
            writer.beginArray()
            writer.choice(profile.platform)
            writer.string(profile.handle)
            writer.int(profile.followers)
            writer.endArray()
        }
        writer.endArray()
        writer.double(creator.engagementRate)
        writer.strings(creator.niches)
        if let address = creator.address {
            writer.beginArray()
            writer.string(address.line1)
            writer.optionalString(address.line2)
            writer.string(address.city)
            writer.optionalString(address.region)
            writer.string(address.postalCode)
            writer.string(address.country)
            writer.endArray()
        } else {
            writer.null()
        }
        writer.strings(creator.sources.map(\.rawValue))
        if let customer = creator.customer {
            writer.beginArray()
            writer.int(customer.orders)
            writer.money(customer.totalSpent, currency: currency)
            writer.optionalDay(customer.firstOrder)
            writer.optionalDay(customer.lastOrder)
            writer.strings(customer.categories)
            writer.optionalString(customer.loyaltyTier)
            writer.bool(customer.acceptsMarketing)
            writer.endArray()
        } else {
            writer.null()
        }
        writer.optionalString(creator.linkSlug)
        writer.optionalString(creator.note)
        writer.optionalString(creator.phone)
        writer.optionalString(creator.payoutEmail)
        writer.strings(creator.aliases)
        // Payout details trail the row only when recorded, so files without them keep their
        // bytes: [method, taxForm, taxFormReceived, taxCountry]; a lead's invitation to apply
        // follows them the same way ([kind, draftedAt, sentAt]), after a null for no payout details.
        if let payout = creator.payoutProfile {
            writer.beginArray()
            writer.optionalString(payout.method?.rawValue)
            writer.optionalString(payout.taxForm?.rawValue)
            writer.optionalDay(payout.taxFormReceived)
            writer.optionalString(payout.taxCountry)
            writer.endArray()
        } else if creator.invitationToApply != nil {
            writer.null()
        }
        if let invitation = creator.invitationToApply {
            writer.beginArray()
            writer.choice(invitation.kind)
            writer.timestamp(invitation.draftedAt)
            writer.optionalTimestamp(invitation.sentAt)
            writer.endArray()
        }
        writer.endArray()
    }

    static func read(from reader: inout JSONReader, currency: Currency) throws -> Creator {
        // What the reader's rows share is taken out for the row and put back after (moved, not
        // copied): reached through key paths instead, each lookup built and applied a key path
        // at run time, a twentieth of decoding a creator.
        var sharing = Sharing()
        swap(&sharing, &reader.creatorSharing)
        defer { swap(&sharing, &reader.creatorSharing) }
        try reader.beginArray("creator")
        let id = CreatorID(try reader.string("id"))
        let handle = try reader.string("handle")
        let name = try reader.string("name")
        let email = try reader.optionalString("email")
        let country = try reader.optionalString("country")
        try reader.beginArray("profiles")
        var profiles: [SocialProfile] = []
        while reader.hasMoreElements() {
            // Most creators have one or two: room for two at once, not a second allocation.
            if profiles.isEmpty { profiles.reserveCapacity(2) }
            try reader.beginArray("profiles")
            let platform = try reader.choice(platforms, "profiles.platform")
            let profileHandle = try reader.string("profiles.handle", sameAs: handle)
            let followers = try reader.int("profiles.followers")
            try reader.endArray("profiles")
            profiles.append(SocialProfile(platform: platform, handle: profileHandle, followers: followers))
        }
        try reader.endArray("profiles")
        let engagementRate = try reader.double("engagementRate")
        let niches = try sharing.niches.next(of: &reader, "niches") { try $0.strings("niches") }
        var address: PostalAddress?
        if try !reader.nextIsNull("address") {
            try reader.beginArray("address")
            address = PostalAddress(line1: try reader.string("address.line1"), line2: try reader.optionalString("address.line2"),
                                    city: try reader.string("address.city"), region: try reader.optionalString("address.region"),
                                    postalCode: try reader.string("address.postalCode"), country: try reader.string("address.country"))
            try reader.endArray("address")
        }
        let sources = try sharing.sources.next(of: &reader, "sources") { reader in
            try reader.beginArray("sources")
            var sources: [CreatorSource] = []
            while reader.hasMoreElements() { sources.append(try reader.choice(CreatorSource.self, "sources")) }
            try reader.endArray("sources")
            return sources
        }
        var customer: CustomerSignals?
        if try !reader.nextIsNull("customer") {
            try reader.beginArray("customer")
            customer = CustomerSignals(orders: try reader.int("customer.orders"),
                                       totalSpent: try reader.money("customer.totalSpent", currency: currency),
                                       firstOrder: try reader.optionalDay("customer.firstOrder"),
                                       lastOrder: try reader.optionalDay("customer.lastOrder"),
                                       categories: try sharing.categories.next(of: &reader, "customer.categories") {
                                           try $0.strings("customer.categories")
                                       },
                                       loyaltyTier: try reader.optionalString("customer.loyaltyTier"),
                                       acceptsMarketing: try reader.bool("customer.acceptsMarketing"))
            try reader.endArray("customer")
        }
        let linkSlug = try reader.optionalString("linkSlug")
        let note = try reader.optionalString("note")
        // Every field is read before the creator is made, in one initializer call at the end:
        // a creator made first and filled in after was copied whole on its way out.
        var (phone, payoutEmail, aliases): (String?, String?, [String]) = (nil, nil, [])
        if reader.hasMoreElements() {
            phone = try reader.optionalString("phone")
            payoutEmail = try reader.optionalString("payoutEmail")
            aliases = try reader.strings("aliases")
        }
        var payoutProfile: PayoutProfile?
        if reader.hasMoreElements(), try !reader.nextIsNull("payout") {
            try reader.beginArray("payout")
            payoutProfile = PayoutProfile(method: try optionalChoice(PayoutProfile.Method.self, &reader, "payout.method"),
                                          taxForm: try optionalChoice(PayoutProfile.TaxForm.self, &reader, "payout.taxForm"),
                                          taxFormReceived: try reader.optionalDay("payout.taxFormReceived"),
                                          taxCountry: try reader.optionalString("payout.taxCountry"))
            try reader.endArray("payout")
        }
        var invitationToApply: Correspondence?
        if reader.hasMoreElements() {
            try reader.beginArray("invitationToApply")
            let kind = try reader.choice(MessageKind.self, "invitationToApply.kind")
            invitationToApply = Correspondence(kind: kind, draftedAt: try reader.timestamp("invitationToApply.draftedAt"),
                                               sentAt: try reader.optionalTimestamp("invitationToApply.sentAt"))
            try reader.endArray("invitationToApply")
        }
        try reader.endArray("creator")
        return Creator(id: id, handle: handle, name: name, email: email, country: country, profiles: profiles,
                       engagementRate: engagementRate, niches: niches, address: address, sources: sources, customer: customer,
                       linkSlug: linkSlug, note: note, phone: phone, payoutEmail: payoutEmail, aliases: aliases,
                       payoutProfile: payoutProfile, invitationToApply: invitationToApply)
    }

    private static let platforms = ChoiceBytes(Platform.self)

    /// What the creators of one reader (one chunk of the file, on one thread) share: one copy
    /// of each combination of niches, sources and store categories they name.
    struct Sharing {
        var niches = RecentValues<[String]>()
        var sources = RecentValues<[CreatorSource]>()
        var categories = RecentValues<[String]>()
    }

    private static func optionalChoice<Choice: RawRepresentable & CaseIterable>(
        _ type: Choice.Type, _ reader: inout JSONReader, _ column: StaticString
    ) throws -> Choice? where Choice.RawValue == String {
        try reader.nextIsNull(column) ? nil : try reader.choice(type, column)
    }
}
