import XCTest
@testable import ChorusCore

/// A small, hand-built program that every test starts from: the Lumen Skin always-on channel
/// in EUR, with a live gifting-only wave and a paid wave being recruited.
///
/// Tweak the parts before `build()` when a test needs a different starting point:
///
///     var fixture = ProgramFixture()
///     fixture.waves[1].status = .closed
///     let workspace = fixture.build()
struct ProgramFixture {
    /// Every command in the tests is applied by Ana on Thursday 12 March 2026, 09:00 UTC.
    static let context = CommandContext(now: Timestamp("2026-03-12T09:00:00Z")!, actor: "ana")
    static let today = Day("2026-03-12")!

    // Ids used throughout the tests.
    static let spring: WaveID = "W1"
    static let summer: WaveID = "W2"
    static let serum: SKUID = "SKU-SERUM"
    static let cream: SKUID = "SKU-CREAM"
    static let mist: SKUID = "SKU-MIST"
    static let mila: CreatorID = "CR-0001"       // @mila.makes, customer, nano, active in Spring Glow
    static let sakura: CreatorID = "CR-0002"     // @sakura_hibi, 佐藤さくら, micro, seeded in Spring Glow
    static let jonas: CreatorID = "CR-0003"      // @jonas.outdoors, macro, invited to Summer Scale
    static let lea: CreatorID = "CR-0004"        // @lea.lumiere, nano, prospect in Spring Glow
    static let shippedParcel: ShipmentID = "SH-0041"   // to Sakura, on its way with DHL
    static let queuedParcel: ShipmentID = "SH-0042"    // to Mila, waiting in the warehouse
    static let returnedParcel: ShipmentID = "SH-0040"  // to Mila, came back: the address was wrong
    static let compliantDraft: SubmissionID = "SUB-0001"
    static let undisclosedDraft: SubmissionID = "SUB-0002"
    static let rejectedDraft: SubmissionID = "SUB-0003"
    static let draftAwaitingChanges: SubmissionID = "SUB-0004"
    static let approvedDraft: SubmissionID = "SUB-0005"
    static let approvedAsset: AssetID = "AS-0001"
    static let reel: DeliverableID = "D-1"
    static let story: DeliverableID = "D-2"
    static let sakuraDHLNumber = "JD014600003828427051"

    var program = Program(name: "Always-on creators", brand: "Lumen Skin", currency: .eur, landingURL: "https://lumen.example/shop",
                          people: ProgramPeople(people: [Person(name: "ana", roles: [.admin]), Person(name: "e2e", roles: [.reader])]))

    var waves: [Wave] = [
        Wave(id: spring, name: "Spring Glow", slug: "spring-glow", status: .live,
             startDate: Day("2026-03-01"), endDate: Day("2026-04-30"), budget: eur("2500.00"),
             brief: Brief(products: [BriefProduct(sku: serum, quantity: 1)],
                          keyMessages: ["Glow in two weeks"],
                          requiredHashtags: ["LumenGlow"], requiredMentions: ["lumenskin"],
                          bannedWords: ["cure", "miracle"],
                          deliverables: [
                              Deliverable(id: reel, platform: .instagram, format: .reel, dueDate: Day("2026-03-31"),
                                          rights: RightsTemplate(uses: [.organicRepost, .paidSocial],
                                                                 territory: .countries(["DE", "FR"]), durationDays: 90)),
                              Deliverable(id: story, platform: .tiktok, format: .short, dueDate: Day("2026-03-31")),
                          ]),
             incentivePlan: IncentivePlan(gifting: true)),
        Wave(id: summer, name: "Summer Scale", slug: "summer-scale", status: .recruiting,
             startDate: Day("2026-05-01"), endDate: Day("2026-06-30"), budget: eur("8000.00"),
             brief: Brief(products: [BriefProduct(sku: serum, quantity: 1), BriefProduct(sku: cream, quantity: 1)],
                          requiredHashtags: ["#LumenGlow"], requiredMentions: ["@lumenskin"],
                          deliverables: [
                              Deliverable(id: "D-3", platform: .instagram, format: .reel, dueDate: Day("2026-05-31"),
                                          rights: RightsTemplate(uses: [.organicRepost], territory: .worldwide, durationDays: 180)),
                          ]),
             incentivePlan: IncentivePlan(gifting: true, flatFee: eur("150.00"), commissionBasisPoints: 1_000)),
    ]

