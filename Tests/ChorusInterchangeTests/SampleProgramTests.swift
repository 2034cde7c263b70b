import ChorusCore
import ChorusGenerator
import ChorusInterchange
import XCTest

final class SampleProgramTests: XCTestCase {
    private let sample = SampleFixture.workspace
    private let today = SampleFixture.today

    func testTheSameSeedGivesTheSameProgramAndAnotherSeedAnotherOne() {
        XCTAssertEqual(SampleProgram.generate(options: SampleFixture.options), sample)
        var other = SampleFixture.options
        other.seed = 8
        XCTAssertNotEqual(SampleProgram.generate(options: other), sample)
    }

    func testTheSamplePassesEveryWorkspaceCheck() {
        XCTAssertEqual(WorkspaceCheck.problems(in: sample), [])
        for seed: UInt64 in [1, 99] {
            let small = SampleProgram.generate(options: GeneratorOptions(creators: 120, orders: 500, seed: seed, today: today))
            XCTAssertEqual(WorkspaceCheck.problems(in: small), [], "seed \(seed)")
        }
    }

    func testTheProgramHasThreeWavesFromClosedToPlanningWithGrowingIncentives() {
        XCTAssertEqual(sample.program.currency, .eur)
        XCTAssertEqual(sample.waves.map(\.status), [.closed, .live, .planning])
        let plans = sample.waves.map(\.incentivePlan)
        XCTAssertEqual(plans[0], IncentivePlan(gifting: true))
        XCTAssertEqual(plans[1].commissionBasisPoints, 1_000)
        XCTAssertFalse(plans[1].bonusTiers.isEmpty)
        XCTAssertNotNil(plans[2].flatFee)
        XCTAssertNotNil(plans[2].commissionBasisPoints)
        XCTAssertTrue(sample.waves.allSatisfy { !$0.brief.deliverables.isEmpty && !$0.brief.bannedWords.isEmpty })
    }

    func testCreatorsAreMostlyNanoAndMicroWithInternationalNamesAndUniqueHandles() {
        XCTAssertEqual(sample.creators.count, 300)
        let tiers = Dictionary(grouping: sample.creators, by: \.tier).mapValues(\.count)
        XCTAssertGreaterThan(tiers[.nano, default: 0] + tiers[.micro, default: 0], 250)
        XCTAssertGreaterThan(tiers[.macro, default: 0], 0)
        XCTAssertTrue((1...2).contains(tiers[.mega, default: 0]))
        let names = Set(sample.creators.map(\.name))
        for name in ["José Núñez", "Zoë Ångström", "山田 花子", "김민지", "Mia 🌿", "👩‍💻 Dev Sam"] {
            XCTAssertTrue(names.contains(name), name)
        }
        XCTAssertEqual(Set(sample.creators.map { Creator.normalizedHandle($0.handle) }).count, sample.creators.count)
        XCTAssertTrue(sample.creators.allSatisfy { CountryCodes.isKnown($0.country ?? "") })
        XCTAssertTrue(sample.creators.contains { $0.customer != nil && $0.sources.contains(.customerList) })
    }

    func testWaveTwoHasCreatorsAtEveryPipelineStage() {
        let stages = Set(sample.enrollments.filter { $0.waveID == "W2" }.map(\.stage))
        XCTAssertEqual(stages, Set(PipelineStage.allCases))
        let wave3 = Set(sample.enrollments.filter { $0.waveID == "W3" }.map(\.stage))
        XCTAssertTrue(wave3.isSuperset(of: [.prospect, .invited]))
        XCTAssertTrue(sample.enrollments.contains { $0.waveID == "W2" && $0.incentiveOverride != nil }, "Wave 1 winners are scaled up")
    }

    func testTheSeedingQueueHasEveryShipmentStateAndValidTrackingNumbers() {
        XCTAssertEqual(Set(sample.shipments.map(\.status)), Set(ShipmentStatus.allCases))
        XCTAssertEqual(Set(sample.shipments.compactMap(\.exception?.kind)), Set(ShipmentException.Kind.allCases))
        for shipment in sample.shipments {
            if let carrier = shipment.carrier, let number = shipment.trackingNumber {
                XCTAssertTrue(carrier.accepts(trackingNumber: number), "\(shipment.id): \(number)")
            }
            let cost = shipment.items.reduce(Int64(0)) { $0 + sample.sku($1.sku)!.unitCost.minorUnits * Int64($1.quantity) }
            XCTAssertEqual(shipment.productCost.minorUnits, cost, "\(shipment.id)")
        }
        XCTAssertTrue(sample.skus.contains { $0.reserved > 0 })
    }

    func testTheApprovalInboxHasEveryStatusOverdueDraftsAndDisclosureFailures() {
        XCTAssertEqual(Set(sample.submissions.map(\.status)), Set(SubmissionStatus.allCases))
        let pending = sample.submissions.filter { $0.status == .pending }
        let failingDisclosure = pending.filter { submission in
            Compliance.failures(for: submission, in: sample.wave(submission.waveID)).contains { $0.kind == .disclosure }
        }
        XCTAssertGreaterThanOrEqual(failingDisclosure.count, 3)
        XCTAssertTrue(pending.contains { submission in
            Compliance.failures(for: submission, in: sample.wave(submission.waveID)).contains { $0.kind == .disclosurePlacement }
        }, "some drafts bury their disclosure after the hashtags")
        XCTAssertFalse(sample.submissions.contains { submission in
            submission.reviews.last?.action == .approved
                && !Compliance.failures(for: submission, in: sample.wave(submission.waveID)).isEmpty
        }, "a plain approval passed every check")
        XCTAssertTrue(pending.contains { $0.caption.contains("#adventure") || $0.caption.contains("#ads") || $0.caption.contains("#adorable") })
        XCTAssertTrue(pending.contains { $0.submittedAt.day.businessDays(until: today) > 3 }, "some drafts are overdue")
        XCTAssertTrue(pending.contains { $0.submittedAt.day.businessDays(until: today) <= 3 })
        XCTAssertTrue(sample.submissions.filter { $0.status == .changesRequested }.allSatisfy { $0.reviews.last?.note != nil })
        XCTAssertTrue(pending.contains { $0.round == 2 && $0.previousCaptions.count == 1 })
    }

