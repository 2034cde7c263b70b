import ChorusCore
@testable import ChorusUI
import XCTest

/// A manager edits waves from the keyboard: Tab between fields, type, see what is wrong next
/// to the field, save once (one command, one `z`), or Esc and nothing happened.
final class WaveFormTests: XCTestCase {
    private var form: FormState? { console.state.form?.form }
    private var console = ConsoleDriver(SeedingSample.workspace())

    /// Tabs to `field` and replaces its text.
    private func fill(_ field: WaveForm.Field, _ text: String) {
        while form?.focus != field.rawValue { console.press(.tab) }
        console.press(.control("u")).type(text)
    }

    private func message(_ field: WaveForm.Field) -> String? { form?.fields[field.rawValue].message }

    func testEditingTheBudgetSendsOneUpdateAndUndoPutsItBack() {
        let before = console.workspace.wave(Sample.wave1)
        console.press("7", "e")
        XCTAssertEqual(form?.title, "Edit Wave 1")
        XCTAssertEqual(form?.fields.map(\.label).prefix(5), ["Name", "Status", "Starts", "Ends", "Budget"])
        XCTAssertEqual(form?.fields[WaveForm.Field.products.rawValue].text, "SKU-SERUM×1, SKU-MIST×2")
        fill(.budget, "7500.50")
        fill(.status, "wrap-up")
        console.press(.control("s"))

        XCTAssertNil(console.state.form, "a good save closes the form")
        XCTAssertEqual(console.session.performed.count, 1, "one command")
        guard case .updateWave(let sent)? = console.session.performed.last else { return XCTFail("expected .updateWave") }
        XCTAssertEqual(sent.budget, Money(minorUnits: 750_050, currency: .eur))
        XCTAssertEqual(console.workspace.wave(Sample.wave1)?.status, .wrapUp)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "updated wave Wave 1"))

        console.press("z")
        XCTAssertEqual(console.workspace.wave(Sample.wave1), before, "z takes the whole edit back")
    }

    func testABadDateAndABadBudgetAreShownNextToTheirFieldsAndTheFormStaysOpen() {
        console.press("7", "e")
        fill(.start, "2025-02-30")
        fill(.budget, "lots")
        console.press(.control("s"))

        XCTAssertEqual(message(.start), "\"2025-02-30\" is not a date; use YYYY-MM-DD")
        XCTAssertEqual(message(.budget), "\"lots\" is not an amount; write it like 2500.00")
        XCTAssertEqual(form?.focus, WaveForm.Field.start.rawValue, "the first field to fix has the keyboard")
        XCTAssertTrue(console.dump.contains("↳ \"2025-02-30\" is not a date; use YYYY-MM-DD"), console.dump)
        XCTAssertTrue(console.session.performed.isEmpty, "nothing is sent while a field does not read")

        console.press(.backspace, .backspace).type("28")
        XCTAssertNil(message(.start), "editing the field clears its message")
        fill(.budget, "6000")
        console.press(.control("s"))
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.workspace.wave(Sample.wave1)?.startDate, Day("2025-02-28"))
    }

    func testTheDomainsRefusalIsShownNextToTheFieldItIsAbout() {
        console.press("7", "e")
        fill(.end, "2025-01-01")
        console.press(.control("s"))
        XCTAssertNotNil(console.state.form, "a refused save keeps the form and what was typed")
        XCTAssertEqual(message(.end), "wave Wave 1 ends 2025-01-01, before it starts 2025-03-10")
        XCTAssertEqual(form?.fields[WaveForm.Field.end.rawValue].text, "2025-01-01")

        fill(.end, "")
        fill(.products, "SKU-SERUM×1, SKU-NOPE×2")
        console.press(.control("s"))
        XCTAssertEqual(message(.products), "SKU SKU-NOPE does not exist; the program's SKUs are SKU-SERUM, SKU-MIST (chorus list products)")
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testEscLeavesTheWaveAsItWas() {
        let before = console.workspace
        console.press("7", "e")
        fill(.name, "Renamed")
        fill(.budget, "1")
        console.press(.escape)
        XCTAssertEqual(console.state.prompt?.purpose, .confirm(.discardForm("Edit Wave 1")), "edits are not thrown away on one key")
        XCTAssertTrue(console.frame.line(console.frame.size.height - 1).hasPrefix(" Discard changes to Edit Wave 1? y/n"), console.dump)
        console.press("n")
        XCTAssertEqual(console.state.form?.form.fields[WaveForm.Field.name.rawValue].text, "Renamed", "n goes back to the form as it was")
        console.press(.escape, "y")
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "changes discarded; nothing was saved"))
        XCTAssertEqual(console.workspace, before)
        XCTAssertTrue(console.session.performed.isEmpty)
        XCTAssertEqual(console.state.pane, .waves, "Esc closed the form only")
    }

    func testSavingWithoutAChangeSendsNothing() {
        console.press("7", "e", .control("s"))
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "nothing changed"))
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testTheWholeBriefAndIncentivePlanAreEditedAsText() {
        console.press("7", "e")
        fill(.products, "SKU-SERUM×2, SKU-MIST")
        fill(.keyMessages, "Glow in 7 days, Fragrance-free")
        fill(.hashtags, "#Glow, #ad")
        fill(.mentions, "@glowbrand")
        fill(.bannedWords, "miracle, cures")
        fill(.deliverables, "instagram reel 2025-04-01; tiktok video")
        fill(.gifting, "n")
        fill(.flatFee, "150")
        fill(.storeCredit, "")
        fill(.commission, "12.5")
        fill(.bonusTiers, "20 orders: 50.00; 1000.00 revenue: 100.00")
        fill(.usageRights, "organic-repost; worldwide; 180 days")
        console.press(.enter)   // Enter on the last field saves

        let wave = console.workspace.wave(Sample.wave1)!
        XCTAssertEqual(wave.brief.products, [BriefProduct(sku: SeedingSample.serum, quantity: 2), BriefProduct(sku: SeedingSample.mist, quantity: 1)])
        XCTAssertEqual(wave.brief.keyMessages, ["Glow in 7 days", "Fragrance-free"])
        XCTAssertEqual(wave.brief.requiredHashtags, ["#Glow", "#ad"])
        XCTAssertEqual(wave.brief.requiredMentions, ["@glowbrand"])
        XCTAssertEqual(wave.brief.bannedWords, ["miracle", "cures"])
        XCTAssertEqual(wave.brief.deliverables.map(\.platform), [.instagram, .tiktok])
        XCTAssertEqual(wave.brief.deliverables.map(\.dueDate), [Day("2025-04-01"), nil])
        XCTAssertEqual(Set(wave.brief.deliverables.map(\.id)).count, 2, "new deliverables get their own ids")
        let euros = { Money(minorUnits: $0, currency: .eur) }
        XCTAssertEqual(wave.incentivePlan, IncentivePlan(gifting: false, flatFee: euros(15_000), storeCredit: nil, commissionBasisPoints: 1_250,
                                                         bonusTiers: [BonusTier(metric: .directOrders, threshold: 20, bonus: euros(5_000)),
                                                                      BonusTier(metric: .directRevenue, threshold: 100_000, bonus: euros(10_000))]))

        console.press("e")
        XCTAssertEqual(form?.fields[WaveForm.Field.commission.rawValue].text, "12.5", "the form shows the plan as it was typed")
        XCTAssertEqual(form?.fields[WaveForm.Field.bonusTiers.rawValue].text, "20 orders: 50.00; 1000.00 revenue: 100.00")
        XCTAssertEqual(form?.fields[WaveForm.Field.deliverables.rawValue].text, "instagram reel 2025-04-01; tiktok video")
    }

    func testANewWaveStartsAsACopyOfTheLastOne() {
        let last = console.workspace.waves.last!
        console.press("7", "n")
        XCTAssertEqual(form?.title, "New wave W3 — a copy of Wave 2")
        XCTAssertEqual(form?.fields[WaveForm.Field.name.rawValue].text, "Wave 3")
        XCTAssertEqual(form?.fields[WaveForm.Field.status.rawValue].text, "planning")
        XCTAssertEqual(form?.fields[WaveForm.Field.start.rawValue].text, "", "a copy has no dates yet")
        fill(.name, "Autumn")
        fill(.start, "2025-09-01")
        console.press(.control("s"))

        XCTAssertEqual(console.session.performed.count, 1)
        let created = console.workspace.wave("W3")
        XCTAssertEqual(created?.name, "Autumn")
        XCTAssertEqual(created?.slug, "autumn", "its tracking links' campaign reads as its name")
        XCTAssertEqual(created?.brief, last.brief)
        XCTAssertEqual(created?.incentivePlan, last.incentivePlan)
        XCTAssertTrue(console.dump.contains("Autumn"), console.dump)

        console.press("z")
        XCTAssertNil(console.workspace.wave("W3"), "undo removes the new wave")
    }

    /// Without agreed rights every draft fails the usage-rights check, so the brief says what
    /// the brand may do with the content: one line for every deliverable, new ones included.
    func testUsageRightsAgreedInTheBriefHoldForEveryDeliverable() {
        console.press("7", "e")
        fill(.deliverables, "instagram reel 2025-04-01; tiktok video")
        fill(.usageRights, "organic-repost, paid-social; DE, AT; 90 days")
        console.press(.control("s"))
        XCTAssertNil(console.state.form)
        let template = RightsTemplate(uses: [.organicRepost, .paidSocial], territory: .countries(["DE", "AT"]), durationDays: 90)
        XCTAssertEqual(console.workspace.wave(Sample.wave1)?.brief.deliverables.map(\.rights), [template, template])
        XCTAssertTrue(console.dump.contains("Rights     organic-repost, paid-social; DE, AT; 90 days"), console.dump)

        console.press("e")
        XCTAssertEqual(form?.fields[WaveForm.Field.usageRights.rawValue].text, "organic-repost, paid-social; DE, AT; 90 days")
        fill(.usageRights, "billboards; worldwide; 90 days")
        console.press(.control("s"))
        XCTAssertEqual(message(.usageRights), "'billboards' is not a use; use \(RightsUse.slugs)")
        fill(.usageRights, "website; worldwide; forever")
        console.press(.control("s"))
        XCTAssertEqual(message(.usageRights), "\"forever\" is not a number of days; write 90 days")
        fill(.usageRights, "")
        console.press(.control("s"))
        XCTAssertEqual(console.workspace.wave(Sample.wave1)?.brief.deliverables.map(\.rights), [nil, nil], "an empty line agrees none")
        XCTAssertTrue(console.dump.contains("Rights     not agreed: drafts fail the usage-rights check"), console.dump)
    }
}
