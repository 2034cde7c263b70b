import XCTest
@testable import ChorusCore

final class TierAndCarrierTests: XCTestCase {
    func testTierBoundaries() {
        XCTAssertEqual(Tier(followers: 0), .nano)
        XCTAssertEqual(Tier(followers: 9_999), .nano)
        XCTAssertEqual(Tier(followers: 10_000), .micro)
        XCTAssertEqual(Tier(followers: 99_999), .micro)
        XCTAssertEqual(Tier(followers: 100_000), .macro)
        XCTAssertEqual(Tier(followers: 999_999), .macro)
        XCTAssertEqual(Tier(followers: 1_000_000), .mega)
        XCTAssertLessThan(Tier.nano, Tier.micro)
        XCTAssertLessThan(Tier.macro, Tier.mega)
    }

    func testCreatorTierFollowsTheBiggestPlatformNotTheSum() {
        let workspace = ProgramFixture.workspace
        let mila = workspace.creator(ProgramFixture.mila)!
        XCTAssertEqual(mila.followers, 8_400, "Instagram 8 400 and TikTok 3 100 overlap; they are not added")
        XCTAssertEqual(mila.tier, .nano)
        XCTAssertEqual(mila.primaryPlatform, .instagram)
        XCTAssertEqual(workspace.creator(ProgramFixture.sakura)?.tier, .micro)
        XCTAssertEqual(workspace.creator(ProgramFixture.jonas)?.tier, .macro)
        XCTAssertEqual(Creator(id: "CR-9", handle: "new", name: "New").tier, .nano, "no profile yet")
    }

    func testHandlesCompareWithoutCaseOrAt() {
        XCTAssertEqual(Creator.normalizedHandle("  @Mila.Makes "), "mila.makes")
        let workspace = ProgramFixture.workspace
        XCTAssertEqual(workspace.creator(handle: "@SAKURA_HIBI")?.name, "佐藤さくら")
        XCTAssertNil(workspace.creator(handle: "sakura"))
    }

    func testUPS() {
        XCTAssertTrue(Carrier.ups.accepts(trackingNumber: "1Z999AA10123456784"))
        XCTAssertFalse(Carrier.ups.accepts(trackingNumber: "1Z999AA1012345678"), "17 characters")
        XCTAssertFalse(Carrier.ups.accepts(trackingNumber: "2Z999AA10123456784"), "must start 1Z")
        XCTAssertFalse(Carrier.ups.accepts(trackingNumber: "1z999aa10123456784"), "scanners type upper case")
    }

    func testUSPS() {
        XCTAssertTrue(Carrier.usps.accepts(trackingNumber: "9400111899223197428490"), "22 digits")
        XCTAssertTrue(Carrier.usps.accepts(trackingNumber: "94001118992231974284"), "20 digits")
        XCTAssertTrue(Carrier.usps.accepts(trackingNumber: "92055901755477000000000000"), "26 digits")
        XCTAssertTrue(Carrier.usps.accepts(trackingNumber: "EA123456789US"), "international")
        XCTAssertFalse(Carrier.usps.accepts(trackingNumber: "940011189922319742849"), "21 digits")
        XCTAssertFalse(Carrier.usps.accepts(trackingNumber: "EA123456789GB"))
    }

    func testFedEx() {
        XCTAssertTrue(Carrier.fedex.accepts(trackingNumber: "123456789012"))
        XCTAssertTrue(Carrier.fedex.accepts(trackingNumber: "123456789012345"))
        XCTAssertFalse(Carrier.fedex.accepts(trackingNumber: "1234567890123"), "13 digits")
        XCTAssertFalse(Carrier.fedex.accepts(trackingNumber: "12345678901A"))
    }

    func testDHL() {
        XCTAssertTrue(Carrier.dhl.accepts(trackingNumber: "1234567890"))
        XCTAssertTrue(Carrier.dhl.accepts(trackingNumber: "12345678901"))
        XCTAssertTrue(Carrier.dhl.accepts(trackingNumber: ProgramFixture.sakuraDHLNumber))
        XCTAssertTrue(Carrier.dhl.accepts(trackingNumber: "GM2951173225174494"))
        XCTAssertFalse(Carrier.dhl.accepts(trackingNumber: "123456789012"), "12 digits")
        XCTAssertFalse(Carrier.dhl.accepts(trackingNumber: "JD0146000"), "too short")
        XCTAssertFalse(Carrier.dhl.accepts(trackingNumber: "XX014600003828427051"))
    }

    func testRoyalMail() {
        XCTAssertTrue(Carrier.royalMail.accepts(trackingNumber: "AB123456789GB"))
        XCTAssertFalse(Carrier.royalMail.accepts(trackingNumber: "AB123456789US"))
        XCTAssertFalse(Carrier.royalMail.accepts(trackingNumber: "AB12345678GB"), "12 characters")
    }

    func testOtherCarriersTakeAnyNumberWithoutSpaces() {
        XCTAssertTrue(Carrier.other.accepts(trackingNumber: "GLS-0042-77"))
        XCTAssertFalse(Carrier.other.accepts(trackingNumber: ""))
        XCTAssertFalse(Carrier.other.accepts(trackingNumber: "GLS 0042"))
    }

    func testNoCarrierAcceptsAnEmptyNumber() {
        for carrier in Carrier.allCases {
            XCTAssertFalse(carrier.accepts(trackingNumber: ""), carrier.label)
        }
    }
}
