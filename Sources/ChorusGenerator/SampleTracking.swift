import ChorusCore

/// One discount code per creator who got as far as being seeded (`MIABOTANIC15` style:
/// upper-case letters and digits from the handle, then the percentage), unique across the
/// program and never clashing with the store's site-wide promotions. Tracking links are made
/// with the enrollments.
extension SampleBuilder {
    static let sitePromotions = ["WELCOME10", "SUMMER20"]

    mutating func makeTracking() {
        var random = trackingRandom
        codes = Array(repeating: nil, count: creators.count)
        var used = Set(Self.sitePromotions)
        for position in codeHolders where codes[position] == nil {
            let creator = creators[position]
            let letters = creator.handle.uppercased().unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            let base = String(String.UnicodeScalarView(letters.prefix(10)))
            var code = base + "15"
            var attempt = 1
            while !used.insert(code).inserted {
                attempt += 1
                code = base + String(attempt) + "X15"
            }
            codes[position] = code
            let wave = waves[firstWave[position] ?? 0]
            discountCodes.append(DiscountCode(code: code, creatorID: creator.id, waveID: wave.id, kind: .percent, value: 1_500,
                                              usageLimit: random.chance(20) ? 250 : nil, validFrom: wave.startDate))
        }
        trackingRandom = random
    }
}