    var skus: [SKU] = [
        SKU(id: serum, name: "Glow Serum", unitCost: eur("18.50"), stockOnHand: 10, reserved: 1, category: "serums"),
        SKU(id: cream, name: "Night Cream", unitCost: eur("12.00"), stockOnHand: 3, category: "moisturisers"),
        SKU(id: mist, name: "Face Mist", unitCost: eur("6.25"), stockOnHand: 0, category: "toners"),
    ]

    var creators: [Creator] = [
        Creator(id: mila, handle: "mila.makes", name: "Mila Novak", email: "mila@example.com", country: "DE",
                profiles: [SocialProfile(platform: .instagram, handle: "mila.makes", followers: 8_400),
                           SocialProfile(platform: .tiktok, handle: "milamakes", followers: 3_100)],
                engagementRate: 0.061, niches: ["skincare"],
                address: PostalAddress(line1: "Torstraße 12", city: "Berlin", postalCode: "10119", country: "DE"),
                sources: [.customerList, .loyalty],
                customer: CustomerSignals(orders: 7, totalSpent: eur("312.40"), firstOrder: Day("2024-11-02"),
                                          lastOrder: Day("2026-02-20"), categories: ["serums"], acceptsMarketing: true)),
        Creator(id: sakura, handle: "sakura_hibi", name: "佐藤さくら", country: "JP",
                profiles: [SocialProfile(platform: .tiktok, handle: "sakura_hibi", followers: 42_000)],
                engagementRate: 0.048, niches: ["beauty", "j-beauty"],
                address: PostalAddress(line1: "1-2-3 Jingumae", city: "Shibuya", region: "Tokyo", postalCode: "150-0001", country: "JP"),
                sources: [.inbound]),
        Creator(id: jonas, handle: "jonas.outdoors", name: "Jonas Berg", country: "SE",
                profiles: [SocialProfile(platform: .youtube, handle: "JonasOutdoors", followers: 120_000)],
                engagementRate: 0.021, niches: ["outdoor"], sources: [.marketplace]),
        Creator(id: lea, handle: "lea.lumiere", name: "Léa Martin", country: "FR",
                profiles: [SocialProfile(platform: .instagram, handle: "lea.lumiere", followers: 2_300)],
                engagementRate: 0.083, sources: [.loyalty]),
    ]

    var enrollments: [Enrollment] = [
        Enrollment(creatorID: mila, waveID: spring, stage: .active, stageChangedAt: Timestamp("2026-03-01T10:00:00Z")!),
        Enrollment(creatorID: sakura, waveID: spring, stage: .seeded, stageChangedAt: Timestamp("2026-03-05T16:30:00Z")!),
        Enrollment(creatorID: jonas, waveID: summer, stage: .invited, stageChangedAt: Timestamp("2026-03-10T08:00:00Z")!),
        Enrollment(creatorID: lea, waveID: spring, stage: .prospect, stageChangedAt: Timestamp("2026-03-01T10:00:00Z")!),
    ]

    var shipments: [Shipment] = [
        Shipment(id: shippedParcel, creatorID: sakura, waveID: spring, items: [ShipmentItem(sku: serum, quantity: 1)],
                 status: .shipped, carrier: .dhl, trackingNumber: sakuraDHLNumber, productCost: eur("18.50"),
                 shippingCost: eur("14.90"), createdAt: Timestamp("2026-03-02T09:00:00Z")!,
                 packedAt: Timestamp("2026-03-04T11:00:00Z")!, shippedAt: Timestamp("2026-03-05T16:30:00Z")!),
        Shipment(id: queuedParcel, creatorID: mila, waveID: spring, items: [ShipmentItem(sku: serum, quantity: 1)],
                 productCost: eur("18.50"), createdAt: Timestamp("2026-03-10T12:00:00Z")!),
        Shipment(id: returnedParcel, creatorID: mila, waveID: spring, items: [ShipmentItem(sku: cream, quantity: 1)], status: .exception,
                 carrier: .dhl, trackingNumber: "JD014600003828427052", productCost: eur("12.00"),
                 exception: ShipmentException(kind: .returned, note: "no such street", at: Timestamp("2026-03-06T10:00:00Z")!),
                 createdAt: Timestamp("2026-03-01T09:00:00Z")!, shippedAt: Timestamp("2026-03-02T15:00:00Z")!),
    ]

