import XCTest
@testable import ChorusCore

/// People read words, never the names stored in files: `address problem`, not `addressProblem`;
/// `SH-0042 is in exception`, not `is exception`; `1 business day`, not `1 business days`.
final class DisplayNamesTests: XCTestCase {
    /// Stored names with a capital inside (`changesRequested`), which must never reach a person.
    private var internalNames: [String] {
        let all = ShipmentStatus.allCases.map(\.rawValue) + ShipmentException.Kind.allCases.map(\.rawValue)
            + SubmissionStatus.allCases.map(\.rawValue) + RightsStatus.allCases.map(\.rawValue) + PipelineStage.allCases.map(\.rawValue)
            + Carrier.allCases.map(\.rawValue) + [Review.Action.approvedWithOverride.rawValue]
        return all.filter { $0.contains { $0.isUppercase } }
    }

    func testEveryStatusHasADisplayNameInWords() {
        let labels: [(String, [String])] = [
            ("shipment status", ShipmentStatus.allCases.map(\.label)),
            ("exception", ShipmentException.Kind.allCases.map(\.label)),
            ("submission status", SubmissionStatus.allCases.map(\.label)),
            ("review", [Review.Action.approved, .approvedWithOverride, .changesRequested, .rejected, .resubmitted].map(\.label)),
            ("rights status", RightsStatus.allCases.map(\.label)),
            ("pipeline stage", PipelineStage.allCases.map(\.label)),
            ("carrier", Carrier.allCases.map(\.label)),
        ]
        for (kind, names) in labels {
            XCTAssertEqual(Set(names).count, names.count, "each \(kind) has its own name: \(names)")
            for name in names {
                XCTAssertFalse(name.isEmpty, kind)
                XCTAssertFalse(internalNames.contains { name.contains($0) }, "the \(kind) '\(name)' is a stored name, not words")
            }
        }
        XCTAssertEqual(ShipmentException.Kind.addressProblem.label, "address problem")
        XCTAssertEqual(ShipmentStatus.exception.label, "in exception")
        XCTAssertEqual(RightsStatus.notYetActive.label, "not yet active")
    }

    func testCountsAgreeWithTheirNouns() {
        XCTAssertEqual(counted(1, "business day"), "1 business day")
        XCTAssertEqual(counted(0, "business day"), "0 business days")
        XCTAssertEqual(counted(3, "parcel"), "3 parcels")
    }

    /// Every parcel refusal, for a parcel in every status, is in words.
    func testEveryParcelRefusalIsInWords() throws {
        var messages: [String] = []
        for status in ShipmentStatus.allCases {
            var fixture = ProgramFixture()
            let index = fixture.shipments.firstIndex { $0.id == ProgramFixture.queuedParcel }!
            fixture.shipments[index].status = status
            if status == .exception {
                fixture.shipments[index].exception = ShipmentException(kind: .addressProblem, note: "no house number", at: ProgramFixture.context.now)
            }
            let workspace = fixture.build()
            let id = ProgramFixture.queuedParcel
            let commands: [Command] = [
                .markPacked([id]), .markShipped([ShipmentDispatch(shipmentID: id, carrier: .royalMail, trackingNumber: "AB123456789GB")]),
                .markDelivered([id]), .flagException(shipments: [id], kind: .addressProblem, note: "wrong street"),
                .flagException(shipments: [id], kind: .returned, note: "refused"), .cancelShipments([id]),
                .editShipment(id, items: [ShipmentItem(sku: ProgramFixture.serum, quantity: 1)], note: nil),
                .resolveException(id, ExceptionResolution(next: .repack)),
            ]
            for command in commands {
                var attempt = workspace
                do { try attempt.run(command) } catch let error as DomainError { messages.append(error.message) }
            }
        }
        XCTAssertGreaterThan(messages.count, 20)
        for message in messages {
            XCTAssertFalse(internalNames.contains { message.contains($0) }, message)
            XCTAssertFalse(message.contains("is exception"), message)
        }
        XCTAssertTrue(messages.contains("shipment SH-0042 cannot be marked delivered: it is in exception"), messages.joined(separator: "\n"))
    }
}
