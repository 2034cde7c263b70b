import ChorusCore

/// The store's orders over the program's five months, and the post-purchase survey answers
/// for a share of them: the raw material attribution works on. Orders mix every signal the
/// attribution rules must weigh: creator codes (sometimes two codes in one field), site-wide
/// promotions, creator links, paid social and affiliate traffic, refunds and cancellations,
/// and survey answers that name creators the way buyers do (`@mia.botanics`, `mia botanics`,
/// `Jose Nunez`, two creators at once) or name no creator at all.
extension SampleBuilder {
    mutating func makeOrders() {
        var random = orderRandom
        let count = options.orders
        guard count > 0 else { return }
        orders.reserveCapacity(count)
        surveyResponses.reserveCapacity(count / 4)
        let firstDay = today.adding(days: -160)
        let span = Int64(160 * 86_400)
        let startSeconds = Timestamp(day: firstDay).secondsSinceEpoch
        let slot = max(1, Int(span / Int64(count)))
        let wave1Start = Timestamp(day: waves[0].startDate!), wave2Start = Timestamp(day: waves[1].startDate!)
        let sellers = OrderSellers(builder: self)
        let lineNames = SampleCatalog.products.map(\.name), lineSKUs = SampleCatalog.products.map(\.id.rawValue)
        let prices = SampleCatalog.products.map { SampleCatalog.money($0.price) }
        let customers = max(50, count * 6 / 10)
        for index in 0..<count {
            let created = Timestamp(secondsSinceEpoch: startSeconds + Int64(index) * span / Int64(count) + Int64(random.below(slot)))
            let pool = created < wave1Start ? 0 : created < wave2Start ? sellers.wave1.count : sellers.wave1.count + sellers.wave2.count
            var order = Order(id: OrderID("#" + String(1_001 + index)), email: Self.customerEmail(random.below(customers)),
                              financialStatus: "paid", createdAt: created, subtotal: .zero(SampleCatalog.currency),
                              refunded: .zero(SampleCatalog.currency), source: Self.orderSource(&random))
            var lineTotal = Money.zero(SampleCatalog.currency)
            let lineCount = 1 + random.weighted([60, 30, 10])
            var product = random.below(prices.count)
            for _ in 0..<lineCount {
                let quantity = random.chance(85) ? 1 : 2
                order.lines.append(OrderLine(sku: lineSKUs[product], name: lineNames[product], quantity: quantity, price: prices[product]))
                lineTotal = lineTotal + prices[product] * Int64(quantity)
                product = (product + 1 + random.below(prices.count - 1)) % prices.count
            }
            var creator: Int?
            var discountBasisPoints: Int64 = 0
            switch random.below(100) {
            case 0..<10 where pool > 0:
                let seller = sellers.pick(below: pool, &random)
                creator = seller
                order.discountCodes = codes[seller]
                discountBasisPoints = 1_500
                if random.chance(8) { order.discountCodes! += ", WELCOME10" }
                if random.chance(30) { setCreatorLink(seller, sellers, on: &order) }
            case 10..<16 where pool > 0:
                let seller = sellers.pick(below: pool, &random)
                creator = seller
                setCreatorLink(seller, sellers, on: &order)
            case 16..<21:
                order.utmSource = random.chance(50) ? "instagram" : "facebook"
                order.utmMedium = "paid_social"
                order.utmCampaign = random.chance(50) ? "always-on-prospecting" : "retargeting-30d"
                if pool > 0, random.chance(20) {  // a partnership ad that also carried the creator's code
                    order.discountCodes = codes[sellers.pick(below: pool, &random)]
                    discountBasisPoints = 1_500
                }
            case 21..<23:
                order.utmSource = "awin"
                order.utmMedium = "affiliate"
                order.utmCampaign = "publisher-" + String(random.int(in: 100...999))
            case 23..<29:
                order.discountCodes = "WELCOME10"
                discountBasisPoints = 1_000
            case 29..<31 where created >= wave2Start:
                order.discountCodes = "SUMMER20"
                discountBasisPoints = 2_000
            case 31..<35:
                order.utmSource = "klaviyo"
                order.utmMedium = "email"
                order.utmCampaign = "newsletter-" + String(created.day.components.month)
            default:
                break
            }
            order.subtotal = lineTotal - lineTotal.percentage(basisPoints: discountBasisPoints)
            Self.settle(&order, &random)
            if random.chance(22) { addSurveyResponse(for: order, creator: creator, pool: pool, sellers, &random) }
            orders.append(order)
        }
        orderRandom = random
    }

    private func setCreatorLink(_ position: Int, _ sellers: OrderSellers, on order: inout Order) {
        order.utmSource = sellers.platforms[position]
        order.utmMedium = program.settings.creatorMedium
        order.utmCampaign = waves[firstWave[position] ?? 0].slug
        order.utmContent = sellers.slugs[position]
    }

