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
        try withUnsafeTemporaryAllocation(of: Creator.self, capacity: 1) { slot in
            try read(from: &reader, currency: currency, into: slot.baseAddress!)
            return slot.baseAddress!.move()
        }
    }

    /// Builds the creator where it is kept: made with its id, handle and name, then the other
    /// fields set one by one on its own storage (nothing else holds it yet, so nothing is copied).
    static func read(from reader: inout JSONReader, currency: Currency, into slot: UnsafeMutablePointer<Creator>) throws {
        // What the reader's rows share is taken out for the row and put back after (moved, not
        // copied): reached through key paths instead, each lookup built and applied a key path at
        // run time, a twentieth of decoding a creator.
        var sharing = Sharing()
        swap(&sharing, &reader.creatorSharing)
        defer { swap(&sharing, &reader.creatorSharing) }
        try reader.beginArray("creator")
        let id = CreatorID(try reader.string("id"))
        let handle = try reader.string("handle")
        slot.initialize(to: Creator(id: id, handle: handle, name: try reader.string("name")))
        do {
            try readFields(from: &reader, currency: currency, sharing: &sharing, into: &slot.pointee)
        } catch {
            slot.deinitialize(count: 1)
            throw error
        }
    }

    /// The fields after the name, in the file's order, into `creator` (made with none of them).
    private static func readFields(from reader: inout JSONReader, currency: Currency, sharing: inout Sharing,
                                   into creator: inout Creator) throws {
        creator.email = try reader.optionalString("email")
        creator.country = try reader.optionalString("country")
        try reader.beginArray("profiles")
        while reader.hasMoreElements() {
            // Most creators have one or two: room for two at once, not a second allocation.
            if creator.profiles.isEmpty { creator.profiles.reserveCapacity(2) }
            try reader.beginArray("profiles")
            let platform = try reader.choice(platforms, "profiles.platform")
            let profileHandle = try reader.string("profiles.handle", sameAs: creator.handle)
            let followers = try reader.int("profiles.followers")
            try reader.endArray("profiles")
            creator.profiles.append(SocialProfile(platform: platform, handle: profileHandle, followers: followers))
        }
        try reader.endArray("profiles")
        creator.engagementRate = try reader.double("engagementRate")
        creator.niches = try sharing.niches.next(of: &reader, "niches") { try $0.strings("niches") }
        creator.address = try address(&reader)
        creator.sources = try sharing.sources.next(of: &reader, "sources") { reader in
            try reader.beginArray("sources")
            var sources: [CreatorSource] = []
            while reader.hasMoreElements() { sources.append(try reader.choice(CreatorSource.self, "sources")) }
            try reader.endArray("sources")
            return sources
        }
        creator.customer = try customer(&reader, currency: currency, sharing: &sharing)
        creator.linkSlug = try reader.optionalString("linkSlug")
        creator.note = try reader.optionalString("note")
        if reader.hasMoreElements() {
            creator.phone = try reader.optionalString("phone")
            creator.payoutEmail = try reader.optionalString("payoutEmail")
            creator.aliases = try reader.strings("aliases")
        }
        if reader.hasMoreElements(), try !reader.nextIsNull("payout") {
            try reader.beginArray("payout")
            creator.payoutProfile = PayoutProfile(method: try optionalChoice(PayoutProfile.Method.self, &reader, "payout.method"),
                                                  taxForm: try optionalChoice(PayoutProfile.TaxForm.self, &reader, "payout.taxForm"),
                                                  taxFormReceived: try reader.optionalDay("payout.taxFormReceived"),
                                                  taxCountry: try reader.optionalString("payout.taxCountry"))
            try reader.endArray("payout")
        }
        if reader.hasMoreElements() {
            try reader.beginArray("invitationToApply")
            let kind = try reader.choice(MessageKind.self, "invitationToApply.kind")
            creator.invitationToApply = Correspondence(kind: kind, draftedAt: try reader.timestamp("invitationToApply.draftedAt"),
                                                       sentAt: try reader.optionalTimestamp("invitationToApply.sentAt"))
            try reader.endArray("invitationToApply")
        }
        try reader.endArray("creator")
    }

    private static let platforms = ChoiceBytes(Platform.self)

    // The address and the customer signals are made once all of their fields are read and their
    // array is closed: made before the closing bracket was read, each was copied whole on its
    // way into the creator (a retain and a release per field), in case that read failed.

    private static func address(_ reader: inout JSONReader) throws -> PostalAddress? {
        if try reader.nextIsNull("address") { return nil }
        try reader.beginArray("address")
        let line1 = try reader.string("address.line1"), line2 = try reader.optionalString("address.line2")
        let city = try reader.string("address.city"), region = try reader.optionalString("address.region")
        let postalCode = try reader.string("address.postalCode"), country = try reader.string("address.country")
        try reader.endArray("address")
        return PostalAddress(line1: line1, line2: line2, city: city, region: region, postalCode: postalCode, country: country)
    }

    private static func customer(_ reader: inout JSONReader, currency: Currency, sharing: inout Sharing) throws -> CustomerSignals? {
        if try reader.nextIsNull("customer") { return nil }
        try reader.beginArray("customer")
        let orders = try reader.int("customer.orders"), totalSpent = try reader.money("customer.totalSpent", currency: currency)
        let firstOrder = try reader.optionalDay("customer.firstOrder"), lastOrder = try reader.optionalDay("customer.lastOrder")
        let categories = try sharing.categories.next(of: &reader, "customer.categories") { try $0.strings("customer.categories") }
        let loyaltyTier = try reader.optionalString("customer.loyaltyTier"), acceptsMarketing = try reader.bool("customer.acceptsMarketing")
        try reader.endArray("customer")
        return CustomerSignals(orders: orders, totalSpent: totalSpent, firstOrder: firstOrder, lastOrder: lastOrder, categories: categories,
                               loyaltyTier: loyaltyTier, acceptsMarketing: acceptsMarketing)
    }

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
