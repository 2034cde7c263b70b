import XCTest
@testable import ChorusCore

/// Survey-answer matching reads each answer once through a tree of creators' name words; these
/// property tests hold it to the rule as written, checked the slow way (every name of every
/// creator compared at every word of the answer), over random programs where many creators
/// share first names, surnames and whole names.
final class SurveyMatchingPropertyTests: XCTestCase {
    func testTheNameTreeFindsTheSameCreatorsAsComparingEveryNameEverywhere() {
        for seed in 1...4 as ClosedRange<UInt64> {
            var random = TestRandom(seed: seed)
            let creators = Self.creators(120, random: &random)
            let mentions = CreatorMentions(creators)
            for _ in 0..<300 {
                let texts = (0..<random.below(3) + 1).map { _ in Self.answer(random: &random) }
                let expected = Self.namedTheSlowWay(in: texts, creators: creators)
                XCTAssertEqual(mentions.creators(namedIn: texts), expected, "seed \(seed): \(texts)")
                // Attribution only asks whether one creator or several are named: it stops at two.
                var scratch = CreatorMentions.Scratch()
                var firstTwo: [CreatorPosition] = []
                for text in texts { mentions.collect(text, into: &firstTwo, limit: 2, scratch: &scratch) }
                XCTAssertEqual(firstTwo, Array(expected.prefix(2)), "seed \(seed): \(texts)")
            }
        }
    }

    func testASCIITextIsFoldedByteByByteIntoTheSameWordsAsScalarByScalar() {
        var random = TestRandom(seed: 3)
        let alphabet = Array("aZ09 _@.-!,\t'mQx")
        for _ in 0..<2_000 {
            let text = String((0..<random.below(24)).map { _ in alphabet[random.below(alphabet.count)] })
            XCTAssertEqual(TextFolding.asciiWords(text), TextFolding.foldedWords(text), text)
        }
        XCTAssertNil(TextFolding.asciiWords("Zoë"), "anything beyond ASCII takes the general path")
        XCTAssertEqual(TextFolding.words("@Zoë_Müller!"), ["zoe", "muller"])
    }