    func testTheLibraryHasAssetsWithRightsInEveryStateAsOfToday() {
        let approved = sample.submissions.filter { $0.status == .approved }
        XCTAssertEqual(sample.assets.count, approved.count)
        XCTAssertEqual(sample.assets.first?.id, "AS-0001")
        let statuses = Set(sample.assets.map { $0.rights?.status(on: today, warningDays: 14) ?? .none })
        XCTAssertTrue(statuses.isSuperset(of: [.active, .expiring, .expired, .none]), "\(statuses)")
        XCTAssertTrue(sample.assets.contains { $0.metrics.views > 0 && $0.postURL != nil })
        XCTAssertTrue(sample.assets.contains { $0.kind == .story } && sample.assets.contains { $0.kind == .video })
    }

    func testThePaidTeamFindsContentForGermanyAndTheUSButLessForFrance() {
        let usable = { (country: String) in UsableFor(.paidSocial, in: country).select(self.sample.assets.rows, on: self.today).usable.count }
        XCTAssertGreaterThan(usable("DE"), 0)
        XCTAssertEqual(usable("US"), usable("DE"))
        XCTAssertLessThan(usable("FR"), usable("DE"), "some paid licences are for DE, AT, CH and US only")
        XCTAssertTrue(sample.assets.contains { UsableFor(.whitelisting, in: "US").admits($0, on: today) && $0.rights?.whitelistingAdCode != nil })
    }

    func testOrdersCarryEverySignalAttributionMustWeigh() {
        XCTAssertEqual(sample.orders.count, 4_000)
        let codes = Set(sample.discountCodes.map(\.code))
        XCTAssertTrue(sample.discountCodes.allSatisfy { $0.code.allSatisfy { $0.isUppercase || $0.isNumber } && $0.code.hasSuffix("15") })
        XCTAssertEqual(codes.count, sample.discountCodes.count)
        let fields = sample.orders.compactMap(\.discountCodes)
        XCTAssertTrue(fields.contains { $0.contains(",") }, "several codes in one field")
        XCTAssertTrue(fields.contains("WELCOME10"))
        XCTAssertTrue(fields.contains { codes.contains($0) })
        XCTAssertTrue(sample.orders.contains { $0.utmMedium == "creator" && $0.utmContent != nil })
        XCTAssertTrue(sample.orders.contains { $0.utmMedium == "paid_social" })
        XCTAssertEqual(Set(sample.orders.map(\.financialStatus)).isSuperset(of: ["paid", "refunded", "partially_refunded", "voided"]), true)
        XCTAssertTrue(sample.orders.contains { $0.cancelledAt != nil })
        XCTAssertTrue(sample.orders.allSatisfy { (1...3).contains($0.lines.count) && $0.subtotal.currency == .eur })
        XCTAssertEqual(sample.orders.map(\.createdAt), sample.orders.map(\.createdAt).sorted(), "order numbers follow time")
    }

    func testSurveyAnswersNameCreatorsTheWayBuyersWriteThem() {
        let others = sample.surveyResponses.compactMap(\.other)
        XCTAssertTrue(others.contains { $0.hasPrefix("@") })
        XCTAssertTrue(others.contains { $0.contains(" and @") || $0.contains(" & ") }, "two creators in one answer")
        XCTAssertTrue(sample.surveyResponses.contains { $0.response == "Instagram ad" })
        XCTAssertTrue(sample.surveyResponses.contains { $0.response == "Friend or family" })
        XCTAssertTrue(sample.surveyResponses.allSatisfy { sample.order($0.orderID) != nil })
    }

    func testACoordinatorCanWorkTheSampleWithRealCommands() throws {
        var workspace = sample
        let context = CommandContext(now: Timestamp(day: today, hour: 17, minute: 45), actor: "ana")
        let passing = try XCTUnwrap(workspace.submissions.first { submission in
            submission.status == .pending && Compliance.failures(for: submission, in: workspace.wave(submission.waveID)).isEmpty
        })
        try workspace.apply(.approve([passing.id]), context: context)
        XCTAssertEqual(workspace.assets.last?.id, AssetID(formatID(prefix: "AS-", number: sample.assets.count + 1)))
        let packed = try XCTUnwrap(workspace.shipments.first { $0.status == .packed })
        try workspace.apply(.markShipped([ShipmentDispatch(shipmentID: packed.id, carrier: .dhl, trackingNumber: "1234567890")]), context: context)
        let failing = try XCTUnwrap(workspace.submissions.first { submission in
            submission.status == .pending && !Compliance.failures(for: submission, in: workspace.wave(submission.waveID)).isEmpty
        })
        XCTAssertThrowsError(try workspace.apply(.approve([failing.id]), context: context))
        XCTAssertEqual(WorkspaceCheck.problems(in: workspace), [])
    }
}
