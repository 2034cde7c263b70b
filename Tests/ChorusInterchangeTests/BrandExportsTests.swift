import ChorusCore
import ChorusInterchange
import Foundation
import XCTest

/// A brand's own files, as the tools export them (committed under Tests/Fixtures), read into an
/// empty program: a Typeform application form through a column map, a Klaviyo profile export,
/// a Shopify orders export with its numeric `Id`, and a Fairing survey export.
final class BrandExportsTests: XCTestCase {
    static let context = CommandContext(now: Timestamp("2026-11-25T09:00:00Z")!, actor: "ana")
    static let terms = DiscountTerms(kind: .percent, value: 1_000)

    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static var empty: Workspace { Workspace(program: Program(name: "Creators", brand: "Fjord Goods", currency: .eur, landingURL: "https://fjord.example/")) }

    static func applicationMap() throws -> ColumnMap {
        try ColumnMap(bytes: fixture("typeform-creator-applications.map.json"), fileName: "map.json", fields: CreatorsImport.columns)
    }

    /// The application form, then the orders, then the survey: what a brand starting out has.
    static func brand() throws -> Workspace {
        var workspace = empty
        let applications = try CreatorsImport(bytes: fixture("typeform-creator-applications.csv"), fileName: "apply.csv",
                                              workspace: workspace, codeTerms: terms, map: applicationMap())
        try workspace.apply(applications.command!, context: context)
        let orders = try ShopifyOrdersImport(bytes: fixture("shopify-orders-with-id.csv"), fileName: "orders.csv", currency: .eur)
        try workspace.apply(.importOrders(orders.orders), context: context)
        let survey = try SurveyImport(bytes: fixture("fairing-responses.csv"), fileName: "fairing.csv", workspace: workspace)
        try workspace.apply(.importSurveyResponses(survey.responses), context: context)
        return workspace
    }

