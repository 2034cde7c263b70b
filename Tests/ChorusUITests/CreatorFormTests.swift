import ChorusCore
@testable import ChorusUI
import XCTest

/// A coordinator fills in what an application form left out: `e` on a Pipeline row (or in a
/// creator's details) opens the creator's form; a country that is not a code says which one
/// was meant; saving is one change, and `z` takes it all back.
final class CreatorFormTests: XCTestCase {
    private var console = ConsoleDriver(Sample.workspace())
    private var form: FormState? { console.state.form?.form }

    private func fill(_ field: CreatorForm.Field, _ text: String) {
        while form?.focus != field.rawValue { console.press(.tab) }
        console.press(.control("u")).type(text)
    }

    private func message(_ field: CreatorForm.Field) -> String? { form?.fields[field.rawValue].message }

    /// The creator the open form edits.
    private var editing: Creator? {
        guard case .editCreator(let id)? = console.state.form?.purpose else { return nil }
        return console.workspace.creator(id)
    }

    func testAddingAnAddressAHandleAndAPayoutEmailIsOneUndoableChange() throws {
        console.press("1", "e")
        let before = try XCTUnwrap(editing)
        XCTAssertEqual(form?.title, "Edit @\(before.handle)")
        XCTAssertEqual(form?.fields.map(\.label).prefix(4), ["Handle", "Name", "Email", "Instagram"])
        XCTAssertEqual(form?.fields[CreatorForm.Field.instagram.rawValue].text,
                       "@\(before.handle) \(before.profiles[0].followers)", "handle and followers per platform")

        fill(.tiktok, "@\(before.handle).tok 12.4k")
        fill(.country, "UK")
        fill(.street, "14 Albert Road")
        fill(.city, "Manchester")
        fill(.postalCode, "M14 5RT")
        fill(.phone, "07700 900123")
        fill(.payoutEmail, "payouts@example.co.uk")
        console.press(.control("s"))
        XCTAssertEqual(message(.country), "'UK' is not an ISO country code; use GB")
        XCTAssertTrue(console.dump.contains("↳ 'UK' is not an ISO country code; use GB"), console.dump)
        XCTAssertTrue(console.session.performed.isEmpty, "nothing is sent while a field does not read")

        fill(.country, "GB")
        console.press(.control("s"))
        XCTAssertNil(console.state.form, "a good save closes the form")
        XCTAssertEqual(console.session.performed.count, 1, "one command")
        let after = try XCTUnwrap(console.workspace.creator(before.id))
        XCTAssertEqual(after.address, PostalAddress(line1: "14 Albert Road", city: "Manchester", postalCode: "M14 5RT", country: "GB"))
        XCTAssertEqual(after.country, "GB")
        XCTAssertEqual(after.phone, "07700 900123")
        XCTAssertEqual(after.payoutEmail, "payouts@example.co.uk")
        XCTAssertEqual(after.profiles.first { $0.platform == .tiktok }, SocialProfile(platform: .tiktok, handle: "\(before.handle).tok", followers: 12_400))
        XCTAssertEqual(after.profiles.first { $0.platform == .instagram }, before.profiles[0], "the untouched profile is kept")

        console.press("z")
        XCTAssertEqual(console.workspace.creator(before.id), before, "z takes the whole edit back")
    }

    func testAnAddressWithGapsIsRefusedAtEachGap() {
        console.press("1", "e")
        fill(.street, "Storgata 5")
        fill(.payoutEmail, "not an email")
        console.press(.control("s"))
        XCTAssertEqual(message(.city), "the city is needed to ship to this address")
        XCTAssertEqual(message(.postalCode), "the postal code is needed to ship to this address")
        XCTAssertEqual(message(.payoutEmail), "\"not an email\" is not an email address")
        XCTAssertEqual(form?.focus, CreatorForm.Field.city.rawValue, "the first field to fix has the keyboard")
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testAHandleAnotherCreatorHasIsRefusedNextToTheHandle() {
        console.press("1", "e")
        let other = console.workspace.creators.first { $0.id != editing?.id }!
        fill(.handle, "@" + other.handle)
        console.press(.control("s"))
        XCTAssertNotNil(console.state.form, "a refused save keeps the form")
        XCTAssertEqual(message(.handle), "the handle @\(other.handle) belongs to \(other.name) (\(other.id))")
    }

    func testEInACreatorsDetailsOpensTheirFormAndEscLeavesThemAsTheyWere() {
        let before = console.workspace
        console.press("1", .enter)
        guard case .creatorDetail(let id)? = console.state.overlay else { return XCTFail("expected the creator's details") }
        let handle = console.workspace.creator(id)!.handle
        XCTAssertNotNil(console.frame.row(containing: "@\(handle) — e edits · Esc closes"), console.dump)
        console.press("e")
        XCTAssertEqual(form?.title, "Edit @\(handle)")
        XCTAssertNil(console.state.overlay, "the form replaces the details")
        fill(.name, "Someone Else")
        console.press(.escape)
        XCTAssertNotNil(console.state.form, "Esc after an edit asks before discarding it")
        console.press("y")
        XCTAssertNil(console.state.form)
        XCTAssertTrue(console.workspace == before, "Esc sends nothing")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "changes discarded; nothing was saved"))
    }
}
