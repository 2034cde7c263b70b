import ChorusCore
import ChorusInterchange
import XCTest

/// A coordinator imports the CRM's creator list (again and again), hands out codes, and
/// exports them for the store.
final class CreatorsAndCodesImportTests: XCTestCase {
    private typealias F = AttributionFixture
    private let terms = DiscountTerms(kind: .percent, value: 1_000)

    private func importCreators(_ csv: String, into workspace: inout Workspace) throws -> (CreatorsImport, String) {
        let parsed = try CreatorsImport(bytes: Array(csv.utf8), fileName: "creators.csv", workspace: workspace, codeTerms: terms)
        let summary = try parsed.command.map { try workspace.apply($0, context: F.context).summary } ?? ""
        return (parsed, summary)
    }

    func testExistingCreatorsAreUpdatedByHandleAndNewOnesAdded() throws {
        var workspace = F.workspace
        let csv = """
            handle,name,email,platform,followers,engagement_rate,niches,country,source,discount_code,link_slug
            @Mila.Makes,,mila@new.example,tiktok,3100,5.2%,skincare; spf,DE,loyalty,,
            nora.reads,Nora Lind,nora@example.com,instagram,"12,400",0.031,books,SE,inbound,nora10,nora
            """
        let (parsed, summary) = try importCreators(csv, into: &workspace)
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(summary, "imported creators: 1 new, 1 updated, 0 unchanged; added 1 discount code")
        XCTAssertEqual(workspace.creators.count, 4)
        let mila = try XCTUnwrap(workspace.creator(F.mila))
        XCTAssertEqual(mila.name, "Mila Novak", "an empty cell keeps the value on file")
        XCTAssertEqual(mila.email, "mila@new.example")
        XCTAssertEqual(mila.profiles.map(\.platform), [.instagram, .tiktok])
        XCTAssertEqual(mila.engagementRate, 0.052, accuracy: 1e-9)
        XCTAssertEqual(mila.niches, ["skincare", "spf"])
        let nora = try XCTUnwrap(workspace.creator(handle: "nora.reads"))
        XCTAssertEqual(nora.id, "CR-00004")
        XCTAssertEqual(nora.followers, 12_400)
        XCTAssertEqual(nora.linkSlug, "nora")
        XCTAssertEqual(workspace.discountCode("NORA10")?.creatorID, nora.id)

        let (_, again) = try importCreators(csv, into: &workspace)
        XCTAssertEqual(again, "imported creators: 0 new, 0 updated, 2 unchanged", "re-importing changes nothing")
    }

    func testBadCellsAreReportedWithTheirColumn() throws {
        let workspace = F.workspace
        let csv = """
            handle,engagement_rate,country,source
            ,0.02,DE,crm
            ok.one,lots,DE,crm
            ok.two,0.02,UK,crm
            ok.three,0.02,DE,tv
            ok.one,0.02,DE,crm
            ok.four,0.02,Germany,crm
            """
        let parsed = try CreatorsImport(bytes: Array(csv.utf8), fileName: "creators.csv", workspace: workspace, codeTerms: terms)
        XCTAssertEqual(parsed.errors.map(\.description), [
            "creators.csv, line 2, column 1 (handle): the row has no handle",
            "creators.csv, line 3, column 2 (engagement_rate): 'lots' is not a rate like 4.5% or 0.045",
            "creators.csv, line 4, column 3 (country): 'UK' is not an ISO country code; use GB",
            "creators.csv, line 5, column 4 (source): 'tv' is not a source; use one of customerList, loyalty, crm, inbound, marketplace, referral",
            "creators.csv, line 6, column 1 (handle): @ok.one is already on line 3",
        ])
        XCTAssertEqual(parsed.creators.last?.country, "DE", "a country written out in English is read as its code")
    }

    func testACodeHeldByAnotherCreatorOrATakenSlugIsRefusedAtItsCell() throws {
        let workspace = F.workspace
        let code = try CreatorsImport(bytes: Array("handle,discount_code\nlea.lumiere,MILA15\n".utf8), fileName: "creators.csv",
                                      workspace: workspace, codeTerms: terms)
        XCTAssertEqual(code.errors.map(\.description), ["creators.csv, line 2, column 2 (discount_code): the code MILA15 already belongs to @mila.makes"])
        let slug = try CreatorsImport(bytes: Array("handle,link_slug\nlea.lumiere,zoe\n".utf8), fileName: "creators.csv",
                                      workspace: workspace, codeTerms: terms)
        XCTAssertEqual(slug.errors.map(\.description),
                       ["creators.csv, line 2, column 2 (link_slug): the link slug 'zoe' is already @zoe.muller's; give this creator another link_slug"])
        let twice = try CreatorsImport(bytes: Array("handle,discount_code\nnew.one,SPRING\nnew.two,spring\n".utf8), fileName: "creators.csv",
                                       workspace: workspace, codeTerms: terms)
        XCTAssertEqual(twice.errors.map(\.description), ["creators.csv, line 3, column 2 (discount_code): the code spring is already on line 2"])
        let spaced = try CreatorsImport(bytes: Array("handle,discount_code\nnew.one,SPRING 10\n".utf8), fileName: "creators.csv",
                                        workspace: workspace, codeTerms: terms)
        XCTAssertEqual(spaced.errors.map(\.description),
                       ["creators.csv, line 2, column 2 (discount_code): 'SPRING 10' is not a discount code (letters, digits, - and _ only)"])
    }

    func testSurveyAnswersFindTheirOrderWithOrWithoutTheHash() throws {
        let workspace = try F.imported()
        XCTAssertEqual(Set(workspace.surveyResponses.map(\.orderID)), ["#1008", "#1009", "#1010", "#1011", "#1013"])
        XCTAssertEqual(workspace.surveyResponses.map(\.id.rawValue).first, "SR-000001")
    }

    func testGeneratedCodesAreExportedForTheStore() throws {
        var workspace = F.workspace
        let creators = [workspace.creator(F.lea)!, workspace.creator(F.zoe)!]
        let pattern = try DiscountCodePattern("{handle}15")
        let codes = try pattern.codes(for: creators, terms: DiscountTerms(waveID: F.spring, kind: .percent, value: 1_500, usageLimit: 100,
                                                                          validFrom: Day("2026-03-01"), validUntil: Day("2026-04-30")),
                                      isTaken: { workspace.discountCode($0) != nil })
        try workspace.apply(.addDiscountCodes(codes), context: F.context)
        let csv = String(decoding: DiscountCodesCSV.write(workspace: workspace, wave: F.spring), as: UTF8.self)
        XCTAssertEqual(csv, """
            code,handle,wave,type,value,usage_limit,once_per_customer,starts_at,ends_at,tracking_link
            LEA10,lea.lumiere,spring-glow,percent,10,,true,,,https://lumen.example/shop?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glow&utm_content=lea.lumiere
            LEALUMIERE15,lea.lumiere,spring-glow,percent,15,100,true,2026-03-01,2026-04-30,https://lumen.example/shop?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glow&utm_content=lea.lumiere
            MILA15,mila.makes,spring-glow,percent,15,,true,,,https://lumen.example/shop?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glow&utm_content=mila.makes
            ZOEMULLER15,zoe.muller,spring-glow,percent,15,100,true,2026-03-01,2026-04-30,https://lumen.example/shop?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glow&utm_content=zoe

            """)
    }
}
