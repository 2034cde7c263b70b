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
            guard creator.isLead || handles.insert(handle).inserted, ids.insert(creator.id).inserted else {
                throw DomainError("\(creator.isLead ? creator.reference : "@" + handle) appears twice in the import")
            }
            if let before = workspace.creator(creator.id), !before.isLead, creator.isLead {
                throw DomainError("\(before.reference) cannot lose their handle")
            }
            if let other = workspace.creator(handle: handle), other.id != creator.id {
                if let lead = workspace.creator(creator.id), lead.isLead {
                    throw DomainError("\(lead.name) (\(lead.reference)) cannot take the handle @\(handle): it belongs to \(other.name) (\(other.id))")
                }
                throw DomainError("the handle @\(handle) belongs to \(other.name) (\(other.id))")
            }
        }
        try requireUniqueLeadEmails(creators)
        try requireUniqueSlugs(creators)
        let becameProspects = creators.filter { !$0.isLead && workspace.creator($0.id)?.isLead == true }.count
        // Leads are counted apart: they are not creators yet.
        var counts = [false: (added: 0, updated: 0, unchanged: 0), true: (added: 0, updated: 0, unchanged: 0)]
        for creator in creators {
            switch workspace.creator(creator.id) {
            case nil: counts[creator.isLead]!.added += 1; put(creator)
            case let existing? where existing == creator: counts[creator.isLead]!.unchanged += 1
            default: counts[creator.isLead]!.updated += 1; put(creator)
            }
        }
        let (added, updated, unchanged) = counts[false]!
        var summary = "imported creators: \(added) new, \(updated) updated, \(unchanged) unchanged"
        if let leads = counts[true], leads.added + leads.updated + leads.unchanged > 0 {
            summary += "; leads with no handle yet: \(leads.added) new, \(leads.updated) updated, \(leads.unchanged) unchanged"
        }
        if becameProspects > 0 { summary += "; \(Self.plural(becameProspects, "lead")) gave a handle and became \(becameProspects == 1 ? "a prospect" : "prospects")" }
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
        // Leads have no links, so no slug.
        for creator in workspace.creators where importing[creator.id] == nil && !creator.isLead {
            owners[creator.effectiveLinkSlug.lowercased()] = creator
        }
        for creator in creators where !creator.isLead {
            let slug = creator.effectiveLinkSlug.lowercased()
            if let owner = owners[slug], owner.id != creator.id {
                throw DomainError("@\(creator.handle) would have the link slug '\(slug)', which @\(owner.handle) already uses")
            }
            owners[slug] = creator
        }
    }
}
