import ChorusCore
import ChorusInterchange
import XCTest

final class WorkspaceCheckTests: XCTestCase {
    private let sample = SampleFixture.workspace

    /// The sample with some collections replaced, as a hand-edited or badly imported snapshot would be.
    private func broken(creators: [Creator]? = nil, skus: [SKU]? = nil, shipments: [Shipment]? = nil,
                        submissions: [Submission]? = nil, codes: [DiscountCode]? = nil, orders: [Order]? = nil,
                        survey: [SurveyResponse]? = nil) -> Workspace {
        Workspace(program: sample.program, waves: sample.waves.rows, creators: creators ?? sample.creators.rows, enrollments: sample.enrollments.rows,
                  skus: skus ?? sample.skus.rows, shipments: shipments ?? sample.shipments.rows, submissions: submissions ?? sample.submissions.rows,
                  assets: sample.assets.rows, discountCodes: codes ?? sample.discountCodes.rows, trackingLinks: sample.trackingLinks.rows,
                  orders: orders ?? sample.orders.rows, surveyResponses: survey ?? sample.surveyResponses.rows)
    }

    func testAShipmentForAnUnknownCreatorIsReported() {
        var shipments = sample.shipments.rows
        shipments[0].creatorID = "CR-99999"
        let problems = WorkspaceCheck.problems(in: broken(shipments: shipments))
        XCTAssertTrue(problems.contains("shipment \(shipments[0].id): creator CR-99999 does not exist"), "\(problems)")
    }

    func testTwoOpenParcelsForOneCreatorAndWaveAreReportedUnlessOneIsAnExtra() {
        var shipments = sample.shipments.rows
        let open = shipments.first { $0.holdsReservation }!
        var second = open
        second.id = "SH-99999"
        second.trackingNumber = nil
        shipments.append(second)
        var skus = sample.skus.rows
        for item in second.items { skus[skus.firstIndex { $0.id == item.sku }!].reserved += item.quantity }
        let handle = "@" + sample.creator(open.creatorID)!.handle
        let wave = sample.wave(open.waveID)!
        XCTAssertEqual(WorkspaceCheck.problems(in: broken(skus: skus, shipments: shipments)),
                       ["\(handle) has 2 open parcels in \(wave.name) (\(wave.id)): \(open.id), SH-99999; cancel the one not meant to go"])

        shipments[shipments.count - 1].extra = true
        XCTAssertEqual(WorkspaceCheck.problems(in: broken(skus: skus, shipments: shipments)), [], "an extra parcel was asked for")
    }

    func testReservedStockMustEqualQueuedAndPackedShipments() {
        var skus = sample.skus.rows
        skus[0].reserved += 3
        let problems = WorkspaceCheck.problems(in: broken(skus: skus))
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].hasPrefix("SKU \(skus[0].id): \(skus[0].reserved) reserved, but queued and packed shipments hold"))
    }

    func testNegativeStockIsReported() {
        var skus = sample.skus.rows
        let index = skus.firstIndex { $0.reserved == 0 }!
        skus[index].stockOnHand = -2
        XCTAssertTrue(WorkspaceCheck.problems(in: broken(skus: skus)).contains("SKU \(skus[index].id): -2 on hand"))
    }

    func testHandlesMustBeUniqueIgnoringCaseAndAt() {
        var creators = sample.creators.rows
        creators[1].handle = "@" + creators[0].handle.uppercased()
        let problems = WorkspaceCheck.problems(in: broken(creators: creators))
        XCTAssertTrue(problems.contains("handle @\(creators[0].handle) belongs to more than one creator"), "\(problems)")
    }

    func testTrackingNumbersMustBeUniqueAndFitTheCarrier() {
        var shipments = sample.shipments.rows
        let shipped = shipments.indices.filter { shipments[$0].trackingNumber != nil }
        shipments[shipped[1]].trackingNumber = shipments[shipped[0]].trackingNumber
        shipments[shipped[1]].carrier = shipments[shipped[0]].carrier
        shipments[shipped[2]].carrier = .ups
        shipments[shipped[2]].trackingNumber = "NOT-A-NUMBER"
        let problems = WorkspaceCheck.problems(in: broken(shipments: shipments))
        XCTAssertTrue(problems.contains("tracking number \(shipments[shipped[0]].trackingNumber!) is on more than one shipment"))
        XCTAssertTrue(problems.contains("shipment \(shipments[shipped[2]].id): 'NOT-A-NUMBER' is not a UPS tracking number"))
    }

    func testDatesOutOfOrderAreReported() {
        var shipments = sample.shipments.rows
        let index = shipments.firstIndex { $0.status == .delivered }!
        shipments[index].deliveredAt = shipments[index].createdAt.adding(days: -1)
        let problems = WorkspaceCheck.problems(in: broken(shipments: shipments))
        XCTAssertTrue(problems.contains { $0.hasPrefix("shipment \(shipments[index].id): delivered ") && $0.contains("before shipped") }, "\(problems)")
    }

    func testDuplicateCodesOrdersAndAnswersCreditingNobodyAreReported() {
        var codes = sample.discountCodes.rows
        codes.append(DiscountCode(code: codes[0].code.lowercased(), creatorID: codes[1].creatorID, waveID: nil, kind: .percent, value: 1_000))
        var survey = sample.surveyResponses.rows
        survey[0].orderID = "#999999"
        survey[1].creditedCreator = "CR-99999"
        let problems = WorkspaceCheck.problems(in: broken(codes: codes, orders: sample.orders + [sample.orders[0]], survey: survey))
        XCTAssertTrue(problems.contains("discount code \(codes[0].code) is used twice"))
        XCTAssertTrue(problems.contains("order \(sample.orders[0].id) appears twice"))
        XCTAssertTrue(problems.contains("survey response \(survey[1].id): creator CR-99999 does not exist"))
        XCTAssertFalse(problems.contains { $0.contains("#999999") }, "an answer whose order is not imported yet waits for it: \(problems)")
    }

    func testAnIdRepeatedInABrokenSnapshotIsReportedOnceWhereverItsRepeatsStand() {
        let orders = sample.orders.rows
        let creators = sample.creators.rows
        // Found through each table's own index (a key leads to its first row), not a set of
        // every id: the repeats may stand anywhere, and three of one id are still one problem.
        let problems = WorkspaceCheck.problems(in: broken(creators: [creators[1]] + creators + [creators[1]],
                                                          orders: orders + [orders[2], orders[0], orders[2]]))
        XCTAssertEqual(problems.filter { $0.hasSuffix("appears twice") }, ["order \(orders[2].id) appears twice", "order \(orders[0].id) appears twice"])
        XCTAssertEqual(problems.filter { $0.hasPrefix("creator id") }, ["creator id \(creators[1].id) is used twice"])
    }

    func testAStatusTheReviewHistoryDoesNotSupportIsReported() {
        var submissions = sample.submissions.rows
        let index = submissions.firstIndex { $0.status == .pending && $0.reviews.isEmpty }!
        submissions[index].status = .approved
        let problems = WorkspaceCheck.problems(in: broken(submissions: submissions))
        XCTAssertTrue(problems.contains("submission \(submissions[index].id): approved, but the last review is missing"), "\(problems)")
    }
}
