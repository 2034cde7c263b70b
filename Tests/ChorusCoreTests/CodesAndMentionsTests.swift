import XCTest
@testable import ChorusCore

/// Codes made from a pattern, and the names a survey answer can credit.
final class CodesAndMentionsTests: XCTestCase {
    private let f = ProgramFixture.self
    private let terms = DiscountTerms(waveID: ProgramFixture.spring, kind: .percent, value: 1_500)

    // MARK: Codes from a pattern

    func testAPatternMakesOneUpperCaseASCIICodePerCreatorAndSuffixesCollisions() throws {
        var workspace = ProgramFixture.workspace
        let creators = [f.mila, f.lea, f.jonas].map { workspace.creator($0)! }
        let pattern = try DiscountCodePattern("{HANDLE}15")
        let codes = try pattern.codes(for: creators + [Creator(id: "CR-0009", handle: "Mila_Makes", name: "Other Mila")], terms: terms,
                                      isTaken: { workspace.discountCode($0) != nil })
        XCTAssertEqual(codes.map(\.code), ["MILAMAKES15", "LEALUMIERE15", "JONASOUTDOORS15", "MILAMAKES15-2"])
        XCTAssertEqual(pattern.code(for: "zoë.müller"), "ZOEMULLER15")
        try workspace.run(.addDiscountCodes(Array(codes.prefix(3))))
        let again = try pattern.codes(for: [creators[0]], terms: terms, isTaken: { workspace.discountCode($0) != nil })
        XCTAssertEqual(again.map(\.code), ["MILAMAKES15-2"], "a code already in the store is never reissued")
        XCTAssertEqual(codes[0].valueText(currency: .eur), "15")
    }

    func testAPatternMustNameTheHandleAndAHandleMustLeaveLetters() throws {
        XCTAssertThrowsError(try DiscountCodePattern("SPRING15")) { XCTAssertTrue("\($0)".contains("has no {HANDLE}")) }
        XCTAssertThrowsError(try DiscountCodePattern("{HANDLE}{WAVE}")) { XCTAssertTrue("\($0)".contains("other than {HANDLE}")) }
        let sakura = ProgramFixture.workspace.creator(f.sakura)!
        var cjk = sakura
        cjk.handle = "さくら"
        XCTAssertThrowsError(try DiscountCodePattern("{HANDLE}15").codes(for: [cjk], terms: terms, isTaken: { _ in false })) {
            XCTAssertEqual("\($0)", "@さくら has no letters or digits to make a code from; give this creator a code by hand")
        }
    }

    func testDiscountValuesAreReadAsPeopleTypeThem() {
        XCTAssertEqual(DiscountCode.Kind.percent.value(from: "12.5", currency: .eur), 1_250)
        XCTAssertEqual(DiscountCode.Kind.fixed.value(from: "10.00", currency: .eur), 1_000)
        XCTAssertNil(DiscountCode.Kind.percent.value(from: "0", currency: .eur))
        XCTAssertNil(DiscountCode.Kind.percent.value(from: "15%", currency: .eur))
    }

    // MARK: Names in survey answers

    private func named(_ text: String, in creators: [Creator] = ProgramFixture.workspace.creators.rows) -> [String] {
        CreatorMentions(creators).creators(namedIn: [text]).compactMap { $0.index.map { creators[$0].handle } }
    }

    func testHandlesAndFullNamesAreFoundAsWholeWordsWithoutCaseOrAccents() {
        XCTAssertEqual(named("Saw @MILA.MAKES on insta"), ["mila.makes"])
        XCTAssertEqual(named("lea martin!"), ["lea.lumiere"])
        XCTAssertEqual(named("Léa Martin"), ["lea.lumiere"])
        XCTAssertEqual(named("佐藤さくら"), ["sakura_hibi"])
        XCTAssertEqual(named("mila.makesup her mind"), [], "a handle inside a longer word is not a mention")
        XCTAssertEqual(named("Mila Novak and Jonas Berg"), ["mila.makes", "jonas.outdoors"])
        XCTAssertEqual(named("Instagram"), [])
    }

    func testAShortNameInsideALongerOneIsNotASecondMention() {
        let creators = [Creator(id: "CR-1", handle: "anna", name: "Anna K"), Creator(id: "CR-2", handle: "anna.berg", name: "Anna Berg")]
        XCTAssertEqual(named("anna berg", in: creators), ["anna.berg"])
        XCTAssertEqual(named("anna", in: creators), ["anna"])
    }

    func testAFullNameSharedByManyCreatorsNamesThemAllButNotTheShortNamesInsideIt() {
        let namesakes = (1...300).map { Creator(id: CreatorID("CR-\($0)"), handle: "maria.\($0)", name: "Maria Garcia") }
        let creators = namesakes + [Creator(id: "CR-M", handle: "maria", name: "M")]
        let found = named("Maria Garcia told me", in: creators)
        XCTAssertEqual(found.count, 300, "every Maria Garcia, so the answer is ambiguous")
        XCTAssertFalse(found.contains("maria"), "the one-word handle inside the full name is not a mention")
        XCTAssertEqual(named("maria", in: creators), ["maria"])
    }

    // MARK: Importing creators

    func testImportingCreatorsIsOneUndoableChange() throws {
        var workspace = ProgramFixture.workspace
        var mila = workspace.creator(f.mila)!
        mila.email = "new@example.com"
        let nora = Creator(id: "CR-0005", handle: "nora.reads", name: "Nora Lind")
        let code = DiscountCode(code: "NORA10", creatorID: nora.id, waveID: nil, kind: .percent, value: 1_000)
        let applied = try workspace.run(.importCreators([mila, nora], codes: [code]))
        XCTAssertEqual(applied.summary, "imported creators: 1 new, 1 updated, 0 unchanged; added 1 discount code")
        try workspace.run(applied.undo)
        XCTAssertTrue(workspace == ProgramFixture.workspace)
        assertRefused(.importCreators([nora, Creator(id: "CR-0006", handle: "@Nora.Reads", name: "Twin")], codes: []), on: workspace,
                      saying: "@nora.reads appears twice in the import")
    }
}
