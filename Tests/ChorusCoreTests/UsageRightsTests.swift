import XCTest
@testable import ChorusCore

final class UsageRightsTests: XCTestCase {
    private let today = ProgramFixture.today

    private func rights(ending end: Day, uses: [RightsUse] = [.organicRepost, .paidSocial],
                        territory: Territory = .countries(["DE", "FR"])) -> UsageRights {
        UsageRights(uses: uses, territory: territory, start: Day("2026-01-01")!, end: end)
    }

    func testStatusAroundTheExpiryWarning() {
        let warning = 14
        XCTAssertEqual(rights(ending: today).status(on: today, warningDays: warning), .expiring, "ends today: the last day still holds")
        XCTAssertEqual(rights(ending: today.adding(days: 1)).status(on: today, warningDays: warning), .expiring)
        XCTAssertEqual(rights(ending: today.adding(days: 14)).status(on: today, warningDays: warning), .expiring,
                       "ending within 14 days is expiring")
        XCTAssertEqual(rights(ending: today.adding(days: 15)).status(on: today, warningDays: warning), .active)
        XCTAssertEqual(rights(ending: today.adding(days: -1)).status(on: today, warningDays: warning), .expired)
        let future = UsageRights(uses: [.website], territory: .worldwide, start: today.adding(days: 1), end: today.adding(days: 60))
        XCTAssertEqual(future.status(on: today, warningDays: warning), .notYetActive)
        XCTAssertEqual(future.status(on: today.adding(days: 1), warningDays: warning), .active)
    }

    func testPermitsTheLicensedUseInTheTerritoryOnTheDay() {
        let licence = rights(ending: Day("2026-06-30")!)
        XCTAssertTrue(licence.permits(.paidSocial, in: "DE", on: today))
        XCTAssertTrue(licence.permits(.paidSocial, in: "fr", on: today), "country codes ignore case")
        XCTAssertFalse(licence.permits(.paidSocial, in: "US", on: today), "outside the territory")
        XCTAssertFalse(licence.permits(.paidSocial, in: nil, on: today), "unknown country with a country list")
        XCTAssertFalse(licence.permits(.outOfHome, in: "DE", on: today), "use not licensed")
        XCTAssertTrue(licence.permits(.organicRepost, in: "DE", on: Day("2026-06-30")!), "the end day is included")
        XCTAssertFalse(licence.permits(.organicRepost, in: "DE", on: Day("2026-07-01")!))
        XCTAssertFalse(licence.permits(.organicRepost, in: "DE", on: Day("2025-12-31")!), "before the start")

        let worldwide = rights(ending: Day("2026-06-30")!, territory: .worldwide)
        XCTAssertTrue(worldwide.permits(.organicRepost, in: nil, on: today))
        XCTAssertTrue(worldwide.permits(.organicRepost, in: "BR", on: today))

        let lowerCaseTemplate = rights(ending: Day("2026-06-30")!, territory: .countries(["de"]))
        XCTAssertTrue(lowerCaseTemplate.permits(.organicRepost, in: "DE", on: today), "stored codes are compared without case too")
    }

    func testPartnershipAdsHaveTheirOwnEnd() {
        var licence = rights(ending: Day("2026-12-31")!, uses: [.whitelisting, .organicRepost])
        licence.whitelistingAdCode = "IGAD-123"
        licence.whitelistingEnd = Day("2026-04-30")
        XCTAssertTrue(licence.permits(.whitelisting, in: "DE", on: Day("2026-04-30")!))
        XCTAssertFalse(licence.permits(.whitelisting, in: "DE", on: Day("2026-05-01")!))
        XCTAssertTrue(licence.permits(.organicRepost, in: "DE", on: Day("2026-05-01")!), "other uses keep the main end")
        XCTAssertEqual(licence.validationProblems, [])
    }

    func testValidationProblems() {
        let backwards = UsageRights(uses: [.website], territory: .worldwide, start: today, end: today.adding(days: -1))
        XCTAssertEqual(backwards.validationProblems, ["rights end 2026-03-11 is before they start 2026-03-12"])
        XCTAssertEqual(UsageRights(uses: [], territory: .countries(["DE", "XX"]), start: today, end: today).validationProblems,
                       ["no use is licensed", "'XX' is not a known country code"])
        XCTAssertEqual(UsageRights(uses: [.email], territory: .countries([]), start: today, end: today).validationProblems,
                       ["territory lists no country"])
        XCTAssertEqual(UsageRights(uses: [.whitelisting], territory: .worldwide, start: today, end: today).validationProblems,
                       ["partnership ads need the platform's ad code", "partnership ads need their own end date"])
    }

    func testTerritoryEncodesAsWorldwideOrAListOfCodes() throws {
        let encoder = JSONEncoder()
        XCTAssertEqual(String(decoding: try encoder.encode([Territory.worldwide]), as: UTF8.self), "[\"worldwide\"]")
        XCTAssertEqual(String(decoding: try encoder.encode([Territory.countries(["DE", "FR"])]), as: UTF8.self), "[[\"DE\",\"FR\"]]")
        for territory in [Territory.worldwide, .countries(["DE"]), .countries([])] {
            XCTAssertEqual(try JSONDecoder().decode(Territory.self, from: encoder.encode(territory)), territory)
        }
    }
}
