import ChorusCore
@testable import ChorusUI
import XCTest

/// Recruiting from customers who have no handle yet: the recruit view lists them as
/// `lead · no handle` with what they bought, after every creator and never scored; `i` will not
/// invite them, `m` asks them to apply, and `e` gives one a handle, which makes them a prospect.
final class LeadsRecruitKeyTests: XCTestCase {
    let marta = CreatorID("CR-0020"), sam = CreatorID("CR-0021")

    /// Marta bought twice (an order the store holds and one the list counted); Sam never
    /// accepted marketing.
    private func console() throws -> ConsoleDriver {
        var workspace = Sample.workspace()
        let leads = [
            Creator(id: marta, handle: "", name: "Marta Ruiz", email: "marta@example.es", sources: [.customerList],
                    customer: CustomerSignals(orders: 2, totalSpent: Money(minorUnits: 6_400, currency: .eur), acceptsMarketing: true)),
            Creator(id: sam, handle: "", name: "Sam Reed", email: "sam@example.com", sources: [.crm],
                    customer: CustomerSignals(orders: 0, totalSpent: .zero(.eur), acceptsMarketing: false)),
        ]
        let context = CommandContext(now: Sample.now, actor: "test")
        try workspace.apply(.importCreators(leads, codes: []), context: context)
        try workspace.apply(.importOrders([Order(id: "#5001", email: "Marta@Example.es", financialStatus: "paid", createdAt: Sample.now,
                                                 subtotal: Money(minorUnits: 3_200, currency: .eur), refunded: .zero(.eur),
                                                 lines: [OrderLine(sku: "TS-M", name: "Trail Socks - M", quantity: 1,
                                                                   price: Money(minorUnits: 3_200, currency: .eur))])]),
                            context: context)
        return ConsoleDriver(workspace, size: Size(width: 140, height: 30))
    }

    private func rows(_ console: ConsoleDriver) -> [String] {
        (0..<console.console.table.count).map { console.workspace.creators[console.console.table.creatorPosition(at: $0)].name }
    }

    func testLeadsAreListedAfterEveryCreatorWithWhatTheyBoughtAndCountedApart() throws {
        let console = try console().press("R")
        XCTAssertEqual(rows(console).suffix(2), ["Marta Ruiz", "Sam Reed"], "after every creator, whatever the fit")
        XCTAssertTrue(console.frame.line(1).contains("1 creator · 2 leads"), console.frame.line(1))
        let martaRow = try XCTUnwrap(console.frame.lines.first { $0.contains("Marta Ruiz") })
        XCTAssertTrue(martaRow.hasPrefix("  lead · no han"), "in the handle column, cut to its width: \(martaRow)")
        XCTAssertTrue(martaRow.contains("Marta Ruiz · 2 orders"), martaRow)
        XCTAssertFalse(martaRow.contains("nano"), "no tier, audience or score: \(martaRow)")

        console.press("/").type("lead").press(.enter, .enter)
        XCTAssertEqual(rows(console), ["Marta Ruiz", "Sam Reed"], "the filter finds leads by the word")
        XCTAssertTrue(console.dump.contains("│ lead · no handle"), console.dump)
        XCTAssertTrue(console.dump.contains("Bought     2 orders · 64.00 EUR · Trail Socks - M"), console.dump)
    }

    func testLeadsAreNeverInvitedButAskedToApply() throws {
        let console = try console().press("R", "/").type("lead").press(.enter, " ", "i")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "Marta Ruiz (marta@example.es) is a lead with no handle yet: m drafts apply, e adds a handle"))
        XCTAssertTrue(console.session.performed.isEmpty)

        console.press("m")
        XCTAssertEqual(console.state.prompt?.purpose, .outboxKind([marta], wave: Sample.wave1))
        let plan = console.workspace.outboxPlan(.apply, wave: Sample.wave1, creators: [marta, sam], today: Sample.today)
        XCTAssertEqual(plan.refusal, "Sam Reed (sam@example.com) has not accepted marketing and cannot be sent apply")
        let everyone = console.workspace.outboxPlan(.apply, wave: Sample.wave1, today: Sample.today)
        XCTAssertTrue(everyone.recipients.contains(marta), "apply for the wave goes to the leads who accepted marketing")
        XCTAssertEqual(everyone.skipped.first { $0.creatorID == sam }?.reason, "Sam Reed (sam@example.com) has not accepted marketing")
        XCTAssertEqual(console.workspace.outboxPlan(.nudge1, wave: Sample.wave1, creators: [marta], today: Sample.today).skipped.map(\.reason),
                       ["Marta Ruiz (marta@example.es) is a lead with no handle yet; leads are only sent apply"])
    }

    func testGivingALeadAHandleInTheFormMakesThemAProspectWithTheirOrders() throws {
        let console = try console().press("R", "/").type("marta").press(.enter, "e")
        XCTAssertEqual(console.state.form?.form.title, "Edit the lead Marta Ruiz: a handle makes them a prospect")
        XCTAssertEqual(console.state.form?.form.fields[CreatorForm.Field.handle.rawValue].text, "")

        let taken = try XCTUnwrap(console.workspace.creators.first { !$0.isLead })
        console.type("@" + taken.handle).press(.control("s"))
        XCTAssertEqual(console.state.message?.text, "Marta Ruiz (marta@example.es) cannot take the handle @\(taken.handle): it belongs to \(taken.name) (\(taken.id))")
        XCTAssertTrue(console.workspace.creator(marta)?.isLead ?? false, "the conflict changes nothing")

        console.press(.control("u")).type("@marta.makes").press(.control("s"))
        XCTAssertNil(console.state.form)
        let prospect = try XCTUnwrap(console.workspace.creator(handle: "marta.makes"))
        XCTAssertEqual(prospect.id, marta, "the same record, not a new creator")
        XCTAssertEqual(prospect.customer?.orders, 2, "with the purchase history it had")
        XCTAssertEqual(prospect.profiles, [SocialProfile(platform: .instagram, handle: "marta.makes", followers: 0)])
        XCTAssertTrue(console.frame.lines.contains { $0.contains("@marta.makes") && $0.contains("prospect") }, console.dump)
    }
}
