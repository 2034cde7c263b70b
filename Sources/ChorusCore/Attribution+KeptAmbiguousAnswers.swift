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
        return mentions(in: zip(wanted, about).map { (orderIDs[$0], $1) }, answers: answers, creators: creators)
    }

    /// One order attribution left ambiguous: its position, its `Name`, and the positions of the
    /// survey answers about it.
    public struct AnswersAbout: Sendable, Equatable {
        public var position: Int
        public var order: OrderID
        public var answers: [Int32]

        public init(position: Int, order: OrderID, answers: [Int32]) {
            (self.position, self.order, self.answers) = (position, order, answers)
        }
    }

    /// For every order `decisions` leave ambiguous, in table order, the answers about it as
    /// attribution matched them (`SurveyAnswerOrders.orderPositions`): kept beside the decisions,
    /// they let a report list the ambiguous answers without reading any order.
    public static func answersAboutAmbiguousOrders(_ decisions: AttributionDecisions, orders: EntityTable<Order>,
                                                   answers: EntityTable<SurveyResponse>) -> [AnswersAbout] {
        let ambiguous = decisions.ambiguousPositions
        guard !ambiguous.isEmpty else { return [] }
        var index = [Int: Int](minimumCapacity: ambiguous.count)
        for (offset, position) in ambiguous.enumerated() { index[position] = offset }
        var about = ambiguous.map { AnswersAbout(position: $0, order: orders[$0].id, answers: []) }
        for (answer, position) in SurveyAnswerOrders.orderPositions(of: answers, in: orders).enumerated() {
            if position >= 0, let offset = index[Int(position)] { about[offset].answers.append(Int32(answer)) }
        }
        return about
    }

    /// `ambiguousMentions(of:in:)` from the answers kept about every ambiguous order (`about`,
    /// from `answersAboutAmbiguousOrders` for the same decisions): a report then reads no order,
    /// and reads the answers (`answers`) only when some order of the wave asked about is
    /// ambiguous. Nil when `about` misses an order `result` leaves ambiguous, which a store
    /// checking `about` against the decisions first never sees.
    public static func ambiguousMentions(of result: AttributionResult, about: [AnswersAbout], answers: () throws -> [SurveyAnswerText],
                                         creators: EntityTable<Creator>) rethrows -> [(order: OrderID, creatorPositions: [CreatorPosition])]? {
        var next = 0, orders: [(OrderID, [Int32])] = []
        // Both in table order: the wanted orders (of a wave, perhaps) are found in one walk.
        for position in ambiguousOrders(of: result) {
            while next < about.count, about[next].position < position { next += 1 }
            guard next < about.count, about[next].position == position else { return nil }
            orders.append((about[next].order, about[next].answers))
            next += 1
        }
        return orders.isEmpty ? [] : mentions(in: orders, answers: try answers(), creators: creators)
    }

    /// The creators the answers about each order name (`orders`: the order and its answers'
    /// positions). Only those answers' words are indexed.
    private static func mentions(in orders: [(OrderID, [Int32])], answers: [SurveyAnswerText],
                                 creators: EntityTable<Creator>) -> [(order: OrderID, creatorPositions: [CreatorPosition])] {
        guard !orders.isEmpty else { return [] }
        let mentions = CreatorMentions(creators, namedIn: orders.flatMap { $0.1.map { answers[Int($0)] } })
        return forEachOnEveryCore(orders) { order, scratch in
            var named: [CreatorPosition] = []
            for answer in order.1 { mentions.collect(answers[Int(answer)], into: &named, limit: nil, scratch: &scratch) }
            return (order.0, named)
        }
    }
}
