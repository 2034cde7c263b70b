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
        let orders = workspace.orders
        let decided = Parallel.map(pieces) { piece in
            let range = (orders.count * piece / pieces)..<(orders.count * (piece + 1) / pieces)
            var names: [CreatorPosition] = []
            var scratch = CreatorMentions.Scratch()
            return range.map { index in rules.credit(index, named: &names, limit: 2, scratch: &scratch) }
        }
        var credits: [AttributionResult.Credit] = []
        credits.reserveCapacity(orders.count)
        for piece in decided { credits += piece }
        return AttributionDecisions(credits: credits)
    }

    /// The survey answers in `result` that name several creators (so nobody is credited), with
    /// who they name, for a person to resolve. Only those orders are looked at again.
    public static func ambiguousAnswers(of result: AttributionResult, in workspace: Workspace) -> [AttributionResult.AmbiguousAnswer] {
        // Read in place: copying a whole creator record per name made this most of a report's time.
        let creators = workspace.creators.rows
        return namedInAmbiguousAnswers(of: result, in: workspace) { rules, index, named in
            AttributionResult.AmbiguousAnswer(orderID: workspace.orders[index].id, creators: named.compactMap { $0.index.map { creators[$0].id } },
                                              creatorPositions: named, text: rules.namingText(index) ?? "")
        }
    }

    /// Each ambiguous order in `result` with the positions of the creators its answers name:
    /// what a report lists. Without the ids and the buyer's words `ambiguousAnswers` adds, which
    /// for common names (millions of mentions) cost a report more memory than anything else.
    public static func ambiguousMentions(of result: AttributionResult, in workspace: Workspace) -> [(order: OrderID, creatorPositions: [CreatorPosition])] {
        namedInAmbiguousAnswers(of: result, in: workspace) { _, index, named in (workspace.orders[index].id, named) }
    }

    private static func namedInAmbiguousAnswers<Answer>(of result: AttributionResult, in workspace: Workspace,
                                                        _ answer: (Rules, Int, [CreatorPosition]) -> Answer) -> [Answer] {
        let orders = result.credits.indices.filter { result.credits[$0].outcome == .ambiguous && result.covers(result.credits[$0]) }
        guard !orders.isEmpty else { return [] }
        let rules = Rules(workspace)
        // Common names make this long (hundreds of creators per answer), so it runs on every core.
        let pieces = Parallel.pieceCount(for: orders.count, minimumSize: 5_000)
        return Parallel.map(pieces) { piece in
            var scratch = CreatorMentions.Scratch()
            return orders[(orders.count * piece / pieces)..<(orders.count * (piece + 1) / pieces)].map { index in
                var named: [CreatorPosition] = []
                _ = rules.credit(index, named: &named, limit: nil, scratch: &scratch)
                return answer(rules, index, named)
            }
        }.flatMap { $0 }
    }

    /// The lookups the rules need, prepared once per run.
    private struct Rules {
        let workspace: Workspace
        /// Upper-cased code → (creator position, wave position).
        var codes: [String: (creator: CreatorPosition, wave: WavePosition)] = [:]
        /// Lower-cased link slug → creator position.
        var slugs: [String: CreatorPosition] = [:]
        /// Lower-cased wave slug → wave position.
        var waveSlugs: [String: WavePosition] = [:]
        let creatorMedium: String
        let paidMediums: [String]
        /// Survey answers by order position: the answers of order `i` are
        /// `answerPositions[answerStarts[i]..<answerStarts[i + 1]]` (positions in
        /// `workspace.surveyResponses`, in file order). Only built when there are any, and read
        /// by position so deciding an order never hashes its id; 32-bit, as `CreatorPosition` is, for memory.
        var answerStarts: [Int32] = []
        var answerPositions: [Int32] = []
        var mentions: CreatorMentions?

        init(_ workspace: Workspace) {
            self.workspace = workspace
            creatorMedium = workspace.program.settings.creatorMedium
            paidMediums = workspace.program.settings.paidMediums
            var wavePositions: [WaveID: WavePosition] = [:]
            for (position, wave) in workspace.waves.enumerated() {
                wavePositions[wave.id] = WavePosition(position)
                waveSlugs[wave.slug.lowercased()] = WavePosition(position)
            }
            for code in workspace.discountCodes {
                guard let creator = workspace.creatorPosition(code.creatorID) else { continue }
                codes[code.code.uppercased()] = (CreatorPosition(creator), code.waveID.flatMap { wavePositions[$0] } ?? .none)
            }
            slugs.reserveCapacity(workspace.creators.count)
            for (position, creator) in workspace.creators.enumerated() where !creator.isLead && slugs[creator.effectiveLinkSlug.lowercased()] == nil {
                slugs[creator.effectiveLinkSlug.lowercased()] = CreatorPosition(position)
            }
            if !workspace.surveyResponses.isEmpty {
                let answered = SurveyAnswerOrders(workspace)
                let orderOf = workspace.surveyResponses.map { response in
                    answered.order(response.orderID).flatMap { workspace.orders.position(of: $0) }.map(Int32.init) ?? -1
                }
                answerStarts = [Int32](repeating: 0, count: workspace.orders.count + 1)
                for order in orderOf where order >= 0 { answerStarts[Int(order) + 1] += 1 }
                for index in 0..<workspace.orders.count { answerStarts[index + 1] += answerStarts[index] }
                var next = answerStarts
                answerPositions = [Int32](repeating: 0, count: Int(answerStarts[workspace.orders.count]))
                for (position, order) in orderOf.enumerated() where order >= 0 {
                    answerPositions[Int(next[Int(order)])] = Int32(position)
                    next[Int(order)] += 1
                }
                mentions = CreatorMentions(workspace.creators.rows)
            }
        }

        /// The survey answers of the order at `index`.
        private func answers(of index: Int) -> ArraySlice<Int32> {
            answerStarts.isEmpty ? [] : answerPositions[Int(answerStarts[index])..<Int(answerStarts[index + 1])]
        }

        /// The decision for the order at `index`; `named` receives the creators an ambiguous
        /// answer names (at most `limit` of them).
        func credit(_ index: Int, named: inout [CreatorPosition], limit: Int?, scratch: inout CreatorMentions.Scratch) -> AttributionResult.Credit {
            typealias Credit = AttributionResult.Credit
            let order = workspace.orders[index]
            guard order.counts else { return Credit(outcome: .notCounted, creatorPosition: .none, wavePosition: waveByDate(order)) }
            if let field = order.discountCodes, let (creator, wave) = firstCreatorCode(in: field) {
                return Credit(outcome: .directByCode, creatorPosition: creator, wavePosition: wave == .none ? waveByDate(order) : wave)
            }
            if let medium = order.utmMedium {
                if medium.equalsIgnoringASCIICase(creatorMedium), let content = order.utmContent,
                   let creator = slugs[content.trimmingWhitespace.lowercased()] {
                    let wave = order.utmCampaign.flatMap { waveSlugs[$0.lowercased()] } ?? waveByDate(order)
                    return Credit(outcome: .directByLink, creatorPosition: creator, wavePosition: wave)
                }
                if paidMediums.contains(where: { medium.equalsIgnoringASCIICase($0) }) {
                    return Credit(outcome: .paidOrAffiliate, creatorPosition: .none, wavePosition: waveByDate(order))
                }
            }
            let positions = answers(of: index)
            if let mentions, !positions.isEmpty {
                if let credited = positions.lazy.compactMap({ workspace.surveyResponses[Int($0)].creditedCreator }).first,
                   let creator = workspace.creatorPosition(credited) {
                    return Credit(outcome: .assistedBySurvey, creatorPosition: CreatorPosition(creator), wavePosition: waveByDate(order))
                }
                named.removeAll(keepingCapacity: true)
                for position in positions {
                    let response = workspace.surveyResponses[Int(position)]
                    mentions.collect(response.response, into: &named, limit: limit, scratch: &scratch)
                    if let other = response.other { mentions.collect(other, into: &named, limit: limit, scratch: &scratch) }
                }
                if named.count == 1 {
                    return Credit(outcome: .assistedBySurvey, creatorPosition: named[0], wavePosition: waveByDate(order))
                }
                if named.count > 1 { return Credit(outcome: .ambiguous, creatorPosition: .none, wavePosition: waveByDate(order)) }
            }
            return Credit(outcome: .unattributed, creatorPosition: .none, wavePosition: waveByDate(order))
        }

        /// The first of the order's answer texts that names a creator: free text before the
        /// option picked ("Other"), since that is where buyers write names.
        func namingText(_ index: Int) -> String? {
            guard let mentions else { return nil }
            for position in answers(of: index) {
                let response = workspace.surveyResponses[Int(position)]
                for text in [response.other, response.response].compactMap({ $0 }) where !mentions.creators(namedIn: [text]).isEmpty {
                    return text
                }
            }
            return nil
        }

        /// The first comma-separated code in `field` that belongs to a creator; promo codes are skipped.
        private func firstCreatorCode(in field: String) -> (CreatorPosition, WavePosition)? {
            for piece in field.utf8.split(separator: UInt8(ascii: ",")) {
                var bytes = piece[...]
                while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
                while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
                guard !bytes.isEmpty else { continue }
                let code = bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 })
                    ? String(decoding: bytes, as: UTF8.self).uppercased() : String(decoding: bytes, as: UTF8.self)
                if let match = codes[code] { return match }
            }
            return nil
        }

        /// The first wave whose dates include the order's day (open-ended waves run on).
        private func waveByDate(_ order: Order) -> WavePosition {
            let day = order.createdAt.day
            for (position, wave) in workspace.waves.enumerated() {
                guard let start = wave.startDate, start <= day else { continue }
                if let end = wave.endDate, end < day { continue }
                return WavePosition(position)
            }
            return .none
        }
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
