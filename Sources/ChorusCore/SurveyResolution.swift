extension ChangeRecorder {
    /// Credits `order`'s survey answers to `creatorID` and, with `alias`, teaches the creator
    /// the words the buyer used.
    ///
    /// An alias must name one creator only: one already held by someone else would make every
    /// answer using it ambiguous again, so it is refused with who holds it.
    mutating func resolveSurveyAnswer(_ order: OrderID, to creatorID: CreatorID, alias: String?) throws -> String {
        var creator = try requireCreator(creatorID)
        let answered = SurveyAnswerOrders(workspace)
        let answers = workspace.surveyResponses.filter { answered.order($0.orderID) == order }
        guard !answers.isEmpty else { throw DomainError("order \(order) has no survey answer to resolve") }
        for var answer in answers where answer.creditedCreator != creatorID {
            answer.creditedCreator = creatorID
            put(answer)
        }
        var summary = "credited order \(order) to @\(creator.handle)"
        if let alias = alias?.trimmingWhitespace, !alias.isEmpty {
            try addAlias(alias, to: &creator)
            summary += "; \"\(alias)\" now names @\(creator.handle)"
        }
        return summary
    }

    /// Adds `alias` to `creator` (and puts the creator), unless the creator already has it.
    mutating func addAlias(_ alias: String, to creator: inout Creator) throws {
        let words = TextFolding.words(alias)
        guard !words.isEmpty else { throw DomainError("\"\(alias)\" has no words to match answers by") }
        guard !creator.aliases.contains(where: { TextFolding.words($0) == words }) else { return }
        if let holder = workspace.creators.first(where: { $0.id != creator.id && $0.aliases.contains { TextFolding.words($0) == words } }) {
            throw DomainError("\"\(alias)\" already names @\(holder.handle)")
        }
        creator.aliases.append(alias)
        put(creator)
    }
}