    func testAnApplicationFormIsReadThroughItsColumnMapWithAddressPhoneAndPayoutEmail() throws {
        let parsed = try CreatorsImport(bytes: Self.fixture("typeform-creator-applications.csv"), fileName: "apply.csv",
                                        workspace: Self.empty, codeTerms: Self.terms, map: Self.applicationMap())
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.creators.map(\.handle), ["felix.mueller", "felixmueller.trails", "priya.makes"])
        let felix = parsed.creators[0]
        XCTAssertEqual(felix.name, "Felix Mueller")
        XCTAssertEqual(felix.email, "felix@mueller-outdoors.de")
        XCTAssertEqual(felix.country, "DE", "'Germany' is read as DE")
        XCTAssertEqual(felix.address, PostalAddress(line1: "Lindenstraße 12", line2: "2. OG", city: "Berlin", postalCode: "10969", country: "DE"))
        XCTAssertEqual(felix.phone, "+49 30 1234567")
        XCTAssertEqual(felix.payoutEmail, "felix.paypal@mueller-outdoors.de")
        XCTAssertEqual(felix.followers, 8_420)
        XCTAssertEqual(felix.niches, ["hiking", "camping"])
        XCTAssertEqual(parsed.creators[2].address?.country, "GB", "'United Kingdom' is read as GB")
        XCTAssertEqual(parsed.creators[2].address?.region, "Greater Manchester")
    }

    func testAMapNamingAHeaderTheFileLacksSaysWhichAndListsTheColumns() throws {
        let map = try ColumnMap(bytes: Array(#"{"What is your Instagram?": "handle"}"#.utf8), fileName: "map.json", fields: CreatorsImport.columns)
        XCTAssertThrowsError(try CreatorsImport(bytes: Self.fixture("typeform-creator-applications.csv"), fileName: "apply.csv",
                                                workspace: Self.empty, codeTerms: Self.terms, map: map)) { error in
            XCTAssertTrue("\(error)".hasPrefix("map.json: 'What is your Instagram?' is not a column of apply.csv (columns: '#', 'What is your full name?',"),
                          "\(error)")
        }
        XCTAssertThrowsError(try ColumnMap(bytes: Array(#"{"City": "town"}"#.utf8), fileName: "map.json", fields: CreatorsImport.columns)) { error in
            XCTAssertTrue("\(error)".hasPrefix("map.json: 'town' (for 'City') is not a field; use one of handle, name, email,"), "\(error)")
        }
    }

    func testAProfileLinkIsReadAsItsHandleAndAHandleWithASpaceIsRefusedAtItsCell() throws {
        let csv = "handle,name\nhttps://www.instagram.com/lena.hikes/,Lena\nlena hikes,Lena B\n"
        let parsed = try CreatorsImport(bytes: Array(csv.utf8), fileName: "apply.csv", workspace: Self.empty, codeTerms: Self.terms)
        XCTAssertEqual(parsed.creators.map(\.handle), ["lena.hikes"])
        XCTAssertEqual(parsed.errors.map(\.description),
                       ["apply.csv, line 3, column 1 (handle): 'lena hikes' contains a space; a handle is one word, like ana.glow"])
    }

    func testAnAddressWithoutAPostalCodeIsRefusedAtItsCell() throws {
        let csv = "handle,address1,city,country\nnina.k,Main St 1,Vienna,AT\n"
        let parsed = try CreatorsImport(bytes: Array(csv.utf8), fileName: "crm.csv", workspace: Self.empty, codeTerms: Self.terms)
        XCTAssertEqual(parsed.errors.map(\.description), ["crm.csv, line 2: the address has no postal code (postal_code)"])
    }

    func testAKlaviyoProfileExportKeepsNamesConsentAndAddresses() throws {
        let parsed = try CustomersImport(bytes: Self.fixture("klaviyo-profiles.csv"), fileName: "klaviyo.csv", workspace: Self.empty)
        XCTAssertEqual(parsed.layout, .klaviyo)
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.creators.map(\.handle), ["nora.outdoors", "tom.trails", "lisa.vogel", ""], "Sam has no handle: a lead")
        XCTAssertEqual(parsed.creators.last?.email, "sam@example.com")
        XCTAssertEqual(parsed.leadsAdded, 1)
        XCTAssertEqual(parsed.withoutHandle, 0)
        let nora = parsed.creators[0]
        XCTAssertEqual(nora.name, "Nora Haugen")
        XCTAssertEqual(nora.customer?.acceptsMarketing, true, "SUBSCRIBED")
        XCTAssertEqual(nora.phone, "+47 912 34 567")
        XCTAssertEqual(nora.address, PostalAddress(line1: "Storgata 5", city: "Oslo", postalCode: "0155", country: "NO"))
        XCTAssertEqual(parsed.creators[1].customer?.acceptsMarketing, false, "UNSUBSCRIBED")
        XCTAssertEqual(parsed.creators[2].customer?.acceptsMarketing, false, "NEVER_SUBSCRIBED")
        XCTAssertEqual(parsed.creators[2].name, "Lisa Vogel")
    }

    func testOrdersKeepShopifysIdAndFairingAnswersMatchByIdOrNumber() throws {
        let workspace = try Self.brand()
        XCTAssertEqual(workspace.order("#1003")?.shopifyID, "5630145200003")
        let answers = Dictionary(grouping: workspace.surveyResponses, by: \.orderID)
        XCTAssertEqual(answers["#1003"]?.first?.response, "saw @priya.makes try the vest", "matched by order_id alone")
        XCTAssertEqual(answers["#1002"]?.first?.other, nil, "Fairing's other=true is a flag, not text")
        XCTAssertEqual(answers["1007"]?.count, 1, "an answer for an order not imported yet is kept as written")
        XCTAssertEqual(WorkspaceCheck.problems(in: workspace), [])
        let credits = Attribution.compute(workspace)
        XCTAssertEqual(credits.totals["CR-00003"]?.assistedOrders, 1, "@priya.makes by survey")
        XCTAssertEqual(credits.count(.ambiguous), 1, "'Felix Mueller on Instagram' names two Felix Muellers")
    }

    func testAnswersBeforeTheirOrdersAreKeptAndJoinWhenTheOrdersArrive() throws {
        var workspace = Self.empty
        let applications = try CreatorsImport(bytes: Self.fixture("typeform-creator-applications.csv"), fileName: "apply.csv",
                                              workspace: workspace, codeTerms: Self.terms, map: Self.applicationMap())
        try workspace.apply(applications.command!, context: Self.context)
        let survey = try SurveyImport(bytes: Self.fixture("fairing-responses.csv"), fileName: "fairing.csv", workspace: workspace)
        XCTAssertEqual(survey.unmatchedNote, "4 answers match no order yet (kept; they count once the order is imported)")
        try workspace.apply(.importSurveyResponses(survey.responses), context: Self.context)
        XCTAssertEqual(WorkspaceCheck.problems(in: workspace), [], "waiting answers never break chorus check")
        let orders = try ShopifyOrdersImport(bytes: Self.fixture("shopify-orders-with-id.csv"), fileName: "orders.csv", currency: .eur)
        try workspace.apply(.importOrders(orders.orders), context: Self.context)
        XCTAssertEqual(Attribution.compute(workspace).totals["CR-00003"]?.assistedOrders, 1, "the answer by Id joined order #1003")

        let again = try SurveyImport(bytes: Self.fixture("fairing-responses.csv"), fileName: "fairing.csv", workspace: workspace)
        XCTAssertEqual(again.unmatched, 1, "only #1007 is still missing")
        XCTAssertEqual(Set(again.responses.map(\.id)), Set(workspace.surveyResponses.map(\.id)), "re-importing updates the same answers")
    }

    func testAResolutionCreditsTheOrderAndItsWordsSettleTheNextAnswerAlone() throws {
        var workspace = try Self.brand()
        let queue = Attribution.ambiguousAnswers(of: Attribution.compute(workspace), in: workspace)
        XCTAssertEqual(queue.map(\.orderID), ["#1002"])
        XCTAssertEqual(queue[0].creators, ["CR-00001", "CR-00002"])
        XCTAssertEqual(queue[0].text, "Felix Mueller on Instagram")
        let applied = try workspace.apply(.resolveSurveyAnswer(order: "#1002", creator: "CR-00001", alias: queue[0].text), context: Self.context)
        XCTAssertEqual(applied.summary, "credited order #1002 to @felix.mueller; \"Felix Mueller on Instagram\" now names @felix.mueller")
        XCTAssertEqual(Attribution.compute(workspace).totals["CR-00001"]?.assistedNetRevenue, 8_900)

        // A later order answered in the same words goes to Felix without anyone resolving it.
        let later = """
            order_id,order_number,email,question,response,other
            5630145200009,1009,rae@example.com,How did you hear about us?,felix mueller on instagram,true

            """
        let order = Order(id: "#1009", email: "rae@example.com", financialStatus: "paid", createdAt: Timestamp("2026-11-26T10:00:00Z")!,
                          subtotal: Money(minorUnits: 2_400, currency: .eur), refunded: .zero(.eur), shopifyID: "5630145200009")
        try workspace.apply(.importOrders([order]), context: Self.context)
        let survey = try SurveyImport(bytes: Array(later.utf8), fileName: "fairing.csv", workspace: workspace)
        try workspace.apply(.importSurveyResponses(survey.responses), context: Self.context)
        let credits = Attribution.compute(workspace)
        XCTAssertEqual(credits.totals["CR-00001"]?.assistedOrders, 2)
        XCTAssertEqual(credits.count(.ambiguous), 0)

        try workspace.apply(applied.undo, context: Self.context)
        XCTAssertEqual(workspace.creator("CR-00001")?.aliases, [], "undo takes the alias back with the credit")
    }

    func testAnAliasAnotherCreatorHoldsIsRefused() throws {
        var workspace = try Self.brand()
        try workspace.apply(.resolveSurveyAnswer(order: "#1002", creator: "CR-00001", alias: "Felix Mueller on Instagram"), context: Self.context)
        var other = workspace.creator("CR-00002")!
        other.aliases = ["felix mueller ON instagram"]
        XCTAssertThrowsError(try workspace.apply(.updateCreator(other), context: Self.context)) {
            XCTAssertEqual("\($0)", "\"felix mueller ON instagram\" already names @felix.mueller")
        }
    }

    func testAGoogleFormsSignUpListIsReadAsACustomerListThroughAMap() throws {
        let csv = """
            Timestamp,Email address,Your name,Instagram username,Can we email you about our creator program?,Postcode,Street,Town,Country
            2026/11/02 9:14:02 AM GMT+1,nina@example.at,Nina Kofler,@nina.kocht,Yes,1010,Graben 1,Wien,Austria
            2026/11/02 9:20:40 AM GMT+1,olaf@example.de,Olaf Berg,olaf.bakes,No,,,,DE

            """
        let json = #"{"Email address": "email", "Your name": "name", "Instagram username": "instagram", "#
            + #""Can we email you about our creator program?": "accepts_marketing", "Postcode": "postal_code", "#
            + #""Street": "address1", "Town": "city", "Country": "country"}"#
        let map = try ColumnMap(bytes: Array(json.utf8),
                                fileName: "signups.map.json", fields: CustomerListLayout.crmColumns)
        let parsed = try CustomersImport(bytes: Array(csv.utf8), fileName: "signups.csv", workspace: Self.empty, map: map)
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.creators.map(\.handle), ["nina.kocht", "olaf.bakes"])
        XCTAssertEqual(parsed.creators[0].address, PostalAddress(line1: "Graben 1", city: "Wien", postalCode: "1010", country: "AT"))
        XCTAssertEqual(parsed.creators.map { $0.customer?.acceptsMarketing }, [true, false])
    }

    func testAPayoutGoesToThePayoutEmailAnApplicantGave() throws {
        let workspace = try Self.brand()
        let run = PayoutRun(number: 1, createdOn: Day("2026-12-01")!,
                            payments: [Payment(creatorID: "CR-00003", items: [PayoutItem(key: "fee W1", amount: 5_000)]),
                                       Payment(creatorID: "CR-00002", items: [PayoutItem(key: "fee W1", amount: 2_500)])])
        let lines = String(decoding: PayoutsCSV.write(run, workspace: workspace), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines[1], "priya.makes,Priya Shah,priya.payouts@shahmakes.co.uk,50.00,EUR,fee W1 50.00")
        XCTAssertEqual(lines[2], "felixmueller.trails,Felix Mueller,felix.m@posteo.de,25.00,EUR,fee W1 25.00", "no payout email: the email")
    }
}
