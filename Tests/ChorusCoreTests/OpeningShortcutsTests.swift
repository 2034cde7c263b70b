import XCTest
@testable import ChorusCore

/// Shortcuts that opening a million creators takes through every creator (normalizing a
/// handle without copying it, counting the wave's categories a creator bought without building
/// sets) must give exactly what the plain ways give, for any text.
final class OpeningShortcutsTests: XCTestCase {
    private static let pieces = ["lena", "LENA", "@", " ", "\t", "zoë", "ZOË", "İ", "ß", "_", ".", "hikes", "ǅ", "1", ""]

    func testAHandleIsNormalizedAlikeWithOrWithoutTheShortcut() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let handle = (0..<Int.random(in: 0...5, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(Creator.normalizedHandle(handle), Creator.normalizedHandle(Substring(handle)), "\(handle.debugDescription)")
        }
    }

    func testANormalizedHandleIsHandedBackWithoutACopy() {
        var handle = "siobhan.skincare_routines_42"
        var normalized = Creator.normalizedHandle(handle)
        XCTAssertEqual(normalized.withUTF8 { UnsafeRawPointer($0.baseAddress) }, handle.withUTF8 { UnsafeRawPointer($0.baseAddress) })
        handle = "Siobhan.Skincare_Routines_42"
        normalized = Creator.normalizedHandle(handle)
        XCTAssertEqual(normalized, "siobhan.skincare_routines_42")
    }

    func testTheCategoriesACreatorBoughtCountAsTheyDidWhenCountedWithSets() {
        var generator = SystemRandomNumberGenerator()
        let categories = ["serums", "Serums", "MASKS", "masks", "mists", "zoë", "ZOË", "oils"]
        for _ in 0..<2_000 {
            let wave = Set((0..<Int.random(in: 0...3, using: &generator)).map { _ in categories.randomElement(using: &generator)!.lowercased() })
            let email = ["Lena@Example.com", "lena@example.com", "dev@example.com"].randomElement(using: &generator)!
            let byEmail: [String: Set<String>] = Bool.random(using: &generator) ? [:]
                : ["lena@example.com": Set((0..<Int.random(in: 0...3, using: &generator)).map { _ in categories.randomElement(using: &generator)!.lowercased() })]
            let tagged = (0..<Int.random(in: 0...3, using: &generator)).map { _ in categories.randomElement(using: &generator)! }
            let creator = Creator(id: CreatorID("CR-1"), handle: "lena", name: "Lena", email: Bool.random(using: &generator) ? email : nil,
                                  customer: Bool.random(using: &generator) ? nil : CustomerSignals(orders: 1, totalSpent: .zero(.eur), categories: tagged, acceptsMarketing: true))
            let context = FitContext(waveCategories: wave, categoriesByEmail: byEmail)
            // The plain way: every set spelled out.
            let lowered = creator.customer?.categories.map { $0.lowercased() } ?? []
            let ordered = creator.email.flatMap { byEmail[$0.lowercased()] } ?? []
            let expected = wave.isEmpty ? 0 : Double(wave.filter { lowered.contains($0) || ordered.contains($0) }.count) / Double(wave.count)
            XCTAssertEqual(context.categoriesMatched(by: creator), expected)
        }
    }
}
