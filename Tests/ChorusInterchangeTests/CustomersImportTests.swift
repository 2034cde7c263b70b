import ChorusCore
import ChorusInterchange
import XCTest

/// A coordinator recruits creators from the brand's own customers: the Shopify export (old
/// or new), the loyalty club's list and the CRM, merged into one creator per person.
final class CustomersImportTests: XCTestCase {
    private static let context = CommandContext(now: Timestamp("2026-03-12T09:00:00Z")!, actor: "ana")

    private static var workspace: Workspace {
        Workspace(program: Program(name: "Always-on", brand: "Lumen Skin", currency: .eur, landingURL: "https://lumen.example"),
                  waves: [Wave(id: "W1", name: "Spring Glow", slug: "spring-glow", status: .live, startDate: Day("2026-03-01"),
                               endDate: Day("2026-04-30"), budget: .zero(.eur), brief: Brief(), incentivePlan: IncentivePlan(gifting: true))],
                  skus: [SKU(id: "SKU-SERUM", name: "Serum", unitCost: Money(minorUnits: 800, currency: .eur), stockOnHand: 10, category: "serums")])
    }

    @discardableResult
    private func importList(_ csv: String, into workspace: inout Workspace, source: CreatorSource? = nil,
                            bom: Bool = false) throws -> CustomersImport {
        let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(csv.utf8)
        let parsed = try CustomersImport(bytes: bytes, fileName: "customers.csv", workspace: workspace, source: source)
        XCTAssertEqual(parsed.errors, [])
        if let command = parsed.command { _ = try workspace.apply(command, context: Self.context) }
        return parsed
    }

    func testNewerShopifyLayoutWithBOMQuotedNotesAndQuotedCustomerID() throws {
        var workspace = Self.workspace
        let csv = """
            Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags
            '7200000000042,Lena,Hofer,Lena@Example.com,yes,,Hauptstr. 1,,Berlin,,DE,10115,,,no,1234.50,14,"Loves the serum, posts weekly.
            Insta: @lena.hikes",no,"loyalty-gold, serums, newsletter"
            7200000000043,Tom,Berg,tom@example.com,no,,,,,,NL,,,,no,80.00,2,,no,"tt:@tom.berg"
            7200000000044,No,Handle,nohandle@example.com,yes,,,,,,DE,,,,no,10.00,1,,no,
            """
        let parsed = try importList(csv, into: &workspace, bom: true)
        XCTAssertEqual(parsed.layout, .shopifyNewer)
        XCTAssertEqual(parsed.added, 2)
        XCTAssertEqual(parsed.leadsAdded, 1, "a customer without any handle is not a creator yet, but a lead")
        XCTAssertEqual(workspace.lead(email: "nohandle@example.com")?.customer?.orders, 1)
        XCTAssertEqual(parsed.conflicts, [], "a first import replaces nothing")
        let lena = try XCTUnwrap(workspace.creator(handle: "lena.hikes"), "the handle came from a quoted, multi-line note")
        XCTAssertEqual(lena.name, "Lena Hofer")
        XCTAssertEqual(lena.profiles.map(\.platform), [.instagram])
        XCTAssertEqual(lena.customer?.totalSpent, Money(minorUnits: 123_450, currency: .eur))
        XCTAssertEqual(lena.customer?.orders, 14)
        XCTAssertEqual(lena.customer?.loyaltyTier, "gold")
        XCTAssertEqual(lena.customer?.categories, ["serums"], "tags that are product categories are categories bought; 'newsletter' is not")
        XCTAssertEqual(lena.address?.city, "Berlin")
        XCTAssertEqual(lena.sources, [.customerList])
        XCTAssertTrue(lena.isContactable)
        let tom = try XCTUnwrap(workspace.creator(handle: "tom.berg"))
        XCTAssertEqual(tom.profiles.first?.platform, .tiktok)
        XCTAssertFalse(tom.isContactable, "Tom did not accept marketing")
        XCTAssertEqual(parsed.report().first, "2 new, 0 merged with creators already known")
        XCTAssertTrue(parsed.report().contains("1 have not accepted marketing: shown, but never invited"))
    }

    func testOlderShopifyLayoutIsDetectedFromItsHeader() throws {
        var workspace = Self.workspace
        let csv = """
            First Name,Last Name,Email,Accepts Marketing,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Total Spent,Total Orders,Tags,Note,Tax Exempt
            Mia,Roth,mia@example.com,yes,,Ring 4,,Wien,,,Austria,AT,1010,,99.90,3,"yt:@mia.roth, ig:@mia.roth",,no
            """
        let parsed = try importList(csv, into: &workspace)
        XCTAssertEqual(parsed.layout, .shopifyOlder)
        let mia = try XCTUnwrap(workspace.creator(handle: "mia.roth"))
        XCTAssertEqual(mia.profiles.map(\.platform), [.instagram, .youtube], "the Instagram handle names a new creator, so it comes first")
        XCTAssertEqual(mia.handle, "mia.roth")
        XCTAssertEqual(mia.country, "AT")
        XCTAssertEqual(mia.customer?.totalSpent.minorUnits, 9_990)
    }

