import Foundation
import XCTest
@testable import ChorusCore

/// The paid team's question, "may we run this for paid social in DE today?", over the
/// three things that decide it: the use, the territory and the date.
final class UsableForTests: XCTestCase {
    private let today = ProgramFixture.today

    private func asset(_ id: String, _ rights: UsageRights?) -> Asset {
        Asset(id: AssetID(id), submissionID: nil, creatorID: "CR-0001", waveID: "W1", platform: .instagram, kind: .video,
              caption: "", rights: rights)
    }

    private func rights(_ uses: [RightsUse], _ territory: Territory, from start: Int = -30, to end: Int = 60) -> UsageRights {
        UsageRights(uses: uses, territory: territory, start: today.adding(days: start), end: today.adding(days: end))
    }

    func testUseTimesTerritoryTimesDate() {
        let paidInDACH = asset("AS-1", rights([.paidSocial, .organicRepost], .countries(["DE", "AT", "CH"])))
        let paidWorldwide = asset("AS-2", rights([.paidSocial], .worldwide))
        let organicOnly = asset("AS-3", rights([.organicRepost], .worldwide))
        let paidInDE = UsableFor(.paidSocial, in: "de")

        XCTAssertTrue(paidInDE.admits(paidInDACH, on: today))
        XCTAssertTrue(paidInDE.admits(paidWorldwide, on: today), "worldwide covers every country")
        XCTAssertEqual(paidInDE.exclusion(of: organicOnly, on: today), .useNotLicensed)
        XCTAssertEqual(UsableFor(.paidSocial, in: "US").exclusion(of: paidInDACH, on: today), .outsideTerritory)
        XCTAssertTrue(UsableFor(.paidSocial, in: "US").admits(paidWorldwide, on: today))
        XCTAssertEqual(UsableFor(.paidSocial).exclusion(of: paidInDACH, on: today), .outsideTerritory,
                       "without a country only a worldwide licence will do")

        // The same asset on other days: the last day still counts, the day after does not.
        XCTAssertTrue(paidInDE.admits(paidInDACH, on: today.adding(days: 60)))
        XCTAssertEqual(paidInDE.exclusion(of: paidInDACH, on: today.adding(days: 61)), .expired)
        XCTAssertTrue(paidInDE.admits(paidInDACH, on: today.adding(days: -30)), "the first day counts")
        XCTAssertEqual(paidInDE.exclusion(of: paidInDACH, on: today.adding(days: -31)), .notYetActive)
        XCTAssertEqual(paidInDE.exclusion(of: asset("AS-4", nil), on: today), .noRights)
    }

    func testPartnershipAdsEndOnTheirOwnDate() {
        var licence = rights([.whitelisting, .paidSocial], .worldwide, to: 90)
        licence.whitelistingAdCode = "IGAD-1"
        licence.whitelistingEnd = today.adding(days: 10)
        let whitelisted = asset("AS-1", licence)
        XCTAssertTrue(UsableFor(.whitelisting, in: "DE").admits(whitelisted, on: today.adding(days: 10)))
        XCTAssertEqual(UsableFor(.whitelisting, in: "DE").exclusion(of: whitelisted, on: today.adding(days: 11)), .partnershipAdsEnded)
        XCTAssertTrue(UsableFor(.paidSocial, in: "DE").admits(whitelisted, on: today.adding(days: 11)))
    }

    func testASelectionCountsWhatItLeftOutAndWhy() {
        let assets = [
            asset("AS-1", rights([.paidSocial], .worldwide)),
            asset("AS-2", rights([.paidSocial], .countries(["FR"]))),
            asset("AS-3", rights([.paidSocial], .worldwide, from: -90, to: -1)),
            asset("AS-4", rights([.paidSocial], .worldwide, from: -90, to: -2)),
            asset("AS-5", rights([.website], .worldwide)),
            asset("AS-6", nil),
            asset("AS-7", rights([.paidSocial], .countries(["DE"]))),
        ]
        let question = UsableFor(.paidSocial, in: "DE")
        let selection = question.select(assets, on: today)
        XCTAssertEqual(selection.usable.map(\.id), ["AS-1", "AS-7"], "in the order given")
        XCTAssertEqual(selection.leftOut, [.outsideTerritory: 1, .expired: 2, .useNotLicensed: 1, .noRights: 1])
        XCTAssertEqual(selection.leftOutCount, 5)
        XCTAssertEqual(question.summary(of: selection),
                       "left out 5 assets: 2 with expired rights, 1 without usage rights, 1 not licensed for paid social, 1 not licensed in DE")
        XCTAssertEqual(question.summary(of: question.select(Array(assets.prefix(1)), on: today)), "left out none")
    }

    func testTheQuestionReadsAsPeopleTypeIt() throws {
        XCTAssertEqual(try UsableFor.parse("paid-social DE").get(), UsableFor(.paidSocial, in: "DE"))
        XCTAssertEqual(try UsableFor.parse("paid social in de").get(), UsableFor(.paidSocial, in: "DE"))
        XCTAssertEqual(try UsableFor.parse("website").get(), UsableFor(.website))
        XCTAssertEqual(try UsableFor.parse("ooh worldwide").get(), UsableFor(.outOfHome))
        XCTAssertEqual(try UsableFor.parse("partnership-ads US").get(), UsableFor(.whitelisting, in: "US"))
        XCTAssertThrowsError(try UsableFor.parse("paid-social XX").get()) { XCTAssertEqual("\($0)", "'XX' is not a known country code") }
        XCTAssertThrowsError(try UsableFor.parse("billboards DE").get()) {
            XCTAssertEqual("\($0)", "'billboards' is not a use; use one of organic-repost, paid-social, partnership-ads, website, email, out-of-home")
        }
        XCTAssertEqual(UsableFor(.paidSocial, in: "DE").label, "paid social in DE")
    }

    func testAnAssetWithoutRightsHasStatusNone() {
        XCTAssertEqual(asset("AS-1", nil).rightsStatus(on: today, warningDays: 14), .none)
        XCTAssertEqual(asset("AS-2", rights([.email], .worldwide, to: 14)).rightsStatus(on: today, warningDays: 14), .expiring)
        XCTAssertEqual(asset("AS-2", rights([.email], .worldwide, to: 15)).rightsStatus(on: today, warningDays: 14), .active)
    }

    /// Rights dates are calendar days: the process's time zone never moves an end date or the
    /// status judged on it, even in the zones furthest ahead of and behind UTC.
    func testATimeZoneDoesNotShiftARightsDate() throws {
        let original = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let original { setenv("TZ", original, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let json = Data(#"{"uses":["paidSocial"],"territory":"worldwide","start":"2026-03-01","end":"2026-03-12","exclusive":false}"#.utf8)
        for zone in ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "America/St_Johns"] {
            setenv("TZ", zone, 1)
            tzset()
            let rights = try JSONDecoder().decode(UsageRights.self, from: json)
            XCTAssertEqual(rights.end.description, "2026-03-12", zone)
            XCTAssertEqual(rights.status(on: today, warningDays: 14), .expiring, "ends today, in \(zone)")
            XCTAssertEqual(rights.status(on: today.adding(days: 1), warningDays: 14), .expired, zone)
            let encoded = String(decoding: try JSONEncoder().encode(rights), as: UTF8.self)
            XCTAssertTrue(encoded.contains(#""end":"2026-03-12""#), "\(zone): \(encoded)")
        }
    }
}
