extension ChangeRecorder {
    mutating func setUsageRights(_ id: AssetID, _ rights: UsageRights?) throws -> String {
        var asset = try requireAsset(id)
        if let rights {
            let problems = rights.validationProblems
            if !problems.isEmpty { throw DomainError("rights for \(id) not saved: " + problems.joined(separator: "; ")) }
        }
        asset.rights = rights.map { rights in
            var normalized = rights
            if case .countries(let codes) = rights.territory { normalized.territory = .countries(codes.map { $0.uppercased() }) }
            return normalized
        }
        put(asset)
        return rights == nil ? "cleared the rights of \(id)" : "set the rights of \(id) until \(rights!.end)"
    }

    mutating func tagAssets(_ ids: [AssetID], add: [String], remove: [String]) throws -> String {
        try Self.requireNonEmpty(ids, "assets")
        let add = add.map { $0.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty }
        let remove = Set(remove.map { $0.trimmingWhitespace.lowercased() })
        if add.isEmpty && remove.isEmpty { throw DomainError("no tag to add or remove") }
        let assets = try ids.map(requireAsset)
        for var asset in assets {
            asset.tags.removeAll { remove.contains($0) }
            for tag in add where !asset.tags.contains(tag) { asset.tags.append(tag) }
            put(asset)
        }
        return "tagged \(Self.plural(assets.count, "asset"))"
    }

    mutating func recordMetrics(_ id: AssetID, _ metrics: AssetMetrics) throws -> String {
        var asset = try requireAsset(id)
        let counts = [metrics.views, metrics.likes, metrics.comments, metrics.shares, metrics.saves, metrics.clicks]
        if counts.contains(where: { $0 < 0 }) { throw DomainError("metrics for \(id) cannot be negative") }
        asset.metrics = metrics
        put(asset)
        return "updated the metrics of \(id)"
    }

    /// All readings or none: one bad reading refuses the whole file's worth.
    mutating func importMetrics(_ readings: [MetricsReading]) throws -> String {
        try Self.requireNonEmpty(readings, "metrics")
        var seen = Set<AssetID>()
        for reading in readings where !seen.insert(reading.asset).inserted {
            throw DomainError("\(reading.asset) has more than one reading; keep one per asset")
        }
        for reading in readings { _ = try recordMetrics(reading.asset, reading.metrics) }
        return "updated the metrics of \(Self.plural(readings.count, "asset"))"
    }
}
