extension Attribution {
    /// The lookups the rules need, prepared once per run and then read from every core.
    ///
    /// Preparing them was most of attribution's time (all on one core), so each is built from
    /// the rows in place and on every core where it can be: which order every survey answer is
    /// about, by position (`SurveyAnswerOrders.orderPositions`), and the creators' names only as
    /// far as the answers use their words (`CreatorMentions(_:namedIn:)`).
    struct Rules {
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
        /// Each wave's first and last day, in wave order: read for every order, where copying
        /// out each wave (its plan, brief and dates) to read two days cost more than the rule.
        let waveDays: [(start: Day?, end: Day?)]

        init(_ workspace: Workspace) {
            self.workspace = workspace
            creatorMedium = workspace.program.settings.creatorMedium
            paidMediums = workspace.program.settings.paidMediums
            waveDays = workspace.waves.map { ($0.startDate, $0.endDate) }
            var wavePositions: [WaveID: WavePosition] = [:]
            for (position, wave) in workspace.waves.enumerated() {
                wavePositions[wave.id] = WavePosition(position)
                waveSlugs[wave.slug.lowercased()] = WavePosition(position)
            }
            for code in workspace.discountCodes {
                guard let creator = workspace.creatorPosition(code.creatorID) else { continue }
                codes[code.code.uppercased()] = (CreatorPosition(creator), code.waveID.flatMap { wavePositions[$0] } ?? .none)
            }
            slugs = Self.slugs(workspace.creators)
            guard !workspace.surveyResponses.isEmpty else { return }
            // Not beside the slugs in `Parallel.both`: work split inside one of its jobs stays on that job's core.
            mentions = CreatorMentions(workspace.creators, namedIn: workspace.surveyResponses.rows)
            let orderOf = SurveyAnswerOrders.orderPositions(workspace)
            answerStarts = [Int32](repeating: 0, count: workspace.orders.count + 1)
            for order in orderOf where order >= 0 { answerStarts[Int(order) + 1] += 1 }
            for index in 0..<workspace.orders.count { answerStarts[index + 1] += answerStarts[index] }
            var next = answerStarts
            answerPositions = [Int32](repeating: 0, count: Int(answerStarts[workspace.orders.count]))
            for (position, order) in orderOf.enumerated() where order >= 0 {
                answerPositions[Int(next[Int(order)])] = Int32(position)
                next[Int(order)] += 1
            }
        }

        /// Lower-cased link slug → the first creator (not a lead) with it; read in place, since
        /// copying out a whole creator record per creator cost more than the lookups.
        private static func slugs(_ creators: EntityTable<Creator>) -> [String: CreatorPosition] {
            var slugs: [String: CreatorPosition] = [:]
            slugs.reserveCapacity(creators.count)
            creators.forEachPiece { first, creators in
                for index in creators.indices where !creators[index].isLead {
                    let slug = creators[index].effectiveLinkSlug.lowercased()
                    if slugs[slug] == nil { slugs[slug] = CreatorPosition(first + index) }
                }
            }
            return slugs
        }

        /// Where the survey answers of the order at `index` are in `answerPositions`: a range,
        /// not a slice, so a million orders retain and release nothing to find theirs.
        private func answerRange(of index: Int) -> Range<Int> {
            answerStarts.isEmpty ? 0..<0 : Int(answerStarts[index])..<Int(answerStarts[index + 1])
        }

