import XCTest
@testable import ChorusCore

/// Who may do what: the whole role × command-kind matrix, how a refusal reads, and undo judged
/// as what it takes back.
final class PermissionsTests: XCTestCase {
    /// The matrix as the README's role table states it, role by role (admin: everything).
    private let expected: [Role: Set<String>] = [
        .reader: [],
        .seeding: ["addSKUs", "adjustStock", "importProducts", "queueShipments", "markPacked", "markShipped", "importTracking",
                   "markDelivered", "flagException", "cancelShipments", "editShipment", "resolveException"],
        .ops: ["createWave", "updateWave", "addCreators", "updateCreator", "enroll", "advanceStage", "revertStage", "exitPipeline",
               "promote", "setDueDate", "draftMessages", "markMessagesSent", "queueShipments", "addSubmissions", "approve",
               "approveWithOverride", "requestChanges", "reject", "resubmit", "recordPost", "setUsageRights", "tagAssets",
               "recordMetrics", "importMetrics", "addDiscountCodes", "addTrackingLinks", "importOrders", "importSurveyResponses",
               "importCreators", "resolveSurveyAnswer"],
        .finance: ["createPayoutRun", "markPayoutRunPaid", "reconcilePayoutRun", "setPayoutDetails", "importRates"],
        // Imports only: the nightly cron job may bring in ShipStation's shipments file, but not ship by hand.
        .importer: ["importProducts", "importTracking", "addSubmissions", "importOrders", "importSurveyResponses", "importMetrics",
                    "importCreators", "importRates"],
        .admin: Set(Command.Kind.allCases.map(\.rawValue)),
    ]

    func testEveryRoleMayIssueExactlyItsKinds() {
        for role in Role.allCases {
            for kind in Command.Kind.allCases {
                XCTAssertEqual(kind.isAllowed(for: [role]), expected[role]!.contains(kind.rawValue), "\(role) × \(kind)")
            }
        }
    }

    func testOnlyAnAdminChangesSettingsPeopleOrTheActingAsRule() {
        for kind in [Command.Kind.updateProgram, .setRoles, .removePerson, .allowActingAs] {
            XCTAssertEqual(Role.allCases.filter { kind.isAllowed(for: [$0]) }, [.admin], "\(kind)")
        }
    }

    func testEveryCommandHasTheKindTheJournalNamesIt() {
        let samples = CommandSamples.all
        XCTAssertEqual(Set(samples.map(Command.Kind.init(of:))).count, Command.Kind.allCases.count, "a sample of every kind")
        for command in samples {
            XCTAssertEqual(Command.Kind(of: command).rawValue, command.kind)
            XCTAssertEqual(Command.Kind(of: command).rawValue, CommandSamples.kind(of: command))
        }
    }

    func testTheTableByKindNameSeedsADatabaseWithAdminOnEveryKind() {
        let table = Permissions.byKindName
        XCTAssertEqual(Set(table.keys), Set(Command.Kind.allCases.map(\.rawValue)))
        XCTAssertEqual(table["createPayoutRun"], [.finance, .admin])
        XCTAssertEqual(table["markShipped"], [.seeding, .admin])
        XCTAssertEqual(table["importTracking"], [.seeding, .importer, .admin])
        XCTAssertEqual(table["updateProgram"], [.admin])
        XCTAssertTrue(table.values.allSatisfy { $0.contains(.admin) })
        XCTAssertEqual(Set(table.filter { $0.value.contains(.finance) }.keys), expected[.finance])
    }

    func testARefusalSaysWhoThePersonIsAndWhichRoleItNeeds() {
        let people = ProgramPeople(people: [Person(name: "sam", roles: [.seeding]), Person(name: "ana", roles: [.admin]),
                                            Person(name: "lee", roles: [.seeding, .finance])])
        XCTAssertEqual(people.refusal(of: .approve, by: "sam"), "sam is seeding; approving drafts needs the ops role")
        XCTAssertEqual(people.refusal(of: .createPayoutRun, by: "sam"), "sam is seeding; payout runs need the finance role")
        XCTAssertEqual(people.refusal(of: .updateProgram, by: "lee"), "lee is seeding and finance; the program's settings need the admin role")
        XCTAssertEqual(people.refusal(of: .importOrders, by: "sam"), "sam is seeding; importing orders needs the ops or importer role")
        XCTAssertNil(people.refusal(of: .markShipped, by: "sam"))
        let cron = ProgramPeople(people: [Person(name: "cron", roles: [.importer])])
        XCTAssertEqual(cron.refusal(of: .markShipped, by: "cron"), "cron is an importer; shipping parcels needs the seeding role")
        XCTAssertNil(cron.refusal(of: .importTracking, by: "cron"), "the shipments file is an import")
        XCTAssertNil(people.refusal(of: .createPayoutRun, by: "ana"), "an admin may do everything")
        XCTAssertEqual(people.refusal(of: .approve, by: "kim"),
                       "kim is not among the program's people; approving drafts needs the ops role (an admin adds them: chorus people add kim --role ROLE)")
    }

    func testAProgramWithoutPeopleLetsEveryoneDoEverything() {
        let program = ProgramFixture.workspace.program
        var open = program
        open.people = nil
        for command in CommandSamples.all { XCTAssertNil(open.refusal(of: command, by: "anyone"), command.kind) }
    }

    func testUndoAndRedoNeedThePermissionOfWhatTheyTakeBack() throws {
        var workspace = ProgramFixture.workspace
        let run = try XCTUnwrap(CommandSamples.all.first { Command.Kind(of: $0) == .createPayoutRun })
        let applied = try workspace.apply(run, context: ProgramFixture.context)
        XCTAssertEqual(applied.undo.authorizingKind, .createPayoutRun)
        let people = ProgramPeople(people: [Person(name: "olga", roles: [.ops]), Person(name: "fin", roles: [.finance])])
        XCTAssertEqual(people.refusal(of: applied.undo.authorizingKind, by: "olga"), "olga is ops; payout runs need the finance role")
        XCTAssertNil(people.refusal(of: applied.undo.authorizingKind, by: "fin"))

        let undone = try workspace.apply(applied.undo, context: ProgramFixture.context)
        XCTAssertEqual(undone.undo.authorizingKind, .createPayoutRun, "the redo is the same payout decision")
        let journaled = try JSONDecoder().decode(Command.self, from: JSONEncoder().encode(undone.undo))
        XCTAssertEqual(journaled.authorizingKind, .createPayoutRun, "what an undo takes back survives the journal")

        let fromBeforeRoles = Command.restore(point: RestorePoint(), label: "an old undo")
        XCTAssertEqual(fromBeforeRoles.authorizingKind, .restore)
        XCTAssertEqual(people.refusal(of: fromBeforeRoles.authorizingKind, by: "fin"),
                       "fin is finance; undoing a change made before roles existed needs the admin role")
    }
}
