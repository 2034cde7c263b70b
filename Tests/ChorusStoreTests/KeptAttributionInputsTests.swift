@testable import ChorusCore
import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// `chorus report attribution --format csv` and `chorus export ledger` read only the orders'
/// amounts and days beside the attribution kept for the workspace's state: no whole order, no
/// survey answer, no index of the orders. On random programs, what they add up must be what
/// computing everything gives, for the whole program and for each wave; with converted orders
/// (whose rates are named) or without a fitting file they read everything, as before.
final class KeptAttributionInputsTests: XCTestCase {
    private let today = Day(year: 2026, month: 3, day: 16)!

    /// A random program saved with its attribution kept, and the program itself; with
    /// `converting`, a few orders keep what the store charged in dollars; with `naming`, survey
    /// answers name creators that share a name, and orders by `Name`, Shopify id or neither.
    private func keptProgram(converting: Bool = false, naming: Bool = false, _ name: String = #function) throws -> (folder: String, workspace: Workspace) {
        let seed = UInt64.random(in: 1...1_000_000)
        var workspace = SampleProgram.generate(options: GeneratorOptions(creators: 150, orders: 2_500, seed: seed, today: today))
        if naming { addAnswersNamingSeveralCreators(to: &workspace) }
        if converting {
            var orders = workspace.orders.rows
            let rate = ExchangeRate(day: today, currency: Currency("USD"), rate: DecimalRate("0.9234")!)
            for index in stride(from: 7, to: orders.count, by: 400) {
                orders[index].original = ForeignAmounts(subtotal: Money(minorUnits: 1_000, currency: Currency("USD")),
                                                        refunded: Money(minorUnits: 0, currency: Currency("USD")), rate: rate)
            }
            workspace.orders = EntityTable(orders)
        }
        let folder = StoreFixtures.temporaryFolder(name + "\(seed)")
        let store = try WorkspaceStore.create(at: folder, workspace: workspace)
        store.remember(Attribution.compute(store.workspace))
        store.close()
        return (folder, workspace)
    }

    private func assertSameFigures(_ found: (result: AttributionResult, orders: [OrderFigures], ratesUsed: String?), _ workspace: Workspace,
                                   wave: WaveID?, file: StaticString = #filePath, line: UInt = #line) {
        let computed = Attribution.compute(workspace, wave: wave)
        XCTAssertEqual(found.orders, workspace.orders.map(OrderFigures.init), file: file, line: line)
        XCTAssertEqual(found.ratesUsed, workspace.orders.rows.ratesUsed(), file: file, line: line)
        XCTAssertEqual(found.result.credits, computed.credits, file: file, line: line)
        XCTAssertEqual(found.result.totals, computed.totals, file: file, line: line)
        XCTAssertEqual(found.result.counts, computed.counts, file: file, line: line)
        XCTAssertEqual(found.result.revenue, computed.revenue, file: file, line: line)
    }

    func testAKeptFileIsAddedUpFromTheOrdersAmountsAloneAsComputingEverythingWould() throws {
        let (folder, workspace) = try keptProgram()
        // Nothing else of the history is read: junk in the answers changes nothing.
        try "not the answers".write(toFile: folder + "/surveyResponses-1.json", atomically: true, encoding: .utf8)
        for wave in [nil] + workspace.waves.map(\.id) {
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
            let found = try store.keptAttributionInputs(wave: wave)
            assertSameFigures(found, workspace, wave: wave)
            let ledger = Ledger(store.workspace, orders: found.orders, attribution: found.result, today: today, wave: wave)
            let plain = Ledger(workspace, attribution: Attribution.compute(workspace), today: today, wave: wave)
            XCTAssertEqual(ledger.rows, plain.rows)
            XCTAssertEqual(ledger.kpis, plain.kpis)
            XCTAssertNotNil(store.pendingOrderHistory, "the history was not loaded")
            store.close()
        }
    }

    /// Creators who share a name, orders with Shopify ids (one shared by two orders), and
    /// answers naming them and their orders every way a survey tool does.
    private func addAnswersNamingSeveralCreators(to workspace: inout Workspace) {
        var creators = workspace.creators.rows, orders = workspace.orders.rows, answers = workspace.surveyResponses.rows
        for index in stride(from: 0, to: creators.count, by: 9) { creators[index].name = ["Maria Garcia", "Anna", "Anna Berg"][index % 3] }
        for index in stride(from: 3, to: orders.count, by: 7) { orders[index].shopifyID = "5100\(index / 14)" }
        for number in 0..<600 {
            let order = orders[Int.random(in: 0..<orders.count)]
            let references = [order.id.rawValue, order.id.rawValue.hasPrefix("#") ? String(order.id.rawValue.dropFirst()) : "#" + order.id.rawValue,
                              order.shopifyID ?? order.id.rawValue, "#99\(number)"]
            let texts = ["Maria Garcia", "anna berg and ANNA", "@" + creators.randomElement()!.handle, creators.randomElement()!.name, "podcast"]
            answers.append(SurveyResponse(id: SurveyResponseID("SR-K\(number)"), orderID: OrderID(references.randomElement()!),
                                          response: texts.randomElement()!, other: Bool.random() ? creators.randomElement()!.name : nil,
                                          email: "buyer\(number)@example.com", creditedCreator: number % 40 == 0 ? creators.randomElement()!.id : nil))
        }
        (workspace.creators, workspace.orders, workspace.surveyResponses) = (EntityTable(creators), EntityTable(orders), EntityTable(answers))
    }