    func testTheGeneratorsCustomersExportReadsBack() throws {
        let creators = [Creator(id: "CR-00007", handle: "priya.hikes3", name: "Priya Smith", email: "priya@example.com",
                                profiles: [SocialProfile(platform: .pinterest, handle: "priya.hikes3", followers: 10_269)],
                                customer: CustomerSignals(orders: 11, totalSpent: Money(minorUnits: 53_768, currency: .eur),
                                                          categories: ["serums"], loyaltyTier: "Silver", acceptsMarketing: true),
                                note: "Met at the pop-up, \"huge fan\"")]
        var workspace = Self.workspace
        let parsed = try CustomersImport(bytes: ShopifyCustomersCSV.write(creators: creators), fileName: "shopify-customers.csv",
                                         workspace: workspace, source: nil)
        XCTAssertEqual(parsed.errors, [])
        _ = try workspace.apply(try XCTUnwrap(parsed.command), context: Self.context)
        let priya = try XCTUnwrap(workspace.creator(handle: "priya.hikes3"))
        XCTAssertEqual(priya.profiles.map(\.platform), [.pinterest])
        XCTAssertEqual(priya.customer?.loyaltyTier, "silver")
        XCTAssertEqual(priya.note, "Met at the pop-up, \"huge fan\"")
    }

    func testHandlesAreFoundInColumnsTagsAndNotes() {
        XCTAssertEqual(SocialHandles.fromTag("ig:@Lena.Hikes").map { "\($0.0):\($0.1)" }, "instagram:Lena.Hikes")
        XCTAssertEqual(SocialHandles.fromTag("tiktok: lena").map { "\($0.0):\($0.1)" }, "tiktok:lena")
        XCTAssertNil(SocialHandles.fromTag("loyalty-gold"))
        let note = "Mail ana@example.com. TikTok @ana.tt, YT: @ana_vlogs; see https://www.instagram.com/ana.gram/?hl=de"
        XCTAssertEqual(SocialHandles.fromNote(note).map { "\($0.0):\($0.1)" },
                       ["tiktok:ana.tt", "youtube:ana_vlogs", "instagram:ana.gram"], "an email address is not a handle")
        XCTAssertEqual(SocialHandles.fromNote("found her @mila.makes").map { "\($0.0):\($0.1)" }, ["instagram:mila.makes"])
        XCTAssertNil(SocialHandles.clean("not a handle!"))
    }

    /// The same person is in the store export, the loyalty club and the CRM under different
    /// spellings; each list adds what it knows and the report says what was replaced.
    func testThreeListsMergeIntoOneCreatorWithConflictsListed() throws {
        var workspace = Self.workspace
        let shopify = """
            Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Country Code,Total Spent,Total Orders,Note,Tags
            7200000000001,Ana,Silva,ana@x.com,yes,PT,250.00,5,,"ig:@ana.silva"
            """
        try importList(shopify, into: &workspace)
        let loyalty = """
            email,name,instagram,tiktok,followers,loyalty_tier,total_spent,orders
            ANA@X.COM,Ana Silva,,ana.tt,5200,gold,240.00,4
            """
        let fromLoyalty = try importList(loyalty, into: &workspace, source: .loyalty)
        XCTAssertEqual(fromLoyalty.merged, 1, "same email, ignoring case")
        XCTAssertEqual(fromLoyalty.conflicts, [], "lower totals in a lagging list are not conflicts, and are not added")
        let crm = """
            email,name,handle,country,total_spent,orders,accepts_marketing
            ana.silva@work.example,Ana B. Silva,@Ana.Silva,ES,300.00,6,no
            """
        let fromCRM = try importList(crm, into: &workspace, source: .crm)
        XCTAssertEqual(fromCRM.merged, 1, "matched by the Instagram handle, though the email differs")
        XCTAssertEqual(fromCRM.conflicts, [
            "ana.silva@work.example: name Ana Silva replaced by Ana B. Silva (newest import wins)",
            "ana.silva@work.example: email ana@x.com replaced by ana.silva@work.example (newest import wins)",
            "ana.silva@work.example: country PT replaced by ES (newest import wins)",
            "ana.silva@work.example: marketing consent yes replaced by no (newest import wins)",
        ])
        XCTAssertEqual(workspace.creators.count, 1)
        let ana = try XCTUnwrap(workspace.creator(handle: "ana.silva"))
        XCTAssertEqual(ana.sources, [.customerList, .loyalty, .crm], "every list is remembered")
        XCTAssertEqual(Set(ana.profiles.map(\.platform)), [.instagram, .tiktok])
        XCTAssertEqual(ana.customer?.orders, 6, "the highest count, never 5 + 4 + 6")
        XCTAssertEqual(ana.customer?.totalSpent.minorUnits, 30_000)
        XCTAssertEqual(ana.customer?.loyaltyTier, "gold")
        XCTAssertFalse(ana.isContactable, "she unsubscribed in the newest list")
    }

