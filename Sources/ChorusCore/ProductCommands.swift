extension ChangeRecorder {
    /// Upserts SKUs by id from a store's product or inventory export, as one undoable step.
    ///
    /// Each given SKU is the whole new value except `reserved`, which only Chorus knows (units
    /// held by its own queued parcels) and is kept. The summary counts what changed, because
    /// "imported 240 products" says nothing to someone checking a re-import of last week's file.
    mutating func importProducts(_ skus: [SKU]) throws -> String {
        try Self.requireNonEmpty(skus, "products")
        let currency = workspace.program.currency
        var ids: Set<SKUID> = []
        for sku in skus {
            if !ids.insert(sku.id).inserted { throw DomainError("SKU \(sku.id) is listed twice") }
            _ = try Self.requireText(sku.name, "a name for SKU \(sku.id)")
            for amount in [sku.unitCost, sku.price].compactMap({ $0 }) where amount.currency != currency {
                throw DomainError("SKU \(sku.id) is priced in \(amount.currency); the program uses \(currency)")
            }
            if sku.unitCost.minorUnits < 0 { throw DomainError("SKU \(sku.id) has a negative unit cost") }
            if sku.stockOnHand < 0 { throw DomainError("SKU \(sku.id) has negative stock") }
            let reserved = workspace.sku(sku.id)?.reserved ?? 0
            if sku.stockOnHand < reserved {
                throw DomainError("SKU \(sku.id) would have \(sku.stockOnHand) on hand but \(reserved) are reserved for queued shipments")
            }
        }
        var added = 0, costChanges = 0, priceChanges = 0, renamed = 0, stockChange = 0
        for var sku in skus {
            if let existing = workspace.sku(sku.id) {
                sku.reserved = existing.reserved
                if existing.unitCost != sku.unitCost { costChanges += 1 }
                if existing.price != sku.price { priceChanges += 1 }
                if existing.name != sku.name { renamed += 1 }
                stockChange += sku.stockOnHand - existing.stockOnHand
                if existing == sku { continue }
            } else {
                sku.reserved = 0
                added += 1
                stockChange += sku.stockOnHand
            }
            put(sku)
        }
        var parts: [String] = []
        if added > 0 { parts.append("\(added) new SKU\(added == 1 ? "" : "s")") }
        if renamed > 0 { parts.append("\(renamed) renamed") }
        if costChanges > 0 { parts.append(Self.plural(costChanges, "cost change")) }
        if priceChanges > 0 { parts.append(Self.plural(priceChanges, "price change")) }
        if stockChange != 0 { parts.append("stock \(stockChange > 0 ? "+" : "")\(stockChange)") }
        return "imported products: " + (parts.isEmpty ? "nothing changed" : parts.joined(separator: ", "))
    }
}
