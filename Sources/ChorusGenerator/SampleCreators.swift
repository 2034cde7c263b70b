import ChorusCore

/// The creators: mostly nano and micro, a few macro, one or two mega; from customer lists,
/// loyalty, CRM, inbound applications, marketplaces and referrals; across ten countries.
extension SampleBuilder {
    mutating func makeCreators() {
        var random = creatorRandom
        let count = options.creators
        creators.reserveCapacity(count)
        asciiNames.reserveCapacity(count)
        var handles = Set<String>(minimumCapacity: count)
        let countryWeights = SamplePeople.countries.map(\.weight)
        let megaPositions = count >= 250 ? [count / 3, count * 2 / 3] : count >= 100 ? [count / 2] : []
        for position in 0..<count {
            let country: SamplePeople.Country
            let name: SamplePeople.Name
            var handle: String
            if position < SamplePeople.showcase.count {
                let showcase = SamplePeople.showcase[position]
                country = SamplePeople.countries.first { $0.code == showcase.country }!
                name = showcase.name
                handle = showcase.handle
            } else {
                country = SamplePeople.countries[random.weighted(countryWeights)]
                name = Self.personName(in: country, &random)
                handle = Self.handle(for: name, &random)
            }
            while !handles.insert(handle).inserted { handle += "_" + String(position) }
            let followers = megaPositions.contains(position) ? random.int(in: 1_200_000...3_400_000) : Self.followers(&random)
            creators.append(makeCreator(position: position, name: name.written, handle: handle, country: country,
                                        followers: followers, &random))
            asciiNames.append(name.ascii)
        }
        creatorRandom = random
    }

    private func makeCreator(position: Int, name: String, handle: String, country: SamplePeople.Country,
                             followers: Int, _ random: inout SeededRandom) -> Creator {
        let platforms: [Platform] = [.instagram, .tiktok, .youtube, .pinterest]
        let primary = platforms[random.weighted([55, 30, 10, 5])]
        var profiles = [SocialProfile(platform: primary, handle: handle, followers: followers)]
        if random.chance(45) {
            let secondary = platforms[(platforms.firstIndex(of: primary)! + 1 + random.below(3)) % platforms.count]
            profiles.append(SocialProfile(platform: secondary, handle: handle, followers: followers * random.int(in: 10...70) / 100))
        }
        let engagement: ClosedRange<Int> = switch Tier(followers: followers) {
        case .nano: 300...900
        case .micro: 200...500
        case .macro: 100...300
        case .mega: 50...150
        }
        let nicheStart = random.below(SamplePeople.niches.count)
        let niches = (0..<random.int(in: 1...3)).map { SamplePeople.niches[(nicheStart + $0 * 5) % SamplePeople.niches.count] }
        let sources = Self.sources(&random)
        let isCustomer = sources.contains(.customerList) || sources.contains(.loyalty) || sources.contains(.crm)
        return Creator(
            id: CreatorID(formatID(prefix: "CR-", number: position + 1, width: 5)), handle: handle, name: name,
            email: sources == [.marketplace] && random.chance(30) ? nil : handle + "@" + random.pick(country.emailDomains),
            country: country.code, profiles: profiles, engagementRate: Double(random.int(in: engagement)) / 10_000,
            niches: niches, address: random.chance(85) ? Self.address(in: country, &random) : nil, sources: sources,
            customer: isCustomer ? customerSignals(loyalty: sources.contains(.loyalty), &random) : nil,
            linkSlug: handle == "mia.botanics" ? "mia-botanics" : nil, note: Self.note(&random))
    }

    private static func personName(in country: SamplePeople.Country, _ random: inout SeededRandom) -> SamplePeople.Name {
        let first = random.pick(country.firstNames)
        let last = random.pick(country.lastNames)
        let ascii = first.ascii + " " + last.ascii
        if let separator = country.familyFirst { return SamplePeople.Name(last.written + separator + first.written, ascii) }
        return SamplePeople.Name(first.written + " " + last.written, ascii)
    }

    /// An Instagram-style handle: lower-case ASCII letters and digits joined by `.` or `_`.
    private static func handle(for name: SamplePeople.Name, _ random: inout SeededRandom) -> String {
        let parts = name.ascii.split(separator: " ")
        let first = handlePart(parts.first ?? "creator")
        let second = random.chance(50) ? handlePart(parts.dropFirst().joined()) : random.pick(SamplePeople.handleWords)
        let joined = first + (random.chance(60) ? "." : "_") + second
        return random.chance(25) ? joined + String(random.int(in: 1...99)) : joined
    }

    private static func handlePart(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }))
    }

    private static func followers(_ random: inout SeededRandom) -> Int {
        switch random.weighted([60, 34, 6]) {
        case 0: random.int(in: 800...9_999)
        case 1: random.int(in: 10_000...99_999)
        default: random.int(in: 100_000...950_000)
        }
    }

    private static func sources(_ random: inout SeededRandom) -> [CreatorSource] {
        let all: [CreatorSource] = [.customerList, .loyalty, .crm, .inbound, .marketplace, .referral]
        let first = all[random.weighted([35, 15, 10, 20, 12, 8])]
        guard random.chance(15) else { return [first] }
        let second: CreatorSource = first == .inbound ? .referral : .inbound
        return [first, second]
    }

    private func customerSignals(loyalty: Bool, _ random: inout SeededRandom) -> CustomerSignals {
        let orders = random.int(in: 1...14)
        let first = today.adding(days: -random.int(in: 100...900))
        let last = first.adding(days: random.below(first.days(until: today)))
        let categoryStart = random.below(SampleCatalog.products.count)
        let categories = (0..<random.int(in: 1...3)).map { SampleCatalog.products[(categoryStart + $0 * 4) % SampleCatalog.products.count].category }
        var distinct: [String] = []
        for category in categories where !distinct.contains(category) { distinct.append(category) }
        return CustomerSignals(orders: orders, totalSpent: SampleCatalog.money(Int64(orders * random.int(in: 2_500...8_000))),
                               firstOrder: first, lastOrder: orders == 1 ? first : last, categories: distinct,
                               loyaltyTier: loyalty ? random.pick(["Gold", "Silver", "Bronze"]) : nil, acceptsMarketing: random.chance(85))
    }

    private static func address(in country: SamplePeople.Country, _ random: inout SeededRandom) -> PostalAddress {
        let street = random.pick(country.streets)
        let number = String(random.int(in: 1...180))
        let place = random.pick(country.places)
        let line2 = random.chance(12) ? random.pick(["Apt 4B", "c/o Studio Nord", "2nd floor, left", "Building C"]) : nil
        return PostalAddress(line1: country.numberFirst ? number + " " + street : street + " " + number, line2: line2,
                             city: place.city, region: place.region, postalCode: place.postalCode, country: country.code)
    }

    /// Coordinators' notes; some hold quotes, commas and line breaks, as pasted notes do.
    private static func note(_ random: inout SeededRandom) -> String? {
        switch random.below(100) {
        case 0..<3: "Prefers \"fragrance-free\" products, no glass jars\nDM before sending anything"
        case 3..<5: "Agency: Bloom Talent, contact via email only"
        case 5..<7: "Met at the Hamburg pop-up; very engaged community"
        default: nil
        }
    }
}
