extension ChangeRecorder {
    /// Records drafts. Refuses a second draft of the same step for anyone (nobody is nudged
    /// twice for one step) and marketing to people who did not accept it, naming them.
    mutating func draftMessages(_ kind: MessageKind, in waveID: WaveID, for ids: [CreatorID], _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        if Set(ids).count != ids.count { throw DomainError("a creator is listed twice") }
        let wave = try requireWave(waveID)
        if kind.isMarketing && !context.isReplay {
            // Not `requireCreator`: a lead may be asked to apply.
            let refused = try ids.map { id in
                guard let creator = workspace.creator(id) else { throw DomainError("creator \(id) does not exist") }
                return creator
            }.filter { !$0.isContactable }
            if !refused.isEmpty {
                throw DomainError(Creator.refusalToInvite(refused).replacingOccurrences(of: "cannot be invited", with: "cannot be sent \(kind.rawValue)"))
            }
        }
        var drafted: [Enrollment] = []
        var leads: [Creator] = []
        for id in ids {
            if var lead = workspace.creator(id), lead.isLead {
                guard kind == .apply else { throw DomainError("\(lead.name) (\(lead.reference)) is a lead with no handle yet; leads are only sent apply") }
                if let earlier = lead.invitationToApply {
                    throw DomainError("\(lead.reference) already has \(earlier.label(today: context.now.day)); nobody gets the same step twice")
                }
                lead.invitationToApply = Correspondence(kind: kind, draftedAt: context.now)
                leads.append(lead)
                continue
            }
            guard var enrollment = workspace.enrollment(id, in: waveID) else { throw DomainError("\(handle(id)) is not in \(wave.name)") }
            if let earlier = enrollment.correspondence.first(where: { $0.kind == kind }) {
                throw DomainError("\(handle(id)) already has \(earlier.label(today: context.now.day)); nobody gets the same step twice")
            }
            enrollment.correspondence.append(Correspondence(kind: kind, draftedAt: context.now))
            drafted.append(enrollment)
        }
        drafted.forEach { put($0) }
        leads.forEach { put($0) }
        return "drafted \(Self.plural(drafted.count + leads.count, "\(kind.label) message")) for \(wave.name)"
    }

    /// Marks messages as sent. One written outside Chorus (never drafted here) is recorded as
    /// drafted and sent now, so the once-per-step rule covers it too; one already sent stays as it was.
    mutating func markMessagesSent(_ kind: MessageKind, in waveID: WaveID, for ids: [CreatorID], _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        let wave = try requireWave(waveID)
        var sent: [Enrollment] = []
        var leads: [Creator] = []
        for id in Set(ids).sorted(by: { $0.rawValue < $1.rawValue }) {
            if var lead = workspace.creator(id), lead.isLead, kind == .apply {
                if lead.invitationToApply?.sentAt != nil { continue }
                lead.invitationToApply = Correspondence(kind: kind, draftedAt: lead.invitationToApply?.draftedAt ?? context.now, sentAt: context.now)
                leads.append(lead)
                continue
            }
            guard var enrollment = workspace.enrollment(id, in: waveID) else { throw DomainError("\(handle(id)) is not in \(wave.name)") }
            if let position = enrollment.correspondence.firstIndex(where: { $0.kind == kind }) {
                if enrollment.correspondence[position].sentAt != nil { continue }
                enrollment.correspondence[position].sentAt = context.now
            } else {
                enrollment.correspondence.append(Correspondence(kind: kind, draftedAt: context.now, sentAt: context.now))
            }
            sent.append(enrollment)
        }
        sent.forEach { put($0) }
        leads.forEach { put($0) }
        return "marked \(Self.plural(sent.count + leads.count, "\(kind.label) message")) sent for \(wave.name)"
    }
}
