extension Creator {
    /// Named as the fields were when Codable was synthesized from them: journals keep these keys.
    enum CodingKeys: String, CodingKey {
        case id, handle, name, email, country, profiles, engagementRate, niches, address, sources, customer, linkSlug, note, phone
        case payoutEmail, aliases, payoutProfile, invitationToApply
    }

    /// Journals written before aliases (or leads' invitations) existed have none; every other field decodes as usual.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(CreatorID.self, forKey: .id), handle: try c.decode(String.self, forKey: .handle),
                  name: try c.decode(String.self, forKey: .name), email: try c.decodeIfPresent(String.self, forKey: .email),
                  country: try c.decodeIfPresent(String.self, forKey: .country),
                  profiles: try c.decode([SocialProfile].self, forKey: .profiles),
                  engagementRate: try c.decode(Double.self, forKey: .engagementRate), niches: try c.decode([String].self, forKey: .niches),
                  address: try c.decodeIfPresent(PostalAddress.self, forKey: .address),
                  sources: try c.decode([CreatorSource].self, forKey: .sources),
                  customer: try c.decodeIfPresent(CustomerSignals.self, forKey: .customer),
                  linkSlug: try c.decodeIfPresent(String.self, forKey: .linkSlug), note: try c.decodeIfPresent(String.self, forKey: .note),
                  phone: try c.decodeIfPresent(String.self, forKey: .phone),
                  payoutEmail: try c.decodeIfPresent(String.self, forKey: .payoutEmail),
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                  payoutProfile: try c.decodeIfPresent(PayoutProfile.self, forKey: .payoutProfile),
                  invitationToApply: try c.decodeIfPresent(Correspondence.self, forKey: .invitationToApply))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(country, forKey: .country)
        try c.encode(profiles, forKey: .profiles)
        try c.encode(engagementRate, forKey: .engagementRate)
        try c.encode(niches, forKey: .niches)
        try c.encodeIfPresent(address, forKey: .address)
        try c.encode(sources, forKey: .sources)
        try c.encodeIfPresent(customer, forKey: .customer)
        try c.encodeIfPresent(linkSlug, forKey: .linkSlug)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(phone, forKey: .phone)
        try c.encodeIfPresent(payoutEmail, forKey: .payoutEmail)
        try c.encode(aliases, forKey: .aliases)
        try c.encodeIfPresent(payoutProfile, forKey: .payoutProfile)
        try c.encodeIfPresent(invitationToApply, forKey: .invitationToApply)
    }
}