    var submissions: [Submission] = [
        draft(compliantDraft, caption: "Morning glow with @lumenskin #LumenGlow #gifted", submittedAt: "2026-03-11T08:00:00Z"),
        draft(undisclosedDraft, caption: "My new favourite serum #LumenGlow @lumenskin", submittedAt: "2026-03-11T09:00:00Z"),
        draft(rejectedDraft, caption: "This serum is a miracle", submittedAt: "2026-03-09T09:00:00Z", status: .rejected),
        draft(draftAwaitingChanges, caption: "Glow time #ad #LumenGlow", submittedAt: "2026-03-10T09:00:00Z",
              status: .changesRequested,
              reviews: [Review(action: .changesRequested, reviewer: "ana", at: Timestamp("2026-03-10T15:00:00Z")!, round: 1,
                               note: "Please mention @lumenskin")]),
        draft(approvedDraft, caption: "Two weeks in #ad #LumenGlow @lumenskin", submittedAt: "2026-03-08T09:00:00Z",
              status: .approved,
              reviews: [Review(action: .approved, reviewer: "ana", at: Timestamp("2026-03-08T12:00:00Z")!, round: 1)]),
    ]

    var assets: [Asset] = [
        Asset(id: approvedAsset, submissionID: approvedDraft, creatorID: sakura, waveID: spring, platform: .instagram,
              kind: .video, caption: "Two weeks in #ad #LumenGlow @lumenskin", tags: ["skincare", "morning"],
              rights: UsageRights(uses: [.organicRepost, .paidSocial], territory: .countries(["DE", "FR"]),
                                  start: Day("2026-03-08")!, end: Day("2026-06-05")!)),
    ]

    var discountCodes: [DiscountCode] = [
        DiscountCode(code: "MILA15", creatorID: mila, waveID: spring, kind: .percent, value: 1_500, usageLimit: 100),
    ]

    var trackingLinks: [TrackingLink] = [TrackingLink(creatorID: mila, waveID: spring, platform: .instagram)]

    var orders: [Order] = [
        Order(id: "#1001", email: "buyer1@example.com", financialStatus: "paid", createdAt: Timestamp("2026-03-08 14:22:05 +0000")!,
              subtotal: eur("64.00"), refunded: eur("0"), discountCodes: "MILA15",
              lines: [OrderLine(sku: "SKU-SERUM", name: "Glow Serum", quantity: 2, price: eur("32.00"))]),
        Order(id: "#1002", email: "buyer2@example.com", financialStatus: "paid", createdAt: Timestamp("2026-03-09 10:01:00 +0100")!,
              subtotal: eur("120.00"), refunded: eur("0"), utmSource: "instagram", utmMedium: "creator",
              utmCampaign: "spring-glow", utmContent: "mila.makes"),
    ]

    var surveyResponses: [SurveyResponse] = [
        SurveyResponse(id: "SR-0001", orderID: "#1002", question: "How did you hear about us?", response: "Instagram creator",
                       other: "@sakura_hibi"),
    ]

    /// Last month's run, exported but not yet paid.
    var payoutRuns: [PayoutRun] = [
        PayoutRun(number: 1, createdOn: Day("2026-03-01")!, payments: [Payment(creatorID: mila, items: [PayoutItem(key: "fee W1", amount: 4_000)])]),
    ]

    func build() -> Workspace {
        Workspace(program: program, waves: waves, creators: creators, enrollments: enrollments, skus: skus,
                  shipments: shipments, submissions: submissions, assets: assets, discountCodes: discountCodes,
                  trackingLinks: trackingLinks, orders: orders, surveyResponses: surveyResponses, payoutRuns: payoutRuns)
    }

