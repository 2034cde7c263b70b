import ChorusConcurrency

extension ChangeRecorder {
    mutating func addDiscountCodes(_ codes: [DiscountCode]) throws -> String {
        try Self.requireNonEmpty(codes, "discount codes")
        // The index and lookups are upper-case; a code decoded or edited after init may not be.
        let codes = codes.map { code in var code = code; code.code = code.code.uppercased(); return code }
        var seen: Set<String> = []
        for code in codes {
            if !DiscountCode.isWellFormed(code.code) {
                throw DomainError("'\(code.code)' is not a valid discount code (letters, digits, - and _ only)")
            }
            if workspace.discountCode(code.code) != nil || !seen.insert(code.code).inserted {
                throw DomainError("discount code \(code.code) already exists")
            }
            _ = try requireCreator(code.creatorID)
            if let wave = code.waveID { _ = try requireWave(wave) }
            switch code.kind {
            case .percent where !(1...10_000).contains(code.value): throw DomainError("code \(code.code): a percentage must be between 0.01 % and 100 %")
            case .fixed where code.value <= 0: throw DomainError("code \(code.code): a fixed discount must be above zero")
            default: break
            }
            if let limit = code.usageLimit, limit < 1 { throw DomainError("code \(code.code): a usage limit must be at least 1 (leave it empty for no limit)") }
            if let from = code.validFrom, let until = code.validUntil, until < from {
                throw DomainError("code \(code.code) ends \(until), before it starts \(from)")
            }
        }
        codes.forEach { put($0) }
        return "added \(Self.plural(codes.count, "discount code"))"
    }

    mutating func addTrackingLinks(_ links: [TrackingLink]) throws -> String {
        try Self.requireNonEmpty(links, "tracking links")
        for link in links {
            _ = try requireCreator(link.creatorID)
            _ = try requireWave(link.waveID)
        }
        links.forEach { put($0) }
        return "added \(Self.plural(links.count, "tracking link"))"
    }

    /// Upserts by order name, so re-importing an overlapping export updates refunds instead of duplicating.
    mutating func importOrders(_ orders: [Order]) throws -> String {
        try Self.requireNonEmpty(orders, "orders")
        settleProvisionalCurrency(for: orders)
        try Self.requireProgramCurrency(orders, workspace.program.currency)
        let (added, updated, unchanged) = put(orders: orders)
        return "imported orders: \(added) new, \(updated) updated, \(unchanged) unchanged"
    }

    /// Refuses orders with an amount in another currency than the program's, naming the first.
    /// Read in place, as `upsert(contentsOf:)` reads keys (a copy of each order was most of
    /// this check), and each half of a big import on a core of its own: reading a million
    /// orders' lines was a third of applying them, while the other core waited.
    private static func requireProgramCurrency(_ orders: [Order], _ currency: Currency) throws {
        let firstForeign = orders.withUnsafeBufferPointer { orders in
            let halves = Parallel.halves(of: orders.count)
            return Parallel.map(halves.count) { half in
                halves[half].lazy.compactMap { index -> (Int, Money)? in
                    let foreign = orders[index].subtotal.currency != currency ? orders[index].subtotal
                        : orders[index].refunded.currency != currency ? orders[index].refunded
                        : Self.firstLinePrice(of: orders[index].lines) { $0.currency != currency }
                    return foreign.map { (index, $0) }
                }.first
            }.lazy.compactMap { $0 }.first
        }
        if let (index, foreign) = firstForeign {
            throw DomainError("order \(orders[index].id) is in \(foreign.currency); the program uses \(currency)")
        }
    }

    /// The first of `lines`' prices that `matches`, read as their block keeps them: building
    /// every line of a million orders (its SKU and name retained and released) to read its
    /// price's currency was a quarter of applying the import.
    private static func firstLinePrice(of lines: OrderLines, where matches: (Money) -> Bool) -> Money? {
        lines.indices.lazy.map { lines.packedLine(at: $0).price }.first(where: matches)
    }

    mutating func importSurveyResponses(_ responses: [SurveyResponse]) throws -> String {
        try Self.requireNonEmpty(responses, "survey responses")
        for response in responses where response.response.trimmingWhitespace.isEmpty && (response.other ?? "").trimmingWhitespace.isEmpty {
            throw DomainError("survey response \(response.id) for order \(response.orderID) is empty")
        }
        responses.forEach { put($0) }
        return "imported \(Self.plural(responses.count, "survey response"))"
    }
}
