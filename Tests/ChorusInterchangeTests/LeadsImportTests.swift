import ChorusCore
import ChorusInterchange
import XCTest

/// Customers with an email but no handle come in as leads and stay one record per person
/// across every list: a later list (or an application) that gives their handle makes the same
/// record a prospect, unless the handle is someone else's.
final class LeadsImportTests: XCTestCase {
    private static let context = CommandContext(now: Timestamp("2026-03-12T09:00:00Z")!, actor: "ana")
    private static let header = "Email,First Name,Last Name,Accepts Marketing,Total Spent,Total Orders,Tags\n"

    private var workspace = Workspace(program: Program(name: "Always-on", brand: "Lumen Skin", currency: .eur, landingURL: "https://lumen.example"))

    @discardableResult
    private func importList(_ rows: String) throws -> CustomersImport {
        let parsed = try CustomersImport(bytes: Array((Self.header + rows).utf8), fileName: "customers.csv", workspace: workspace)
        XCTAssertEqual(parsed.errors, [])
        if let command = parsed.command { try workspace.apply(command, context: Self.context) }
        return parsed
    }

    func testALaterListGivingTheHandleMakesTheLeadAProspectKeepingTheirPurchases() throws {
        try importList("marta@example.es,Marta,Ruiz,yes,120.00,3,\nlena@example.com,Lena,Hofer,yes,10.00,1,ig:@lena.hikes\n")
        let lead = try XCTUnwrap(workspace.lead(email: "MARTA@example.es"))
        XCTAssertEqual(lead.name, "Marta Ruiz")
        XCTAssertEqual(workspace.leads.count, 1)

        let again = try importList("marta@example.es,Marta,Ruiz,yes,120.00,3,\n")
        XCTAssertEqual(again.leadsAdded, 0, "the same customer again is the same lead")
        XCTAssertEqual(workspace.creators.count, 2)

        let loyalty = try importList("Marta@Example.es,Marta,Ruiz,,150.00,4,ig:@marta.walks\n")
        XCTAssertEqual(loyalty.added, 0)
        let prospect = try XCTUnwrap(workspace.creator(handle: "marta.walks"))
        XCTAssertEqual(prospect.id, lead.id, "the same record")
        XCTAssertEqual(prospect.customer?.orders, 4, "the higher count, as for every customer")
        XCTAssertEqual(prospect.customer?.acceptsMarketing, true)
        XCTAssertEqual(workspace.leads, [])
    }

    func testAHandleThatIsAnotherCreatorsLeavesTheLeadALeadAndSaysSo() throws {
        try importList("marta@example.es,Marta,Ruiz,yes,120.00,3,\nlena@example.com,Lena,Hofer,yes,10.00,1,ig:@lena.hikes\n")
        let parsed = try importList("marta@example.es,Marta,Ruiz,yes,120.00,3,ig:@lena.hikes\n")
        XCTAssertEqual(parsed.conflicts, ["marta@example.es: Instagram @lena.hikes belongs to another creator and was not added"])
        XCTAssertEqual(workspace.lead(email: "marta@example.es")?.handle, "", "still a lead")
        XCTAssertEqual(workspace.creator(handle: "lena.hikes")?.name, "Lena Hofer")
    }

    func testAnApplicationWithTheLeadsEmailGivesThemTheHandle() throws {
        try importList("marta@example.es,Marta,Ruiz,yes,120.00,3,\n")
        let leadID = try XCTUnwrap(workspace.leads.first?.id)
        let form = "handle,name,email,followers\n@Marta.Walks,Marta Ruiz,marta@example.es,1200\n"
        let parsed = try CreatorsImport(bytes: Array(form.utf8), fileName: "applications.csv", workspace: workspace, codeTerms: DiscountTerms(kind: .percent, value: 1_000))
        XCTAssertEqual(parsed.errors, [])
        let applied = try workspace.apply(try XCTUnwrap(parsed.command), context: Self.context)
        XCTAssertEqual(applied.summary, "imported creators: 0 new, 1 updated, 0 unchanged; 1 lead gave a handle and became a prospect")
        let prospect = try XCTUnwrap(workspace.creator(leadID))
        XCTAssertEqual(prospect.handle, "marta.walks")
        XCTAssertEqual(prospect.profiles, [SocialProfile(platform: .instagram, handle: "marta.walks", followers: 1_200)])
        XCTAssertEqual(prospect.customer?.orders, 3)
    }
}
