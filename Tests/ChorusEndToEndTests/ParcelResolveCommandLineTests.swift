import Foundation
import XCTest

/// The warehouse fixes parcels with exceptions from a script: a lost parcel goes out again with a
/// new tracking number, an address problem goes back to the queue with the corrected address,
/// and a request that cannot be carried out says why and changes nothing.
final class ParcelResolveCommandLineTests: XCTestCase {
    func testExceptionsAreResolvedAndSentAgain() throws {
        let workspace = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        let w = ["--workspace", workspace.path]

        let undecided = try ChorusProcess.run(["parcel", "resolve", "SH-0004"] + w)
        XCTAssertEqual(undecided.status, 1)
        XCTAssertTrue(undecided.stderr.contains("say what happens next: --repack (back to the queue) or --reship"), undecided.stderr)
        let sameNumber = try ChorusProcess.run(["parcel", "resolve", "SH-0004", "--reship", "--carrier", "DHL",
                                                "--tracking", "JD0146911500000004"] + w)
        XCTAssertEqual(sameNumber.status, 1)
        XCTAssertTrue(sameNumber.stderr.contains("already went out with tracking number JD0146911500000004; a re-sent parcel needs a new one"),
                      sameNumber.stderr)

        let reshipped = try ChorusProcess.run(["parcel", "resolve", "sh-0004", "--reship", "--carrier", "DHL",
                                               "--tracking", "JD0146911500000099", "--note", "carrier confirmed the loss"] + w)
        XCTAssertEqual(reshipped.status, 0, reshipped.stderr)
        XCTAssertEqual(reshipped.stdout, "SH-0004 re-shipped with DHL JD0146911500000099 (lost resolved)\n")
        let shipped = try ChorusProcess.run(["list", "shipments", "--status", "shipped", "--format", "json"] + w)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shipped.stdout.utf8)) as? [[String: Any]])
        let parcel = try XCTUnwrap(rows.first { $0["id"] as? String == "SH-0004" })
        XCTAssertEqual(parcel["trackingNumber"] as? String, "JD0146911500000099")
        XCTAssertEqual(parcel["previousTrackingNumbers"] as? [String], ["JD0146911500000004"], "the lost parcel's first number is kept")

        let unconfirmed = try ChorusProcess.run(["parcel", "resolve", "SH-0066", "--repack"] + w)
        XCTAssertEqual(unconfirmed.status, 1)
        XCTAssertTrue(unconfirmed.stderr.contains("SH-0066 has an address problem: give the corrected address (--street, --city, "
            + "--postal-code, --country) or --confirm-address if the one on file (Hauptstraße 110, 20095 Hamburg, HH, DE) is right"),
            unconfirmed.stderr)
        let repacked = try ChorusProcess.run(["parcel", "resolve", "SH-0066", "--repack", "--street", "Hauptstraße 5",
                                              "--city", "Berlin", "--postal-code", "10115", "--country", "de"] + w)
        XCTAssertEqual(repacked.status, 0, repacked.stderr)
        XCTAssertEqual(repacked.stdout, "SH-0066 is queued to be packed again (address problem resolved)\n")
        let queued = try ChorusProcess.run(["list", "shipments", "--status", "queued"] + w)
        XCTAssertTrue(queued.stdout.contains("SH-0066"), queued.stdout)

        let confirmed = try ChorusProcess.run(["parcel", "resolve", "SH-0084", "--repack", "--confirm-address"] + w)
        XCTAssertEqual(confirmed.status, 0, confirmed.stderr)
        let again = try ChorusProcess.run(["parcel", "resolve", "SH-0066", "--repack"] + w)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("shipment SH-0066 cannot be resolved: it has no exception to resolve (it is queued)"), again.stderr)
        XCTAssertEqual(try ChorusProcess.run(["check"] + w).status, 0)
    }
}
