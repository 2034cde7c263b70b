import ChorusConcurrency

/// Credits each store order to at most one creator, by the rules in the README's
/// "Attribution rules" section (keep the two in step):
///
/// 1. Cancelled, voided, pending and authorized orders count for nothing.
/// 2. Direct by code: the first code in `Discount Code` that belongs to a creator.
/// 3. Direct by link: `utm_medium` is the program's creator medium and `utm_content` a
///    creator's link slug.
/// 4. Not ours: `utm_medium` is one of the program's paid or affiliate mediums.
/// 5. Assisted by survey: a person credited one creator for the order's answers (`chorus
///    resolve`), else the answers name exactly one creator, by handle, name or alias (two or
///    more: ambiguous, no credit until resolved).
/// 6. Everything else is unattributed.
///
/// It is a pure function of the workspace so the console, the CLI and the exports cannot
/// disagree, and it is built for a million orders: every lookup is a dictionary prepared once,
/// and an order without codes, UTM values or survey answers allocates nothing.
public enum Attribution {
    /// Bump whenever a rule changes what an order is credited: decisions a workspace kept on
    /// disk under other rules are then not reused (see `AttributionDecisions`).
    public static let rulesVersion = 2

    /// Attributes every order. With `wave`, the totals and counts cover only that wave's orders
    /// (an order's wave: its code's wave, else the wave whose slug is its `utm_campaign`, else
    /// the wave whose dates include the day it was placed); `credits` always covers every order.
    public static func compute(_ workspace: Workspace, wave: WaveID? = nil) -> AttributionResult {
        compute(workspace, wave: wave, pieces: Parallel.pieceCount(for: workspace.orders.count, minimumSize: 50_000))
    }

    /// `compute` with the orders decided in `pieces` runs on separate cores.
    static func compute(_ workspace: Workspace, wave: WaveID?, pieces: Int) -> AttributionResult {
        AttributionResult(adding: decide(workspace, pieces: pieces), orders: workspace.orders.rows, creatorIDs: workspace.creators.map(\.id),
                          waveIDs: workspace.waves.map(\.id), currency: workspace.program.currency, wave: wave)
    }

    /// The decision for every order, without adding anything up: what a store keeps on disk
    /// (see `AttributionDecisions`) so a workspace can open without deciding a million orders again.
    public static func decide(_ workspace: Workspace) -> AttributionDecisions {
        decide(workspace, pieces: Parallel.pieceCount(for: workspace.orders.count, minimumSize: 50_000))
    }

    static func decide(_ workspace: Workspace, pieces: Int) -> AttributionDecisions {
        guard !workspace.orders.isEmpty else { return AttributionDecisions(credits: []) }
        let rules = Rules(workspace)
        // The decisions are independent, so they are made on every core.
        let credits = workspace.orders.withUnsafeBufferPointer { orders in
            workspace.surveyResponses.withUnsafeBufferPointer { answers in
                Parallel.array(count: orders.count, pieces: pieces) { range, slots in
                    var names: [CreatorPosition] = []
                    var scratch = CreatorMentions.Scratch()
                    for index in range {
                        (slots + index).initialize(to: rules.credit(index, of: orders, answers: answers, named: &names, limit: 2, scratch: &scratch))
                    }
                }
            }
        }
        return AttributionDecisions(credits: credits)
    }

    /// The survey answers in `result` that name several creators (so nobody is credited), with
    /// who they name, for a person to resolve. Only those orders are looked at again.
    public static func ambiguousAnswers(of result: AttributionResult, in workspace: Workspace) -> [AttributionResult.AmbiguousAnswer] {
        ambiguousAnswers(at: ambiguousOrders(of: result), in: workspace)
    }

    /// The answer about the order at `position`, if `result` leaves it ambiguous: what
    /// resolving it needs, without reading every other ambiguous answer again (twenty thousand
    /// at 100 000 creators, fifteen seconds when names are common).
    public static func ambiguousAnswer(at position: Int, of result: AttributionResult, in workspace: Workspace) -> AttributionResult.AmbiguousAnswer? {
        guard result.credits.indices.contains(position), result.credits[position].outcome == .ambiguous,
              result.covers(result.credits[position]) else { return nil }
        return ambiguousAnswers(at: [position], in: workspace).first
    }

    private static func ambiguousAnswers(at orders: [Int], in workspace: Workspace) -> [AttributionResult.AmbiguousAnswer] {
        // Read in place: copying a whole creator record per name made this most of a report's time.
        let creators = workspace.creators
        return namedInAmbiguousAnswers(orders, in: workspace) { rules, index, named in
            AttributionResult.AmbiguousAnswer(orderID: workspace.orders[index].id, creators: named.compactMap { $0.index.map { creators[$0].id } },
                                              creatorPositions: named, text: rules.namingText(index) ?? "")
        }
    }

    /// Each ambiguous order in `result` with the positions of the creators its answers name:
    /// what a report lists. Without the ids and the buyer's words `ambiguousAnswers` adds, which
    /// for common names (millions of mentions) cost a report more memory than anything else.
    public static func ambiguousMentions(of result: AttributionResult, in workspace: Workspace) -> [(order: OrderID, creatorPositions: [CreatorPosition])] {
        namedInAmbiguousAnswers(ambiguousOrders(of: result), in: workspace) { _, index, named in (workspace.orders[index].id, named) }
    }

    /// `answer` for each of the orders at these positions, with the creators their answers name.
    private static func namedInAmbiguousAnswers<Answer>(_ orders: [Int], in workspace: Workspace,
                                                        _ answer: (Rules, Int, [CreatorPosition]) -> Answer) -> [Answer] {
        guard !orders.isEmpty else { return [] }
        let rules = Rules(workspace)
        return workspace.orders.withUnsafeBufferPointer { rows in
            workspace.surveyResponses.withUnsafeBufferPointer { answers in
                forEachOnEveryCore(orders) { index, scratch in
                    var named: [CreatorPosition] = []
                    _ = rules.credit(index, of: rows, answers: answers, named: &named, limit: nil, scratch: &scratch)
                    return answer(rules, index, named)
                }
            }
        }
    }

    /// The positions of the orders `result` leaves ambiguous, in the waves it covers.
    static func ambiguousOrders(of result: AttributionResult) -> [Int] {
        result.credits.indices.filter { result.credits[$0].outcome == .ambiguous && result.covers(result.credits[$0]) }
    }

    /// `body` for each of `items` in order, with a matching scratch per core: common names make
    /// reading the answers long (hundreds of creators per answer), so it runs on every core.
    static func forEachOnEveryCore<Item, Answer>(_ items: [Item], _ body: (Item, inout CreatorMentions.Scratch) -> Answer) -> [Answer] {
        let pieces = Parallel.pieceCount(for: items.count, minimumSize: 5_000)
        return Parallel.map(pieces) { piece in
            var scratch = CreatorMentions.Scratch()
            return items[(items.count * piece / pieces)..<(items.count * (piece + 1) / pieces)].map { body($0, &scratch) }
        }.flatMap { $0 }
    }
}

extension String {
    /// Equality ignoring ASCII case, without allocating (`"Creator"` equals `"creator"`).
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        for (a, b) in zip(utf8, other.utf8) where a != b {
            let lowerA = a >= 0x41 && a <= 0x5A ? a + 0x20 : a
            let lowerB = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            if lowerA != lowerB { return false }
        }
        return true
    }
}
