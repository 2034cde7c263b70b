import XCTest
@testable import ChorusCore

final class ProgramAndCreatorCommandsTests: XCTestCase {
    private let fixture = ProgramFixture()
    private var workspace = ProgramFixture.workspace

    private func autumnWave(id: WaveID = "W3", slug: String = "autumn-glow") -> Wave {
        Wave(id: id, name: "Autumn Glow", slug: slug, status: .planning, startDate: Day("2026-09-01"), endDate: Day("2026-10-31"),
             budget: eur("3000"), brief: Brief(products: [BriefProduct(sku: ProgramFixture.cream, quantity: 2)]),
             incentivePlan: IncentivePlan(gifting: true, storeCredit: eur("25")))
    }

    // MARK: Program

    func testUpdatingProgramSettings() throws {
        var program = workspace.program
        program.settings.rightsExpiryWarningDays = 21
        program.landingURL = "https://lumen.example/creators"
        let applied = try workspace.run(.updateProgram(program))
        XCTAssertEqual(applied.summary, "updated program settings")
        XCTAssertEqual(workspace.program.settings.rightsExpiryWarningDays, 21)
        XCTAssertEqual(workspace.program.landingURL, "https://lumen.example/creators")
    }

    func testProgramNeedsAName() {
        var program = workspace.program
        program.name = "   "
        assertRefused(.updateProgram(program), on: workspace, saying: "a program name is required")
    }

    func testCurrencyIsFixedOnceSKUsOrOrdersExist() throws {
        var program = workspace.program
        program.currency = .usd
        assertRefused(.updateProgram(program), on: workspace,
                      saying: "the program currency cannot change from EUR once SKUs or orders exist")

        var empty = Workspace(program: workspace.program)
        try empty.run(.updateProgram(program))
        XCTAssertEqual(empty.program.currency, .usd, "a fresh program may still pick its currency")
    }

    // MARK: Waves

    func testCreatingAWave() throws {
        let applied = try workspace.run(.createWave(autumnWave()))
        XCTAssertEqual(applied.summary, "created wave Autumn Glow")
        XCTAssertEqual(workspace.wave("W3")?.slug, "autumn-glow")
        XCTAssertEqual(workspace.waves.map(\.id), ["W1", "W2", "W3"])
    }

    func testWaveRefusals() {
        var wave = autumnWave(id: ProgramFixture.spring)
        assertRefused(.createWave(wave), on: workspace, saying: "wave W1 already exists")

        wave = autumnWave()
        wave.name = ""
        assertRefused(.createWave(wave), on: workspace, saying: "a wave name is required")

        wave = autumnWave()
        wave.endDate = Day("2026-08-31")
        assertRefused(.createWave(wave), on: workspace, saying: "wave Autumn Glow ends 2026-08-31, before it starts 2026-09-01")

        wave = autumnWave()
        wave.budget = Money(minorUnits: 300_000, currency: .usd)
        assertRefused(.createWave(wave), on: workspace, saying: "has a budget in USD; the program uses EUR")

        wave = autumnWave()
        wave.budget = eur("-1")
        assertRefused(.createWave(wave), on: workspace, saying: "wave Autumn Glow has a negative budget")

        wave = autumnWave()
        wave.brief.products.append(BriefProduct(sku: "SKU-NOPE", quantity: 1))
        assertRefused(.createWave(wave), on: workspace, saying: "SKU SKU-NOPE does not exist")

        wave = autumnWave()
        wave.brief.products = [BriefProduct(sku: ProgramFixture.serum, quantity: 0)]
        assertRefused(.createWave(wave), on: workspace, saying: "seeds 0 of SKU-SERUM; quantities must be at least 1")

        wave = autumnWave()
        wave.incentivePlan.commissionBasisPoints = 10_001
        assertRefused(.createWave(wave), on: workspace, saying: "commission of 10001 basis points; it must be 0 to 10000")

        wave = autumnWave()
        wave.incentivePlan.flatFee = Money(minorUnits: 10_000, currency: .usd)
        assertRefused(.createWave(wave), on: workspace, saying: "wave Autumn Glow has an incentive of 100.00 USD; the program uses EUR")

        wave = autumnWave()
        wave.incentivePlan.bonusTiers = [BonusTier(metric: .directRevenue, threshold: 100_000, bonus: eur("-20"))]
        assertRefused(.createWave(wave), on: workspace, saying: "wave Autumn Glow has a negative incentive of -20.00 EUR")

        assertRefused(.createWave(autumnWave(slug: "Spring-Glow")), on: workspace, saying: "another wave already uses the slug 'Spring-Glow'")
    }

    func testUpdatingAWave() throws {
        var summer = workspace.wave(ProgramFixture.summer)!
        summer.status = .live
        summer.budget = eur("9500")
        let applied = try workspace.run(.updateWave(summer))
        XCTAssertEqual(applied.summary, "updated wave Summer Scale")
        XCTAssertEqual(workspace.wave(ProgramFixture.summer)?.status, .live)
        XCTAssertEqual(workspace.wave(ProgramFixture.summer)?.budget, eur("9500"))
    }