    func testTheAmbiguousAnswersBesideAKeptFileAreTheOnesComputingEverythingLists() throws {
        let (folder, workspace) = try keptProgram(naming: true)
        var listed = 0
        for wave in [nil] + workspace.waves.map(\.id) {
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
            let found = try store.keptAttributionWithAmbiguousAnswers(wave: wave)
            let computed = Attribution.compute(workspace, wave: wave)
            let expected = Attribution.ambiguousMentions(of: computed, in: workspace)
            XCTAssertEqual(found.ambiguous.map(\.order), expected.map(\.order), "wave \(wave?.rawValue ?? "all")")
            XCTAssertEqual(found.ambiguous.map(\.creatorPositions), expected.map(\.creatorPositions), "wave \(wave?.rawValue ?? "all")")
            XCTAssertEqual(found.result.totals, computed.totals)
            XCTAssertEqual(found.result.counts, computed.counts)
            XCTAssertNotNil(store.pendingOrderHistory, "no whole order was read")
            listed += found.ambiguous.count
            store.close()
        }
        XCTAssertGreaterThan(listed, 0, "some answers name several creators")
    }

    func testTheAnswersAreReadForTheirOrdersAndWordsAsAWholeReadFindsThem() throws {
        let (folder, workspace) = try keptProgram(naming: true)
        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
        defer { store.close() }
        let texts = try XCTUnwrap(store.pendingOrderHistory).surveyAnswerTexts()
        XCTAssertEqual(texts, workspace.surveyResponses.map { SurveyAnswerText(orderID: $0.orderID, response: $0.response, other: $0.other) })
    }

