import XCTest
@testable import ChorusCore

/// Attribution reads a big program's orders and answers without allocating per order: codes
/// from a field's bytes in place, each order's figures on every core, and a survey's repeated
/// answers ("Google search") folded once per reader. Each must read what the plain way reads.
final class AttributionReadingTests: XCTestCase {
    private let f = ProgramFixture.self

    func testTheFirstCreatorCodeOfAFieldIsFoundHoweverTheFieldIsSpacedOrCased() {
        var fixture = ProgramFixture()
        fixture.discountCodes.append(DiscountCode(code: "ZOË10", creatorID: f.lea, waveID: nil, kind: .percent, value: 1_000))
        fixture.discountCodes.append(DiscountCode(code: "WELCOME", creatorID: "CR-GONE", waveID: nil, kind: .percent, value: 1_000))
        let fields: [(String, String?)] = [
            ("MILA15", "mila"), ("mila15", "mila"), (" \tMILA15\t ", "mila"), ("WELCOME, mila15", "mila"), (",,, ,MILA15,", "mila"),
            ("zoë10,MILA15", "lea"), ("PROMO ,  Zoë10", "lea"), ("MILA 15", nil), ("", nil), (",", nil), (" , ", nil), ("MILA15X", nil),
        ]
        fixture.orders = fields.enumerated().map { index, field in
            Order(id: OrderID("#\(2_000 + index)"), email: nil, financialStatus: "paid", createdAt: Timestamp("2026-03-10T10:00:00Z")!,
                  subtotal: Money(minorUnits: 1_000, currency: .eur), refunded: Money(minorUnits: 0, currency: .eur), discountCodes: field.0)
        }
        fixture.surveyResponses = []
        let workspace = fixture.build()
        let result = Attribution.compute(workspace)
        for (index, field) in fields.enumerated() {
            let expected = field.1.map { $0 == "mila" ? f.mila : f.lea }
            XCTAssertEqual(result.creator(of: result.credits[index]), expected, "field \"\(field.0)\"")
            XCTAssertEqual(result.credits[index].outcome, expected == nil ? .unattributed : .directByCode, "field \"\(field.0)\"")
        }
    }

    func testFiguresReadInPiecesAreEachOrdersOwn() {
        // Amounts and days spread by multiplying with primes: every order differs from its neighbours.
        let orders = (0..<1_000).map { index in
            Order(id: OrderID("#\(index)"), email: nil, financialStatus: "paid",
                  createdAt: Timestamp(day: Day("2026-01-01")!.adding(days: index * 37 % 200), hour: 9),
                  subtotal: Money(minorUnits: Int64(index * 7_919 % 50_000), currency: .eur),
                  refunded: Money(minorUnits: Int64(index * 104_729 % 20_000), currency: .eur))
        }
        let plain = orders.map(OrderFigures.init)
        XCTAssertTrue(plain.contains { $0.netRevenue == 0 }, "some refunds exceed their subtotal")
        for pieces in [1, 2, 3, 7, 1_500] { XCTAssertEqual(orders.figures(pieces: pieces), plain, "\(pieces) pieces") }
        XCTAssertEqual(orders.figures, plain)
        XCTAssertEqual([Order]().figures, [])

        // Figures kept in a file are checked against the orders in place: any one order's differing is found, whatever the pieces.
        for pieces in [1, 2, 3, 7, 1_500] {
            XCTAssertTrue(orders.haveFigures(plain, pieces: pieces), "\(pieces) pieces")
            for position in [0, 499, 500, 999] {
                var otherDay = plain, otherNet = plain
                otherDay[position].day = otherDay[position].day.adding(days: 1)
                otherNet[position].netRevenue += 1
                XCTAssertFalse(orders.haveFigures(otherDay, pieces: pieces), "day of order \(position), \(pieces) pieces")
                XCTAssertFalse(orders.haveFigures(otherNet, pieces: pieces), "net of order \(position), \(pieces) pieces")
            }
        }
        XCTAssertFalse(orders.haveFigures(Array(plain.dropLast())))
        XCTAssertFalse(orders.haveFigures(plain + [plain[0]]))
        XCTAssertTrue([Order]().haveFigures([]))
    }

    func testATextNamingNobodyIsReadOnceAndRepeatedTextsNameWhoTheyNameAfresh() {
        let creators = ProgramFixture.workspace.creators.rows
        let mentions = CreatorMentions(creators)
        let texts = ["Google search", "Instagram", "Mila Novak", "lea martin and @mila.makes", "google SEARCH", "a friend", "Jonas Berg"]
        var reused = CreatorMentions.Scratch()
        for round in 0..<300 {
            let text = texts[(round * 5 + round / texts.count) % texts.count]
            var fresh = CreatorMentions.Scratch()
            var plainly: [CreatorPosition] = [], found: [CreatorPosition] = []
            mentions.collect(text, into: &plainly, limit: nil, scratch: &fresh)
            mentions.collect(text, into: &found, limit: nil, scratch: &reused)
            XCTAssertEqual(found, plainly, text)
        }
        XCTAssertEqual(Set(reused.barren.map(\.text)), ["Google search", "Instagram", "google SEARCH", "a friend"], "only texts naming nobody are remembered")
        for index in 0..<(CreatorMentions.rememberedTexts + 10) {
            var found: [CreatorPosition] = []
            mentions.collect("answer \(index)", into: &found, limit: nil, scratch: &reused)
        }
        XCTAssertEqual(reused.barren.count, CreatorMentions.rememberedTexts, "free text does not grow what is remembered without end")
    }
    /// "Nguyễn" with one character per letter and with combining marks are equal as Strings, but
    /// only the second folds to "nguyen". Remembering the first as naming nobody must neither
    /// silence the second nor keep its words out of the vocabulary.
    func testTextsEqualAsStringsButFoldedApartAreEachReadOnTheirOwn() {
        var creators = ProgramFixture.workspace.creators.rows
        creators[0].name = "An Nguyen"
        let composed = "An Nguy\u{1EC5}n", decomposed = "An Nguye\u{302}\u{303}n"
        XCTAssertEqual(composed, decomposed, "Swift calls them equal")
        let answers = [composed, decomposed, composed].enumerated().map {
            SurveyAnswerText(orderID: OrderID("#\($0.offset)"), response: $0.element, other: nil)
        }
        for mentions in [CreatorMentions(creators), CreatorMentions(creators, namedIn: answers)] {
            var reused = CreatorMentions.Scratch()
            for text in [composed, decomposed, composed, decomposed] {
                var fresh = CreatorMentions.Scratch()
                var plainly: [CreatorPosition] = [], found: [CreatorPosition] = []
                mentions.collect(text, into: &plainly, limit: nil, scratch: &fresh)
                mentions.collect(text, into: &found, limit: nil, scratch: &reused)
                XCTAssertEqual(found, plainly, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
            var named: [CreatorPosition] = []
            mentions.collect(decomposed, into: &named, limit: nil, scratch: &reused)
            XCTAssertEqual(named.compactMap(\.index).map { creators[$0].name }, ["An Nguyen"], "the form with marks names her")
        }
    }
}