    func testUpdatingAWaveKeepsItsOwnSlugButNotAnother() {
        var summer = workspace.wave(ProgramFixture.summer)!
        XCTAssertNoThrow(try workspace.run(.updateWave(summer)), "a wave does not clash with itself")
        summer.slug = "spring-glow"
        assertRefused(.updateWave(summer), on: workspace, saying: "another wave already uses the slug 'spring-glow'")
        assertRefused(.updateWave(autumnWave()), on: workspace, saying: "wave W3 does not exist")
    }

    // MARK: Creators

    private func newCreator(_ id: CreatorID, _ handle: String, name: String = "Yuki Tanaka", country: String? = "JP") -> Creator {
        Creator(id: id, handle: handle, name: name, country: country,
                profiles: [SocialProfile(platform: .instagram, handle: handle, followers: 15_000)], engagementRate: 0.05,
                sources: [.referral])
    }

    func testAddingCreatorsFromAList() throws {
        let applied = try workspace.run(.addCreators([newCreator("CR-0005", "yuki.t", name: "田中 ゆき"), newCreator("CR-0006", "@Ola.N", name: "Ola Nordmann", country: "no")]))
        XCTAssertEqual(applied.summary, "added 2 creators")
        XCTAssertEqual(workspace.creator(handle: "YUKI.T")?.name, "田中 ゆき")
        XCTAssertEqual(workspace.creator(handle: "ola.n")?.id, "CR-0006", "found without the @ and in any case")
        XCTAssertEqual(workspace.creators.map(\.id).suffix(2), ["CR-0005", "CR-0006"])
    }

    func testDuplicateHandlesAreRefusedIgnoringCaseAndAt() {
        assertRefused(.addCreators([newCreator("CR-0005", "@Mila.Makes")]), on: workspace,
                      saying: "a creator with the handle @mila.makes already exists")
        assertRefused(.addCreators([newCreator("CR-0005", " SAKURA_HIBI ")]), on: workspace,
                      saying: "a creator with the handle @sakura_hibi already exists")
    }

    func testABatchIsRefusedWholeWhenItsSecondCreatorClashes() {
        assertRefused(.addCreators([newCreator("CR-0005", "yuki.t"), newCreator("CR-0006", "@YUKI.T")]), on: workspace,
                      saying: "a creator with the handle @yuki.t already exists")
        assertRefused(.addCreators([newCreator("CR-0005", "yuki.t"), newCreator("CR-0005", "ola")]), on: workspace,
                      saying: "creator id CR-0005 is already in use")
        assertRefused(.addCreators([newCreator("CR-0005", "yuki.t"), newCreator("CR-0001", "ola")]), on: workspace,
                      saying: "creator id CR-0001 is already in use")
    }

    func testCreatorValidation() {
        assertRefused(.addCreators([]), on: workspace, saying: "no creators given")
        assertRefused(.addCreators([newCreator("CR-0005", "@")]), on: workspace, saying: "creator CR-0005 has no handle")
        assertRefused(.addCreators([newCreator("CR-0005", "yuki t")]), on: workspace, saying: "handle 'yuki t' contains a space")
        assertRefused(.addCreators([newCreator("CR-0005", "yuki", country: "Japan")]), on: workspace,
                      saying: "@yuki has the country 'Japan', which is not an ISO country code")
        var creator = newCreator("CR-0005", "yuki")
        creator.engagementRate = 4.5
        assertRefused(.addCreators([creator]), on: workspace, saying: "@yuki has an engagement rate of 4.5; it must be between 0 and 1")
        creator.engagementRate = .nan
        assertRefused(.addCreators([creator]), on: workspace, saying: "it must be between 0 and 1")
        creator = newCreator("CR-0005", "yuki")
        creator.profiles[0].followers = -1
        assertRefused(.addCreators([creator]), on: workspace, saying: "@yuki has a negative follower count")
    }

    func testUpdatingACreatorMovesTheHandleLookup() throws {
        var mila = workspace.creator(ProgramFixture.mila)!
        mila.handle = "mila.glows"
        mila.note = "moved to Munich"
        let applied = try workspace.run(.updateCreator(mila))
        XCTAssertEqual(applied.summary, "updated @mila.glows")
        XCTAssertEqual(workspace.creator(handle: "@mila.glows")?.id, ProgramFixture.mila)
        XCTAssertNil(workspace.creator(handle: "mila.makes"), "the old handle is free again")
        XCTAssertNoThrow(try workspace.run(.addCreators([newCreator("CR-0005", "mila.makes")])))
    }

    func testUpdatingACreatorRefusesAnotherCreatorsHandle() {
        var mila = workspace.creator(ProgramFixture.mila)!
        mila.handle = "@Sakura_Hibi"
        assertRefused(.updateCreator(mila), on: workspace, saying: "the handle @sakura_hibi belongs to 佐藤さくら (CR-0002)")
        assertRefused(.updateCreator(newCreator("CR-0099", "ghost")), on: workspace, saying: "creator CR-0099 does not exist")
        mila = workspace.creator(ProgramFixture.mila)!
        mila.handle = "MILA.MAKES"
        XCTAssertNoThrow(try workspace.run(.updateCreator(mila)), "changing the case of one's own handle is fine")
    }
}
