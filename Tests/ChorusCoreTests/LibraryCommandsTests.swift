import XCTest
@testable import ChorusCore

/// The UGC library: usage rights, tags and metrics per asset.
final class LibraryCommandsTests: XCTestCase {
    private var workspace = ProgramFixture.workspace
    private let asset = ProgramFixture.approvedAsset
    private let today = ProgramFixture.today

    private func rights(_ territory: Territory = .countries(["de", "at"]), start: Day? = nil, end: Day? = nil,
                        uses: [RightsUse] = [.paidSocial]) -> UsageRights {
        UsageRights(uses: uses, territory: territory, start: start ?? today, end: end ?? today.adding(days: 365))
    }

    func testSettingRightsNormalisesCountryCodes() throws {
        let applied = try workspace.run(.setUsageRights(asset: asset, rights: rights()))
        XCTAssertEqual(applied.summary, "set the rights of AS-0001 until 2027-03-12")
        XCTAssertEqual(workspace.asset(asset)?.rights?.territory, .countries(["DE", "AT"]))
    }

    func testClearingRights() throws {
        XCTAssertEqual(try workspace.run(.setUsageRights(asset: asset, rights: nil)).summary, "cleared the rights of AS-0001")
        XCTAssertNil(workspace.asset(asset)?.rights)
    }

    func testRightsEndingBeforeTheyStartAreRefused() {
        assertRefused(.setUsageRights(asset: asset, rights: rights(start: today, end: today.adding(days: -30))), on: workspace,
                      saying: "rights for AS-0001 not saved: rights end 2026-02-10 is before they start 2026-03-12")
    }

    func testAnUnknownCountryIsRefused() {
        assertRefused(.setUsageRights(asset: asset, rights: rights(.countries(["DE", "EU"]))), on: workspace,
                      saying: "'EU' is not a known country code")
    }

    func testPartnershipAdsNeedAnAdCodeAndAnEnd() throws {
        var whitelisting = rights(uses: [.whitelisting])
        assertRefused(.setUsageRights(asset: asset, rights: whitelisting), on: workspace,
                      saying: "partnership ads need the platform's ad code; partnership ads need their own end date")
        whitelisting.whitelistingAdCode = "IGAD-5521"
        assertRefused(.setUsageRights(asset: asset, rights: whitelisting), on: workspace, saying: "partnership ads need their own end date")
        whitelisting.whitelistingEnd = today.adding(days: 60)
        try workspace.run(.setUsageRights(asset: asset, rights: whitelisting))
        XCTAssertEqual(workspace.asset(asset)?.rights?.whitelistingAdCode, "IGAD-5521")
    }

    func testRightsForAMissingAssetAreRefused() {
        assertRefused(.setUsageRights(asset: "AS-0099", rights: rights()), on: workspace, saying: "asset AS-0099 does not exist")
    }

    func testTaggingAddsAndRemoves() throws {
        XCTAssertEqual(try workspace.run(.tagAssets([asset], add: ["  Hero ", "skincare", "hero"], remove: ["MORNING"])).summary,
                       "tagged 1 asset")
        XCTAssertEqual(workspace.asset(asset)?.tags, ["skincare", "hero"], "tags are trimmed, lower-cased and not repeated")
        try workspace.run(.tagAssets([asset], add: [], remove: ["hero"]))
        XCTAssertEqual(workspace.asset(asset)?.tags, ["skincare"])
    }

    func testTaggingRefusals() {
        assertRefused(.tagAssets([asset], add: [" "], remove: []), on: workspace, saying: "no tag to add or remove")
        assertRefused(.tagAssets([], add: ["x"], remove: []), on: workspace, saying: "no assets given")
        assertRefused(.tagAssets([asset, "AS-0099"], add: ["x"], remove: []), on: workspace, saying: "asset AS-0099 does not exist")
    }

    func testRecordingMetrics() throws {
        let metrics = AssetMetrics(views: 12_000, likes: 900, comments: 45, shares: 30, saves: 225, clicks: 310, measuredOn: today)
        XCTAssertEqual(try workspace.run(.recordMetrics(asset: asset, metrics: metrics)).summary, "updated the metrics of AS-0001")
        XCTAssertEqual(workspace.asset(asset)?.metrics, metrics)
        XCTAssertEqual(metrics.engagementRate, 0.1, accuracy: 1e-9)
        XCTAssertEqual(AssetMetrics().engagementRate, 0, "nothing viewed")
        assertRefused(.recordMetrics(asset: asset, metrics: AssetMetrics(views: -1)), on: workspace,
                      saying: "metrics for AS-0001 cannot be negative")
    }

    func testUndoingARightsEditPutsTheOldLicenceBack() throws {
        let before = workspace.asset(asset)?.rights
        var extended = try XCTUnwrap(before)
        extended.end = extended.end.adding(days: 90)
        let applied = try workspace.run(.setUsageRights(asset: asset, rights: extended))
        XCTAssertEqual(workspace.asset(asset)?.rights?.end, Day("2026-09-03"))
        let undone = try workspace.run(applied.undo)
        XCTAssertEqual(workspace.asset(asset)?.rights, before, "the licence is exactly as it was")
        try workspace.run(undone.undo)
        XCTAssertEqual(workspace.asset(asset)?.rights?.end, Day("2026-09-03"), "and redo brings the extension back")
    }

    func testImportingMetricsIsAllOrNothing() throws {
        let reading = MetricsReading(asset: asset, metrics: AssetMetrics(views: 5_000, likes: 400, clicks: 90, measuredOn: today))
        XCTAssertEqual(try workspace.run(.importMetrics([reading])).summary, "updated the metrics of 1 asset")
        XCTAssertEqual(workspace.asset(asset)?.metrics.views, 5_000)

        let later = MetricsReading(asset: asset, metrics: AssetMetrics(views: 9_000, measuredOn: today.adding(days: 1)))
        assertRefused(.importMetrics([later, MetricsReading(asset: "AS-0099", metrics: AssetMetrics())]), on: workspace,
                      saying: "asset AS-0099 does not exist")
        assertRefused(.importMetrics([later, later]), on: workspace, saying: "AS-0001 has more than one reading")
        assertRefused(.importMetrics([]), on: workspace, saying: "no metrics given")
        XCTAssertEqual(workspace.asset(asset)?.metrics.views, 5_000, "a refused file changed nothing")
    }
}
