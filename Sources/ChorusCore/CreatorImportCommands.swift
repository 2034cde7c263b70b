extension ChangeRecorder {
    /// Upserts creators by id and adds the discount codes named alongside them.
    ///
    /// A creators file is re-imported whenever the CRM exports again, so an existing creator
    /// is updated in place (the importer has already matched handles to ids) and a code the
    /// creator already holds is left alone; only a code held by someone else is refused.
    /// Link slugs must stay unique, because a slug is how a link order finds its creator.
    mutating func importCreators(_ creators: [Creator], codes: [DiscountCode]) throws -> String {
        try Self.requireNonEmpty(creators, "creators")
        var handles: Set<String> = []
        var ids: Set<CreatorID> = []
        for creator in creators {
            try validate(creator)
            let handle = Creator.normalizedHandle(creator.handle)
            guard handles.insert(handle).inserted, ids.insert(creator.id).inserted else {
                throw DomainError("@\(handle) appears twice in the import")
            }
            if let other = workspace.creator(handle: handle), other.id != creator.id {
                throw DomainError("the handle @\(handle) belongs to \(other.name) (\(other.id))")
            }
        }
        try requireUniqueSlugs(creators)
        var added = 0, updated = 0, unchanged = 0
        for creator in creators {
            switch workspace.creator(creator.id) {
            case nil: added += 1; put(creator)
            case let existing? where existing == creator: unchanged += 1
            default: updated += 1; put(creator)
            }
        }
        var summary = "imported creators: \(added) new, \(updated) updated, \(unchanged) unchanged"
        var newCodes: [DiscountCode] = []
        for code in codes {
            guard let holder = workspace.discountCode(code.code) else { newCodes.append(code); continue }
            if holder.creatorID != code.creatorID {
                throw DomainError("discount code \(holder.code) already belongs to \(handle(holder.creatorID))")
            }
        }
        if !newCodes.isEmpty { summary += "; " + (try addDiscountCodes(newCodes)) }
        return summary
    }

    /// Refuses an import that would give two creators the same tracking-link slug.
    private func requireUniqueSlugs(_ creators: [Creator]) throws {
        let importing = Dictionary(creators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var owners: [String: Creator] = [:]
        for creator in workspace.creators where importing[creator.id] == nil {
            owners[creator.effectiveLinkSlug.lowercased()] = creator
        }
        for creator in creators {
            let slug = creator.effectiveLinkSlug.lowercased()
            if let owner = owners[slug], owner.id != creator.id {
                throw DomainError("@\(creator.handle) would have the link slug '\(slug)', which @\(owner.handle) already uses")
            }
            owners[slug] = creator
        }
    }
}