    func testAttributionCreditsSurveyAnswersAsTheSlowMatchingDecides() throws {
        var random = TestRandom(seed: 7)
        var fixture = ProgramFixture()
        fixture.creators = Self.creators(80, random: &random)
        fixture.discountCodes = []
        fixture.trackingLinks = []
        fixture.enrollments = []
        fixture.shipments = []
        fixture.submissions = []
        fixture.assets = []
        fixture.payoutRuns = []
        fixture.orders = (0..<1_500).map { number in
            Order(id: OrderID("#\(5_000 + number)"), email: nil, financialStatus: "paid", createdAt: Timestamp("2026-03-08 14:22:05 +0000")!,
                  subtotal: Money(minorUnits: 1_000, currency: .eur), refunded: Money(minorUnits: 0, currency: .eur))
        }
        // Answers name their order as Shopify's Name, with or without "#"; some orders have two.
        fixture.surveyResponses = (0..<1_800).map { number in
            let order = 5_000 + random.below(1_500)
            return SurveyResponse(id: SurveyResponseID("SR-\(number)"), orderID: OrderID(random.below(2) == 0 ? "#\(order)" : "\(order)"),
                                  response: Self.answer(random: &random), other: random.below(3) == 0 ? Self.answer(random: &random) : nil)
        }
        let workspace = fixture.build()
        let result = Attribution.compute(workspace)
        // Each order's answer texts in file order, its number written with or without "#".
        var texts: [String: [String]] = [:]
        for answer in workspace.surveyResponses {
            texts[answer.orderID.rawValue.trimmingCharacters(in: ["#"]), default: []] += [answer.response] + (answer.other.map { [$0] } ?? [])
        }
        var checked = 0
        for (index, order) in workspace.orders.enumerated() {
            let named = Self.namedTheSlowWay(in: texts[String(order.id.rawValue.dropFirst())] ?? [], creators: workspace.creators.rows)
            let credit = result.credits[index]
            switch named.count {
            case 0: XCTAssertEqual(credit.outcome, .unattributed, "\(order.id)")
            case 1: XCTAssertEqual(credit, AttributionResult.Credit(outcome: .assistedBySurvey, creatorPosition: named[0], wavePosition: credit.wavePosition))
            default:
                XCTAssertEqual(credit.outcome, .ambiguous, "\(order.id)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10, "the random answers name several creators often enough to test")
        let ambiguous = Attribution.ambiguousAnswers(of: result, in: workspace)
        XCTAssertEqual(ambiguous.count, checked)
        for answer in ambiguous {
            let named = Self.namedTheSlowWay(in: texts[String(answer.orderID.rawValue.dropFirst())] ?? [], creators: workspace.creators.rows)
            XCTAssertEqual(answer.creators, named.compactMap { $0.index.map { workspace.creators[$0].id } })
            XCTAssertEqual(answer.creatorPositions, named)
        }
        // `chorus resolve` looks at the one answer it resolves: the same answer, and none for an order that is not ambiguous.
        let alone = workspace.orders.indices.compactMap { Attribution.ambiguousAnswer(at: $0, of: result, in: workspace) }
        XCTAssertEqual(alone, ambiguous)
    }

    // MARK: The rule, the slow way

    /// Every handle, name and alias compared at every word; a mention inside a longer mention
    /// of another creator does not count; creators in order of first mention.
    static func namedTheSlowWay(in texts: [String], creators: [Creator]) -> [CreatorPosition] {
        var found: [CreatorPosition] = []
        for text in texts {
            let words = TextFolding.words(text)
            var mentions: [(creator: Int32, start: Int, end: Int)] = []
            for (position, creator) in creators.enumerated() {
                for name in ([creator.handle, creator.name] + creator.aliases).map(TextFolding.words) where !name.isEmpty {
                    for start in words.indices where start + name.count <= words.count && Array(words[start..<(start + name.count)]) == name {
                        mentions.append((Int32(position), start, start + name.count))
                    }
                }
            }
            mentions.sort { ($0.start, $0.creator) < ($1.start, $1.creator) }
            for mention in mentions {
                let covered = mentions.contains {
                    $0.start <= mention.start && $0.end >= mention.end && $0.end - $0.start > mention.end - mention.start && $0.creator != mention.creator
                }
                if !covered, !found.contains(CreatorPosition(Int(mention.creator))) { found.append(CreatorPosition(Int(mention.creator))) }
            }
        }
        return found
    }

    // MARK: Random programs

    private static let firstNames = ["Maria", "Anna", "Zoë", "Lena", "Felix", "Jonas", "Mila"]
    private static let surnames = ["Garcia", "Berg", "Müller", "Mueller", "Lund", "Anna"]
    private static let filler = ["saw", "on", "her", "Instagram", "TikTok", "from", "the", "@", "!", ",", "and", "x"]

    static func creators(_ count: Int, random: inout TestRandom) -> [Creator] {
        (0..<count).map { number in
            let first = firstNames[random.below(firstNames.count)]
            let name = random.below(8) == 0 ? first : "\(first) \(surnames[random.below(surnames.count)])"
                + (random.below(10) == 0 ? " \(surnames[random.below(surnames.count)])" : "")
            let handle = random.below(4) == 0 ? first.lowercased() : "\(first.lowercased())_\(number)"
            let aliases = random.below(6) == 0 ? ["\(first) \(filler[random.below(3)])"] : []
            return Creator(id: CreatorID("CR-\(number)"), handle: handle, name: name, aliases: aliases)
        }
    }

    static func answer(random: inout TestRandom) -> String {
        (0..<random.below(7)).map { _ -> String in
            switch random.below(5) {
            case 0: return firstNames[random.below(firstNames.count)]
            case 1: return surnames[random.below(surnames.count)].uppercased()
            case 2: return "@\(firstNames[random.below(firstNames.count)].lowercased())_\(random.below(130))"
            default: return filler[random.below(filler.count)]
            }
        }.joined(separator: random.below(4) == 0 ? "," : " ")
    }
}

/// SplitMix64, so every run draws the same random programs.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
