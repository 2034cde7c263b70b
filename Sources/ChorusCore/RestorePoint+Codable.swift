/// Restore points are journaled with every undo, so they are written compactly (only what is
/// there) and deterministically (removed keys sorted), keeping the journal small and diffable.
extension RestorePoint {
    private enum CodingKeys: String, CodingKey {
        case program, waves, creators, enrollments, skus, shipments, submissions, assets, discountCodes, orders
        case surveyResponses, trackingLinks, payoutRuns, remove, undoes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        program = try c.decodeIfPresent(Program.self, forKey: .program)
        waves = try c.decodeIfPresent([Wave].self, forKey: .waves) ?? []
        creators = try c.decodeIfPresent([Creator].self, forKey: .creators) ?? []
        enrollments = try c.decodeIfPresent([Enrollment].self, forKey: .enrollments) ?? []
        skus = try c.decodeIfPresent([SKU].self, forKey: .skus) ?? []
        shipments = try c.decodeIfPresent([Shipment].self, forKey: .shipments) ?? []
        submissions = try c.decodeIfPresent([Submission].self, forKey: .submissions) ?? []
        assets = try c.decodeIfPresent([Asset].self, forKey: .assets) ?? []
        discountCodes = try c.decodeIfPresent([DiscountCode].self, forKey: .discountCodes) ?? []
        orders = try c.decodeIfPresent([Order].self, forKey: .orders) ?? []
        surveyResponses = try c.decodeIfPresent([SurveyResponse].self, forKey: .surveyResponses) ?? []
        trackingLinks = try c.decodeIfPresent([TrackingLink].self, forKey: .trackingLinks) ?? []
        payoutRuns = try c.decodeIfPresent([PayoutRun].self, forKey: .payoutRuns) ?? []
        remove = try c.decodeIfPresent(RemovalKeys.self, forKey: .remove) ?? RemovalKeys()
        // A kind this build does not know (a newer one's) needs what an unknown undo needs: admin.
        undoes = try c.decodeIfPresent(String.self, forKey: .undoes).map { Command.Kind(rawValue: $0) ?? .restore }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(program, forKey: .program)
        try c.encodeUnlessEmpty(waves, forKey: .waves)
        try c.encodeUnlessEmpty(creators, forKey: .creators)
        try c.encodeUnlessEmpty(enrollments, forKey: .enrollments)
        try c.encodeUnlessEmpty(skus, forKey: .skus)
        try c.encodeUnlessEmpty(shipments, forKey: .shipments)
        try c.encodeUnlessEmpty(submissions, forKey: .submissions)
        try c.encodeUnlessEmpty(assets, forKey: .assets)
        try c.encodeUnlessEmpty(discountCodes, forKey: .discountCodes)
        try c.encodeUnlessEmpty(orders, forKey: .orders)
        try c.encodeUnlessEmpty(surveyResponses, forKey: .surveyResponses)
        try c.encodeUnlessEmpty(trackingLinks, forKey: .trackingLinks)
        try c.encodeUnlessEmpty(payoutRuns, forKey: .payoutRuns)
        if !remove.isEmpty { try c.encode(remove, forKey: .remove) }
        try c.encodeIfPresent(undoes?.rawValue, forKey: .undoes)
    }
}

extension RemovalKeys {
    private enum CodingKeys: String, CodingKey {
        case waves, creators, enrollments, skus, shipments, submissions, assets, discountCodes, trackingLinks, orders, surveyResponses
        case payoutRuns
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        waves = Set(try c.decodeIfPresent([WaveID].self, forKey: .waves) ?? [])
        creators = Set(try c.decodeIfPresent([CreatorID].self, forKey: .creators) ?? [])
        enrollments = Set(try c.decodeIfPresent([EnrollmentKey].self, forKey: .enrollments) ?? [])
        skus = Set(try c.decodeIfPresent([SKUID].self, forKey: .skus) ?? [])
        shipments = Set(try c.decodeIfPresent([ShipmentID].self, forKey: .shipments) ?? [])
        submissions = Set(try c.decodeIfPresent([SubmissionID].self, forKey: .submissions) ?? [])
        assets = Set(try c.decodeIfPresent([AssetID].self, forKey: .assets) ?? [])
        discountCodes = Set(try c.decodeIfPresent([String].self, forKey: .discountCodes) ?? [])
        trackingLinks = Set(try c.decodeIfPresent([TrackingLink].self, forKey: .trackingLinks) ?? [])
        orders = Set(try c.decodeIfPresent([OrderID].self, forKey: .orders) ?? [])
        surveyResponses = Set(try c.decodeIfPresent([SurveyResponseID].self, forKey: .surveyResponses) ?? [])
        payoutRuns = Set(try c.decodeIfPresent([Int].self, forKey: .payoutRuns) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUnlessEmpty(waves.sorted(), forKey: .waves)
        try c.encodeUnlessEmpty(creators.sorted(), forKey: .creators)
        try c.encodeUnlessEmpty(enrollments.sorted { ($0.waveID, $0.creatorID) < ($1.waveID, $1.creatorID) }, forKey: .enrollments)
        try c.encodeUnlessEmpty(skus.sorted(), forKey: .skus)
        try c.encodeUnlessEmpty(shipments.sorted(), forKey: .shipments)
        try c.encodeUnlessEmpty(submissions.sorted(), forKey: .submissions)
        try c.encodeUnlessEmpty(assets.sorted(), forKey: .assets)
        try c.encodeUnlessEmpty(discountCodes.sorted(), forKey: .discountCodes)
        try c.encodeUnlessEmpty(trackingLinks.sorted { ($0.creatorID, $0.waveID, $0.platform.rawValue) < ($1.creatorID, $1.waveID, $1.platform.rawValue) },
                                forKey: .trackingLinks)
        try c.encodeUnlessEmpty(orders.sorted(), forKey: .orders)
        try c.encodeUnlessEmpty(surveyResponses.sorted(), forKey: .surveyResponses)
        try c.encodeUnlessEmpty(payoutRuns.sorted(), forKey: .payoutRuns)
    }
}

extension KeyedEncodingContainer {
    mutating func encodeUnlessEmpty<T: Encodable>(_ values: [T], forKey key: Key) throws {
        if !values.isEmpty { try encode(values, forKey: key) }
    }
}
