extension Creator {
    /// Whether the brand may contact this creator about a program. A customer found in a
    /// store or loyalty list may only be invited if they accepted marketing; anyone else
    /// (an applicant, a marketplace find) reached out or was found in public.
    public var isContactable: Bool { customer?.acceptsMarketing ?? true }
}

extension ChangeRecorder {
    /// Refuses to invite customers who have not accepted marketing, naming each of them:
    /// they stay visible as prospects but are never silently invited or silently skipped.
    func requireContactable(_ ids: [CreatorID]) throws {
        let refused = ids.compactMap { workspace.creator($0) }.filter { !$0.isContactable }
        guard !refused.isEmpty else { return }
        let names = refused.prefix(5).map { "\($0.name) (@\($0.handle))" }.joined(separator: ", ")
        let more = refused.count > 5 ? " and \(refused.count - 5) more" : ""
        let verb = refused.count == 1 ? "has" : "have"
        throw DomainError("\(names)\(more) \(verb) not accepted marketing and cannot be invited")
    }
}
