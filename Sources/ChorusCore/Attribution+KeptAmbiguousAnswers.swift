extension Attribution {
    /// `ambiguousMentions(of:in:)` for a report beside kept decisions, which reads no whole
    /// order: which orders are ambiguous is in `result`, so all it needs of the orders is every
    /// one's `Name` and Shopify id (`orderIDs`, `shopifyIDs`, in table order) to find the answers
    /// about those orders. Only those answers are read for names and only their words indexed,
    /// where the full path prepares every rule over every order and answer.
    public static func ambiguousMentions(of result: AttributionResult, orderIDs: [OrderID], shopifyIDs: [String?],
                                         answers: [SurveyAnswerText], creators: EntityTable<Creator>) -> [(order: OrderID, creatorPositions: [CreatorPosition])] {
        let wanted = ambiguousOrders(of: result)
        guard !wanted.isEmpty else { return [] }
        let about = SurveyAnswerOrders.answers(about: wanted, ids: orderIDs, shopifyIDs: shopifyIDs, answers: answers)
        let mentions = CreatorMentions(creators, namedIn: about.flatMap { $0.map { answers[Int($0)] } })
        return forEachOnEveryCore(Array(wanted.indices)) { index, scratch in
            var named: [CreatorPosition] = []
            for answer in about[index] { mentions.collect(answers[Int(answer)], into: &named, limit: nil, scratch: &scratch) }
            return (orderIDs[wanted[index]], named)
        }
    }
}