    func testAHandleOnFileWinsOverAnotherListsHandle() throws {
        var workspace = Self.workspace
        try importList("email,instagram\nben@x.com,ben.one\n", into: &workspace)
        let second = try importList("email,instagram\nben@x.com,ben.two\n", into: &workspace)
        XCTAssertEqual(second.conflicts, ["ben@x.com: Instagram @ben.two not used; @ben.one keeps @ben.one (handles on file win)"])
        XCTAssertEqual(workspace.creators.map(\.handle), ["ben.one"])
    }

    func testBadRowsNameFileLineAndColumnAndNothingIsApplied() throws {
        let csv = """
            email,instagram,total_spent,orders,accepts_marketing
            a@x.com,good.one,10.00,1,yes
            not-an-email,b,10.00,1,yes
            c@x.com,bad handle!,10.00,1,yes
            d@x.com,d,ten,1,yes
            e@x.com,e,10.00,-2,maybe
            ,f,1.00,1,yes
            """
        let parsed = try CustomersImport(bytes: Array(csv.utf8), fileName: "crm.csv", workspace: Self.workspace, source: .crm)
        XCTAssertEqual(parsed.errors.map(\.description), [
            "crm.csv, line 3, column 1 (email): 'not-an-email' is not an email address",
            "crm.csv, line 4, column 2 (instagram): 'bad handle!' is not a social handle",
            "crm.csv, line 5, column 3 (total_spent): 'ten' is not an amount like 1234.50",
            "crm.csv, line 6, column 5 (accepts_marketing): 'maybe' is not yes or no (nor SUBSCRIBED, UNSUBSCRIBED or NEVER_SUBSCRIBED)",
            "crm.csv, line 7, column 1 (email): the row has no email",
        ])
    }

    func testAFileThatIsNoCustomerListNamesItsColumnsAndWhatEachLayoutNeeds() {
        XCTAssertThrowsError(try CustomersImport(bytes: Array("handle,followers\nx,1\n".utf8), fileName: "x.csv",
                                                 workspace: Self.workspace, source: nil)) { error in
            XCTAssertEqual("\(error)", "x.csv is not a customer list Chorus reads: its columns are 'handle', 'followers'; Chorus reads "
                + "a Shopify customers export (older layout) (Email, Accepts Marketing, Total Spent, Total Orders, Tags); "
                + "a Shopify customers export (Email, Accepts Email Marketing, Total Spent, Total Orders, Tags); "
                + "a Klaviyo profile export (Email, Email Marketing Consent); a customer list (email)")
        }
    }
}

/// Big lists fail the way small ones do: every bad row counted, a screenful shown.
final class LargeCustomersImportTests: XCTestCase {
    func testA100000RowExportWith50BadRowsSaysSoInAScreenful() throws {
        var text = ShopifyCustomersCSV.header.joined(separator: ",") + "\n"
        text.reserveCapacity(10_000_000)
        for number in 1...100_000 {
            let spent = number % 2_000 == 0 ? "n/a" : "\(number % 900).50"  // 50 rows with no amount
            text += "\(7_200_000_000_000 + number),Fan,No\(number),fan\(number)@example.com,yes,,,,,,DE,,,,no,\(spent),3,,no,ig:@fan\(number)\n"
        }
        let workspace = Workspace(program: Program(name: "Big", brand: "Big", currency: .eur, landingURL: "https://big.example"))
        let parsed = try CustomersImport(bytes: Array(text.utf8), fileName: "customers.csv", workspace: workspace)
        XCTAssertEqual(parsed.errors.count, 50)
        XCTAssertEqual(parsed.errors.first?.description, "customers.csv, line 2001, column 16 (Total Spent): 'n/a' is not an amount like 1234.50")
        let shown = ImportRowError.summary(parsed.errors)
        XCTAssertEqual(shown.count, 21)
        XCTAssertEqual(shown.last, "… and 30 more rows like these")
        XCTAssertEqual(parsed.creators.count, 99_950)
    }

    func testALongConflictListIsSummarized() throws {
        var workspace = Workspace(program: Program(name: "Big", brand: "Big", currency: .eur, landingURL: "https://big.example"))
        let rows = { (country: String) in "email,instagram,country\n" + (1...30).map { "p\($0)@example.com,p\($0),\(country)" }.joined(separator: "\n") }
        for country in ["DE", "AT"] {
            let parsed = try CustomersImport(bytes: Array(rows(country).utf8), fileName: "crm.csv", workspace: workspace, source: .crm)
            _ = try workspace.apply(try XCTUnwrap(parsed.command), context: CommandContext(now: Timestamp("2026-03-12T09:00:00Z")!, actor: "ana"))
            if country == "AT" {
                let report = parsed.report()
                XCTAssertTrue(report.contains("30 conflicting values (newest import wins for contact fields):"), "\(report)")
                XCTAssertEqual(report.filter { $0.hasPrefix("  p") }.count, 20)
                XCTAssertEqual(report.last, "  … and 10 more")
            }
        }
    }
}