    /// A kept program whose `file` has the e-mail field `pattern` finds (its first group) damaged
    /// each way: a number, a control character, an unknown escape, bytes that are not UTF-8. A
    /// full open must refuse it, and so must the reads `refusing` makes beside the kept file.
    private func assertRefusedWhenAnEmailIsDamaged(in file: String, at pattern: String, naming: Bool = false,
                                                   refusing: (WorkspaceStore) throws -> Void, line: UInt = #line) throws {
        let damages: [[UInt8]] = [Array("42".utf8), Array("\"a\u{10}b@example.com\"".utf8), Array(#""a\qb@example.com""#.utf8),
                                  [0x22, 0x61, 0xFF, 0x62, 0x22]]
        for damage in damages {
            let (folder, _) = try keptProgram(naming: naming)
            let path = folder + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let email = try NSRegularExpression(pattern: pattern, options: .anchorsMatchLines)
            let match = try XCTUnwrap(email.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), line: line)
            let field = try XCTUnwrap(Range(match.range(at: 1), in: text), line: line)
            let damaged = Array(text[..<field.lowerBound].utf8) + damage + Array(text[field.upperBound...].utf8)
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try WorkspaceStore.open(at: folder, mode: .readOnly).close(), "\(damage)", line: line)
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
            XCTAssertThrowsError(try refusing(store), "\(damage)", line: line)
            store.close()
        }
    }

    func testAnOrdersFileWithADamagedFieldIsRefusedAsAFullOpenRefusesIt() throws {
        // The e-mail is a field the figures skip.
        try assertRefusedWhenAnEmailIsDamaged(in: "orders-1.json", at: #"^\["[^"]*",("[^"]*"),"#, refusing: { _ = try $0.keptAttributionInputs() })
        try assertRefusedWhenAnEmailIsDamaged(in: "orders-1.json", at: #"^\["[^"]*",("[^"]*"),"#,
                                              refusing: { _ = try $0.keptAttributionWithAmbiguousAnswers() })
    }

    func testAnAnswersFileWithADamagedFieldIsRefusedAsAFullOpenRefusesIt() throws {
        // The e-mail is a field the answers' orders and words skip.
        try assertRefusedWhenAnEmailIsDamaged(in: "surveyResponses-1.json", at: #"^\["[^"]*","[^"]*",(?:null|"[^"]*"),"[^"]*",(?:null|"[^"]*"),("[^"]*")"#,
                                              naming: true, refusing: { _ = try $0.keptAttributionWithAmbiguousAnswers() })
    }

    func testConvertedOrdersAreReadWholeToNameTheirRates() throws {
        let (folder, workspace) = try keptProgram(converting: true)
        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
        defer { store.close() }
        let found = try store.keptAttributionInputs()
        XCTAssertNotNil(found.ratesUsed)
        assertSameFigures(found, workspace, wave: nil)
    }

    func testWithoutAFittingFileTheWholeHistoryIsReadAndComputed() throws {
        let (folder, workspace) = try keptProgram()
        let kept = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first {
            $0.hasPrefix("attribution-") && !$0.hasSuffix(".answers.json")
        })
        for damage in ["[1,2,3]", nil] {
            if let damage { try damage.write(toFile: folder + "/" + kept, atomically: true, encoding: .utf8) } else {
                try FileManager.default.removeItem(atPath: folder + "/" + kept)
            }
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
            let wave = workspace.waves.rows.last?.id
            assertSameFigures(try store.keptAttributionInputs(wave: wave), workspace, wave: wave)
            XCTAssertNil(store.pendingOrderHistory, "the history was loaded to compute attribution")
            store.close()
        }
    }

    /// Beside the decisions, the answers about each ambiguous order are kept, with its `Name`:
    /// a report lists the ambiguous answers and adds up the figures from those two files and the
    /// answers, without reading any order. They must be the answers the orders' names and Shopify
    /// ids find, and the figures the orders'.
    func testTheAnswersKeptAboutAmbiguousOrdersAreTheOnesTheOrdersNamesAndIdsFind() throws {
        let (folder, workspace) = try keptProgram(naming: true)
        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
        defer { store.close() }
        let (kept, answered) = try XCTUnwrap(store.pendingOrderHistory?.keptAttributionWithAnswers(), "kept beside the decisions")
        let wanted = answered.about.map(\.position)
        XCTAssertEqual(wanted, Attribution.compute(workspace).credits.indices.filter { kept.result.credits[$0].outcome == .ambiguous })
        XCTAssertFalse(wanted.isEmpty, "some answers name several creators")
        let found = SurveyAnswerOrders.answers(about: wanted, ids: workspace.orders.map(\.id), shopifyIDs: workspace.orders.map(\.shopifyID),
                                               answers: workspace.surveyResponses.rows)
        XCTAssertEqual(answered.about.map(\.answers), found)
        XCTAssertGreaterThan(found.joined().count, wanted.count, "some orders have several answers")
        XCTAssertEqual(answered.about.map(\.order), wanted.map { workspace.orders[$0].id })
        XCTAssertEqual(kept.orderFigures, workspace.orders.map(OrderFigures.init))
    }

    /// An orders file changed since the answers were kept (one letter of an e-mail: the same
    /// size, another checksum), survey answers put in another order (the same size and count),
    /// and answers kept damaged, for other orders or other answers, are not used: the report
    /// reads the orders and is still what computing everything gives.
    func testAnOrdersFileChangedSinceOrDamagedKeptAnswersMakeTheReportReadTheOrders() throws {
        let damages: [(String, (inout String, inout String) -> Void)] = [
            ("an e-mail's letter", { orders, _ in orders = Self.changingOneLetterOfAnEmail(orders) }),
            ("cut short", { _, answers in answers = String(answers.prefix(answers.count / 2)) }),
            ("an order left out", { _, answers in answers = answers.replacingOccurrences(of: #"\n\[\d+,"[^"]*",\[[^\]]*\]\],"#, with: "\n",
                                                                                            options: .regularExpression) }),
            ("an answer past the last", { _, answers in answers = answers.replacingOccurrences(of: #",\[(\d+)"#, with: ",[9999999",
                                                                                                   options: .regularExpression) }),
            ("answers in another order", { _, _ in }),
            ("for fewer answers", { _, answers in answers = answers.replacingOccurrences(of: #"(,"crc32:[0-9a-f]+",)\d+\]"#, with: "$11]",
                                                                                             options: .regularExpression) }),
        ]
        for (damage, change) in damages {
            let (folder, _) = try keptProgram(naming: true)
            let answersFile = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".answers.json") })
            var orders = try String(contentsOfFile: folder + "/orders-1.json", encoding: .utf8)
            var answers = try String(contentsOfFile: folder + "/" + answersFile, encoding: .utf8)
            var responses = try String(contentsOfFile: folder + "/surveyResponses-1.json", encoding: .utf8)
            let before = (orders, answers, responses)
            if damage == "answers in another order" {
                // The first two answers swapped: one row per line, each but the last ending in a comma.
                var lines = responses.split(separator: "\n", omittingEmptySubsequences: false)
                let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("[") })
                lines.swapAt(first, first + 1)
                responses = lines.joined(separator: "\n")
            }
            change(&orders, &answers)
            XCTAssertTrue(orders != before.0 || answers != before.1 || responses != before.2, damage)
            XCTAssertEqual(orders.utf8.count, before.0.utf8.count, damage)
            try orders.write(toFile: folder + "/orders-1.json", atomically: true, encoding: .utf8)
            try answers.write(toFile: folder + "/" + answersFile, atomically: true, encoding: .utf8)
            try responses.write(toFile: folder + "/surveyResponses-1.json", atomically: true, encoding: .utf8)

            let whole = try WorkspaceStore.open(at: folder, mode: .readOnly)
            let workspace = whole.workspace
            whole.close()
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
            XCTAssertNil(store.pendingOrderHistory?.keptAttributionWithAnswers(), damage)
            let found = try store.keptAttributionWithAmbiguousAnswers()
            let expected = Attribution.ambiguousMentions(of: Attribution.compute(workspace), in: workspace)
            XCTAssertEqual(found.ambiguous.map(\.order), expected.map(\.order), damage)
            XCTAssertEqual(found.ambiguous.map(\.creatorPositions), expected.map(\.creatorPositions), damage)
            XCTAssertEqual(found.result.totals, Attribution.compute(workspace).totals, damage)
            store.close()
        }
    }

    private static func changingOneLetterOfAnEmail(_ orders: String) -> String {
        guard let at = orders.firstIndex(of: "@") else { return orders }
        let letter = orders.index(before: at)
        return orders.replacingCharacters(in: letter...letter, with: orders[letter] == "q" ? "z" : "q")
    }

    func testConvertedOrdersKeepNoAnswersBesideTheDecisions() throws {
        let (folder, _) = try keptProgram(converting: true, naming: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("attribution-") }
        XCTAssertEqual(files.count, 1, "the decisions alone: a report names the rates, which only the orders hold")
    }

    /// The answers about ambiguous orders are kept by position in the snapshot's files: after
    /// an import journaled past the snapshot (orders in memory its file does not hold), the
    /// decisions are kept alone, and a report reads the orders.
    func testAfterAnImportJournaledPastTheSnapshotTheDecisionsAreKeptWithoutAnswers() throws {
        let (folder, _) = try keptProgram(naming: true)
        XCTAssertEqual(try StoreFixtures.keptAttributionFiles(in: folder, answers: true), ["attribution-r\(Attribution.rulesVersion)-1-0.answers.json"])
        let store = try WorkspaceStore.open(at: folder)
        var refunded = store.workspace.orders[0]
        refunded.refunded = refunded.subtotal
        try store.perform(.importOrders([refunded]), context: StoreFixtures.context(), durability: .journal)
        store.remember(Attribution.compute(store.workspace))
        store.close()

        XCTAssertEqual(try StoreFixtures.keptAttributionFiles(in: folder), ["attribution-r\(Attribution.rulesVersion)-1-1.json"])
        XCTAssertEqual(try StoreFixtures.keptAttributionFiles(in: folder, answers: true), [], "the earlier state's answers went with its decisions")
    }

    /// A creator renamed past the snapshot changes what is credited but not the orders or the
    /// answers: the answers kept for the new state are by position in the same files, and a
    /// report beside them lists what computing everything lists.
    func testAfterACreatorRenamedPastTheSnapshotAReportReadsTheAnswersKeptForTheNewState() throws {
        let (folder, _) = try keptProgram(naming: true)
        let store = try WorkspaceStore.open(at: folder)
        var renamed = store.workspace.creators[0]
        renamed.name = "Somebody Else"
        try store.perform(.updateCreator(renamed), context: StoreFixtures.context())
        store.remember(Attribution.compute(store.workspace))
        store.close()
        XCTAssertEqual(try StoreFixtures.keptAttributionFiles(in: folder, answers: true), ["attribution-r\(Attribution.rulesVersion)-1-1.answers.json"])

        let whole = try WorkspaceStore.open(at: folder, mode: .readOnly)
        let expected = Attribution.ambiguousMentions(of: Attribution.compute(whole.workspace), in: whole.workspace)
        whole.close()
        let reader = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
        defer { reader.close() }
        XCTAssertNotNil(reader.pendingOrderHistory?.keptAttributionWithAnswers())
        let found = try reader.keptAttributionWithAmbiguousAnswers().ambiguous
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(found.map(\.order), expected.map(\.order))
        XCTAssertEqual(found.map(\.creatorPositions), expected.map(\.creatorPositions))
    }
}
