extension Creator {
    /// Whether the brand may contact this creator about a program. A customer found in a
    /// store or loyalty list may only be invited if they accepted marketing; anyone else
    /// (an applicant, a marketplace find) reached out or was found in public.
    public var isContactable: Bool { customer?.acceptsMarketing ?? true }

    /// Why `creators` (who are not contactable) cannot be invited, naming them.
    public static func refusalToInvite(_ creators: [Creator]) -> String {
        let names = creators.prefix(5).map { "\($0.name) (\($0.reference))" }.joined(separator: ", ")
        let more = creators.count > 5 ? " and \(creators.count - 5) more" : ""
        return "\(names)\(more) \(creators.count == 1 ? "has" : "have") not accepted marketing and cannot be invited"
    }
}

extension ChangeRecorder {
    /// Refuses to invite customers who have not accepted marketing, naming each of them:
    /// they stay visible as prospects but are never silently invited or silently skipped.
    func requireContactable(_ ids: [CreatorID], _ context: CommandContext) throws {
        guard !context.isReplay else { return }
        let refused = ids.compactMap { workspace.creator($0) }.filter { !$0.isContactable }
        if !refused.isEmpty { throw DomainError(Creator.refusalToInvite(refused)) }
    }
}