    /// Payment outcome: mostly paid; some refunded in full or part, voided, cancelled or still pending.
    private static func settle(_ order: inout Order, _ random: inout SeededRandom) {
        switch random.below(100) {
        case 0..<3:
            order.financialStatus = "refunded"
            order.refunded = order.subtotal
        case 3..<6:
            order.financialStatus = "partially_refunded"
            order.refunded = order.subtotal.percentage(basisPoints: Int64(random.int(in: 1_500...5_000)))
        case 6..<8:
            order.financialStatus = "voided"
            order.cancelledAt = order.createdAt.adding(seconds: Int64(random.int(in: 1...30) * 3_600))
        case 8:
            order.financialStatus = "refunded"
            order.refunded = order.subtotal
            order.cancelledAt = order.createdAt.adding(seconds: Int64(random.int(in: 2...48) * 3_600))
        case 9..<11:
            order.financialStatus = "pending"
        case 11:
            order.financialStatus = "authorized"
        default:
            break
        }
    }

    private static func orderSource(_ random: inout SeededRandom) -> String {
        switch random.below(100) {
        case 0..<88: "web"
        case 88..<94: "iphone"
        case 94..<97: "android"
        case 97..<99: "shopify_draft_order"
        default: "pos"
        }
    }

    /// The email of the store's `number`th ordinary customer: the same number always gives the same address.
    private static func customerEmail(_ number: Int) -> String {
        let first = SamplePeople.customerFirstNames, last = SamplePeople.customerLastNames, domains = SamplePeople.customerDomains
        return first[number % first.count] + "." + last[(number / first.count) % last.count] + String(number) + "@"
            + domains[number % domains.count]
    }

    private mutating func addSurveyResponse(for order: Order, creator: Int?, pool: Int, _ sellers: OrderSellers,
                                            _ random: inout SeededRandom) {
        var response: String
        var other: String?
        if let creator {
            if random.chance(60) {
                response = sellers.platforms[creator] == "tiktok" ? "TikTok" : "Instagram"
            } else {
                response = "Influencer / creator"
                other = "@" + creators[creator].handle
            }
        } else {
            switch random.below(100) {
            case 0..<20 where pool > 0 && !postedCreators.isEmpty:
                response = "Influencer / creator"
                other = namedCreators(&random)
            case 0..<35:
                response = order.utmMedium == "paid_social" || random.chance(50) ? "Instagram ad" : "Facebook ad"
            case 35..<50:
                response = "Friend or family"
                other = random.chance(30) ? random.pick(["my sister", "a colleague recommended it", "gift from a friend"]) : nil
            case 50..<65:
                response = "Google search"
            case 65..<73:
                response = "Podcast"
                other = "The Glow Pod"
            case 73..<83:
                response = "TikTok"
            case 83..<92:
                response = "Instagram"
            default:
                response = "Other"
                other = random.pick(["Saw it in a shop in Lyon", "Magazine", "Can't remember"])
            }
        }
        surveyResponses.append(SurveyResponse(
            id: SurveyResponseID(formatID(prefix: "SR-", number: surveyResponses.count + 1, width: 6)), orderID: order.id,
            question: "How did you hear about us?", response: response, other: other, email: order.email,
            couponCode: order.discountCodes, utmSource: order.utmSource))
    }

    /// How buyers write the creators they remember: with or without `@`, by plain name, by
    /// name and platform, sometimes two at once.
    private func namedCreators(_ random: inout SeededRandom) -> String {
        let first = random.pick(postedCreators)
        let handle = creators[first].handle
        switch random.below(6) {
        case 0: return "@" + handle
        case 1: return handle
        case 2: return asciiNames[first]
        case 3: return asciiNames[first] + " on " + (creators[first].primaryPlatform?.label ?? "Instagram")
        case 4: return "@" + handle + " and @" + creators[random.pick(postedCreators)].handle
        default: return asciiNames[first] + " & " + asciiNames[random.pick(postedCreators)]
        }
    }
}

/// Creators who can drive an order, split by the wave whose code and link they got first
/// (Wave 1 codes work from Wave 1's start, Wave 2 codes from Wave 2's), with the link fields
/// precomputed so a million orders do not recompute a slug each.
struct OrderSellers {
    let wave1: [Int]
    let wave2: [Int]
    let slugs: [Int: String]
    let platforms: [Int: String]

    init(builder: SampleBuilder) {
        wave1 = builder.sellingCreators.filter { builder.firstWave[$0] == 0 }
        wave2 = builder.sellingCreators.filter { builder.firstWave[$0] == 1 }
        var slugs: [Int: String] = [:]
        var platforms: [Int: String] = [:]
        for position in builder.sellingCreators where slugs[position] == nil {
            slugs[position] = builder.creators[position].effectiveLinkSlug
            platforms[position] = (builder.creators[position].primaryPlatform ?? .instagram).rawValue
        }
        self.slugs = slugs
        self.platforms = platforms
    }

    /// A seller among the first `pool` (Wave 1's, then Wave 2's).
    func pick(below pool: Int, _ random: inout SeededRandom) -> Int {
        let index = random.below(pool)
        return index < wave1.count ? wave1[index] : wave2[index - wave1.count]
    }
}