    /// The fixture as it stands, ready for commands.
    static var workspace: Workspace { ProgramFixture().build() }

    /// A draft by Sakura for the Spring Glow reel.
    static func draft(_ id: SubmissionID, caption: String, onScreenText: String = "", submittedAt: String,
                      status: SubmissionStatus = .pending, reviews: [Review] = []) -> Submission {
        Submission(id: id, creatorID: sakura, waveID: spring, deliverableID: reel, platform: .instagram, format: .reel,
                   caption: caption, onScreenText: onScreenText, assetRefs: ["drafts/\(id).mp4"],
                   submittedAt: Timestamp(submittedAt)!, status: status, reviews: reviews)
    }
}

/// Euros from a decimal string, as a store export writes them.
func eur(_ text: String) -> Money {
    guard let money = Money.parse(Substring(text), currency: .eur) else { preconditionFailure("not an amount: \(text)") }
    return money
}

extension Workspace {
    /// Applies `command` as Ana at the fixed test time.
    @discardableResult
    mutating func run(_ command: Command) throws -> AppliedCommand {
        try apply(command, context: ProgramFixture.context)
    }
}

// MARK: - Assertions shared by the command tests

/// Asserts that `command` is refused with a message mentioning every fragment, and that the
/// refusal left the workspace exactly as it was. Returns the message for closer checks.
@discardableResult
func assertRefused(_ command: Command, on workspace: Workspace, saying fragments: String...,
                   file: StaticString = #filePath, line: UInt = #line) -> String? {
    var attempt = workspace
    do {
        let applied = try attempt.run(command)
        XCTFail("expected a refusal, but the command was applied: \(applied.summary)", file: file, line: line)
        return nil
    } catch let error as DomainError {
        for fragment in fragments {
            XCTAssertTrue(error.message.contains(fragment), "“\(error.message)” does not say “\(fragment)”", file: file, line: line)
        }
        XCTAssertTrue(attempt == workspace, "a refused command changed the workspace: \(error.message)", file: file, line: line)
        assertIndexesMatchArrays(attempt, file: file, line: line)
        return error.message
    } catch {
        XCTFail("expected a DomainError, got \(error)", file: file, line: line)
        return nil
    }
}

/// Applies `command`, undoes it, redoes it and undoes the redo, checking each state:
/// undo gives the original workspace back, redo gives the post-command workspace again.
func assertUndoAndRedo(_ command: Command, on original: Workspace, _ label: String = "",
                       file: StaticString = #filePath, line: UInt = #line) {
    do {
        var workspace = original
        let applied = try workspace.run(command)
        let afterCommand = workspace
        XCTAssertFalse(afterCommand == original, "\(label): the command changed nothing", file: file, line: line)

        let undo = try workspace.run(applied.undo)
        XCTAssertTrue(workspace == original, "\(label): undo did not restore the original workspace", file: file, line: line)
        XCTAssertEqual(undo.summary, applied.summary, "\(label): undo is labelled with what it takes back", file: file, line: line)
        assertIndexesMatchArrays(workspace, file: file, line: line)

        let redo = try workspace.run(undo.undo)
        XCTAssertTrue(workspace == afterCommand, "\(label): redo did not give the post-command workspace", file: file, line: line)
        assertIndexesMatchArrays(workspace, file: file, line: line)

        try workspace.run(redo.undo)
        XCTAssertTrue(workspace == original, "\(label): undoing the redo did not restore the original", file: file, line: line)
        assertIndexesMatchArrays(workspace, file: file, line: line)
    } catch {
        XCTFail("\(label): \(error)", file: file, line: line)
    }
}

/// The lookup indexes must always agree with the rows: every table's own check, and the handle
/// index as a workspace rebuilt from the same rows builds it.
func assertIndexesMatchArrays(_ workspace: Workspace, file: StaticString = #filePath, line: UInt = #line) {
    workspace.checkInvariants()
    let rebuilt = Workspace(program: workspace.program, creators: workspace.creators.rows)
    XCTAssertEqual(workspace.handleIndex.positions, rebuilt.handleIndex.positions, "handle index", file: file, line: line)
}
