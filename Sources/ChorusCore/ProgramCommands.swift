extension ChangeRecorder {
    mutating func updateProgram(_ program: Program) throws -> String {
        _ = try Self.requireText(program.name, "a program name")
        guard program.settings.disclosureWithinCharacters > 0 else {
            throw DomainError("disclosureWithinCharacters must be at least 1 (a caption's first characters, 125 by default), "
                + "not \(program.settings.disclosureWithinCharacters)")
        }
        guard program.currency == workspace.program.currency || (workspace.orders.isEmpty && workspace.skus.isEmpty) else {
            throw DomainError("the program currency cannot change from \(workspace.program.currency) once SKUs or orders exist")
        }
        put(program)
        return "updated program settings"
    }

    mutating func createWave(_ wave: Wave) throws -> String {
        guard workspace.wave(wave.id) == nil else { throw DomainError("wave \(wave.id) already exists") }
        try validate(wave)
        put(wave)
        return "created wave \(wave.name)"
    }

    mutating func updateWave(_ wave: Wave) throws -> String {
        _ = try requireWave(wave.id)
        try validate(wave)
        put(wave)
        return "updated wave \(wave.name)"
    }

    private func validate(_ wave: Wave) throws {
        _ = try Self.requireText(wave.name, "a wave name")
        if let start = wave.startDate, let end = wave.endDate, end < start {
            throw DomainError("wave \(wave.name) ends \(end), before it starts \(start)")
        }
        guard wave.budget.currency == workspace.program.currency else {
            throw DomainError("wave \(wave.name) has a budget in \(wave.budget.currency); the program uses \(workspace.program.currency)")
        }
        if wave.budget.minorUnits < 0 { throw DomainError("wave \(wave.name) has a negative budget") }
        for product in wave.brief.products {
            _ = try requireSKU(product.sku)
            if product.quantity <= 0 { throw DomainError("wave \(wave.name) seeds \(product.quantity) of \(product.sku); quantities must be at least 1") }
        }
        // Incentive amounts are added to the ledger in the program currency; another currency would trap there.
        let plan = wave.incentivePlan
        for amount in [plan.flatFee, plan.storeCredit].compactMap({ $0 }) + plan.bonusTiers.map(\.bonus) {
            guard amount.currency == workspace.program.currency else {
                throw DomainError("wave \(wave.name) has an incentive of \(amount); the program uses \(workspace.program.currency)")
            }
            if amount.minorUnits < 0 { throw DomainError("wave \(wave.name) has a negative incentive of \(amount)") }
        }
        if let bp = wave.incentivePlan.commissionBasisPoints, !(0...10_000).contains(bp) {
            throw DomainError("wave \(wave.name) has a commission of \(bp) basis points; it must be 0 to 10000")
        }
        if workspace.waves.contains(where: { $0.id != wave.id && $0.slug.lowercased() == wave.slug.lowercased() }) {
            throw DomainError("another wave already uses the slug '\(wave.slug)'")
        }
    }

    mutating func addCreators(_ creators: [Creator]) throws -> String {
        try Self.requireNonEmpty(creators, "creators")
        var handles: Set<String> = []
        var ids: Set<CreatorID> = []
        for creator in creators {
            try validate(creator)
            let handle = Creator.normalizedHandle(creator.handle)
            if !creator.isLead, workspace.creator(handle: handle) != nil || !handles.insert(handle).inserted {
                throw DomainError("a creator with the handle @\(handle) already exists")
            }
            if workspace.creator(creator.id) != nil || !ids.insert(creator.id).inserted {
                throw DomainError("creator id \(creator.id) is already in use")
            }
        }
        try requireUniqueLeadEmails(creators)
        creators.forEach { put($0) }
        return "added \(Self.plural(creators.count, "creator"))"
    }

    /// Edits a creator or a lead; a lead given a handle becomes a prospect, the same record.
    mutating func updateCreator(_ creator: Creator) throws -> String {
        // Not `requireCreator`: a lead may be edited, above all to be given a handle.
        guard let before = workspace.creator(creator.id) else { throw DomainError("creator \(creator.id) does not exist") }
        try validate(creator)
        if creator.isLead && !before.isLead { throw DomainError("\(before.reference) cannot lose their handle; give them another one") }
        if let other = workspace.creator(handle: creator.handle), other.id != creator.id {
            let handle = Creator.normalizedHandle(creator.handle)
            if before.isLead { throw DomainError("\(before.name) (\(before.reference)) cannot take the handle @\(handle): it belongs to \(other.name) (\(other.id))") }
            throw DomainError("the handle @\(handle) belongs to \(other.name) (\(other.id))")
        }
        try requireUniqueLeadEmails([creator])
        var checked = before
        checked.aliases = []
        for alias in creator.aliases { try addAlias(alias, to: &checked) }
        put(creator)
        if before.isLead && !creator.isLead { return "\(creator.name) (\(before.reference)) is now the prospect @\(creator.handle)" }
        return "updated \(creator.reference)"
    }

    func validate(_ creator: Creator) throws {
        let handle = Creator.normalizedHandle(creator.handle)
        if handle.isEmpty {
            // A lead: known by email until they give a handle.
            guard creator.isLead, creator.email.map(ContactDetails.isEmail) == true else {
                throw DomainError("creator \(creator.id) has no handle\(creator.isLead ? " and no email to reach them as a lead" : "")")
            }
        }
        if handle.contains(where: { $0.isWhitespace }) { throw DomainError("handle '\(creator.handle)' contains a space") }
        if !(0...1).contains(creator.engagementRate) || creator.engagementRate.isNaN {
            throw DomainError("@\(handle) has an engagement rate of \(creator.engagementRate); it must be between 0 and 1")
        }
        if creator.profiles.contains(where: { $0.followers < 0 }) { throw DomainError("@\(handle) has a negative follower count") }
        if let country = creator.country, !CountryCodes.isKnown(country) {
            throw DomainError("@\(handle) has the country '\(country)', which is not an ISO country code")
        }
        if let address = creator.address, !CountryCodes.isKnown(address.country) {
            throw DomainError("@\(handle)'s address is in '\(address.country)', which is not an ISO country code")
        }
    }
}