        /// The decision for the order at `index` of `orders` (`workspace.orders`, read in place
        /// through a pointer: copying an order out, as reading a property through the buffer's
        /// subscript did, retains a dozen references, on two cores at once);
        /// `named` receives the creators an ambiguous answer names (at most `limit` of them).
        func credit(_ index: Int, of orders: UnsafeBufferPointer<Order>, answers responses: UnsafeBufferPointer<SurveyResponse>,
                    named: inout [CreatorPosition], limit: Int?, scratch: inout CreatorMentions.Scratch) -> AttributionResult.Credit {
            typealias Credit = AttributionResult.Credit
            assert(orders.indices.contains(index), "an order of the buffer")
            let order = orders.baseAddress! + index
            let day = order.pointee.createdAt.day
            guard order.pointee.counts else { return Credit(outcome: .notCounted, creatorPosition: .none, wavePosition: waveByDate(day)) }
            if let field = order.pointee.discountCodes, let (creator, wave) = firstCreatorCode(in: field) {
                return Credit(outcome: .directByCode, creatorPosition: creator, wavePosition: wave == .none ? waveByDate(day) : wave)
            }
            if let medium = order.pointee.utmMedium {
                if medium.equalsIgnoringASCIICase(creatorMedium), let content = order.pointee.utmContent,
                   let creator = slugs[content.trimmingWhitespace.lowercased()] {
                    let wave = order.pointee.utmCampaign.flatMap { waveSlugs[$0.lowercased()] } ?? waveByDate(day)
                    return Credit(outcome: .directByLink, creatorPosition: creator, wavePosition: wave)
                }
                if paidMediums.contains(where: { medium.equalsIgnoringASCIICase($0) }) {
                    return Credit(outcome: .paidOrAffiliate, creatorPosition: .none, wavePosition: waveByDate(day))
                }
            }
            let positions = answerRange(of: index)
            if let mentions, !positions.isEmpty {
                for position in positions {
                    guard let credited = responses[Int(answerPositions[position])].creditedCreator else { continue }
                    if let creator = workspace.creatorPosition(credited) {
                        return Credit(outcome: .assistedBySurvey, creatorPosition: CreatorPosition(creator), wavePosition: waveByDate(day))
                    }
                    break
                }
                named.removeAll(keepingCapacity: true)
                for position in positions {
                    mentions.collect(responses[Int(answerPositions[position])], into: &named, limit: limit, scratch: &scratch)
                }
                if named.count == 1 {
                    return Credit(outcome: .assistedBySurvey, creatorPosition: named[0], wavePosition: waveByDate(day))
                }
                if named.count > 1 { return Credit(outcome: .ambiguous, creatorPosition: .none, wavePosition: waveByDate(day)) }
            }
            return Credit(outcome: .unattributed, creatorPosition: .none, wavePosition: waveByDate(day))
        }

        /// The first of the order's answer texts that names a creator: free text before the
        /// option picked ("Other"), since that is where buyers write names.
        func namingText(_ index: Int) -> String? {
            guard let mentions else { return nil }
            for position in answerRange(of: index) {
                let response = workspace.surveyResponses[Int(answerPositions[position])]
                for text in [response.other, response.response].compactMap({ $0 }) where !mentions.creators(namedIn: [text]).isEmpty {
                    return text
                }
            }
            return nil
        }

        /// The first comma-separated code in `field` that belongs to a creator; promo codes are
        /// skipped. Read from the field's bytes in place: splitting it allocated an array per order.
        private func firstCreatorCode(in field: String) -> (CreatorPosition, WavePosition)? {
            var field = field
            return field.withUTF8 { bytes in
                var start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                    var low = start, high = end
                    while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
                    while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
                    if low < high {
                        let piece = UnsafeBufferPointer(rebasing: bytes[low..<high])
                        let code = piece.contains(where: { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 })
                            ? String(decoding: piece, as: UTF8.self).uppercased() : String(decoding: piece, as: UTF8.self)
                        if let match = codes[code] { return match }
                    }
                    start = end + 1
                }
                return nil
            }
        }

        /// The first wave whose dates include `day` (open-ended waves run on).
        private func waveByDate(_ day: Day) -> WavePosition {
            for (position, wave) in waveDays.enumerated() {
                guard let start = wave.start, start <= day else { continue }
                if let end = wave.end, end < day { continue }
                return WavePosition(position)
            }
            return .none
        }
    }
}

extension Creator {
    /// Whether attribution credits this creator as it credits `other`: the same words name them
    /// in survey answers (handle, name, aliases: `CreatorMentions`), the same link slug is theirs
    /// (`Rules.slugs`), and both or neither are leads (a lead has no handle). Codes are their own
    /// entities. Kept here, beside the rules, because it must name every creator field they read:
    /// an edit it calls alike leaves kept attribution standing (`Command.mayChangeAttribution(replacing:)`).
    func isCreditedAlike(_ other: Creator) -> Bool {
        handle == other.handle && name == other.name && aliases == other.aliases && linkSlug == other.linkSlug
    }
}
