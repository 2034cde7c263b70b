import XCTest
@testable import ChorusCore

/// Setting up people: the first person brings the admin who added them, there is always an
/// admin, and every change is an undoable command.
final class PeopleCommandsTests: XCTestCase {
    private func context(_ actor: String) -> CommandContext { CommandContext(now: ProgramFixture.context.now, actor: actor) }

    private var withoutPeople: Workspace {
        var workspace = ProgramFixture.workspace
        workspace.setProgram({ var program = workspace.program; program.people = nil; return program }())
        return workspace
    }

    func testTheFirstPersonAddedMakesTheOneAddingThemAdmin() throws {
        var workspace = withoutPeople
        let applied = try workspace.apply(.setRoles(person: "sam", roles: [.seeding]), context: context("lena"))
        XCTAssertEqual(applied.summary, "added sam as seeding; lena is admin, as the one who set up the program's people")
        XCTAssertEqual(workspace.program.people?.roles(of: "lena"), [.admin])
        XCTAssertEqual(workspace.program.people?.roles(of: "sam"), [.seeding])

        try workspace.apply(applied.undo, context: context("lena"))
        XCTAssertNil(workspace.program.people, "undo puts the open program back")
    }

    func testAddingYourselfFirstKeepsYouAdmin() throws {
        var workspace = withoutPeople
        let applied = try workspace.apply(.setRoles(person: "lena", roles: [.ops]), context: context("lena"))
        XCTAssertEqual(applied.summary, "added lena as ops and an admin (and admin, as the one who set up the program's people)")
        XCTAssertEqual(workspace.program.people?.roles(of: "lena"), [.ops, .admin])
    }

    func testAddingSomeoneAgainChangesTheirRoles() throws {
        var workspace = ProgramFixture.workspace
        XCTAssertEqual(try workspace.apply(.setRoles(person: "e2e", roles: [.seeding, .finance]), context: context("ana")).summary,
                       "e2e is now seeding and finance")
    }

    func testTheLastAdminCannotBeRemovedOrDemoted() {
        var workspace = ProgramFixture.workspace
        XCTAssertThrowsError(try workspace.apply(.removePerson("ana"), context: context("ana"))) { error in
            XCTAssertEqual("\(error)", "ana is the program's only admin; make someone else admin first (chorus people add NAME --role admin)")
        }
        XCTAssertThrowsError(try workspace.apply(.setRoles(person: "ana", roles: [.ops]), context: context("ana")))
        XCTAssertEqual(workspace.program.people?.roles(of: "ana"), [.admin], "nothing changed")
    }

    func testRemovingSomeoneWhoIsNotThereSaysSo() {
        var workspace = ProgramFixture.workspace
        XCTAssertThrowsError(try workspace.apply(.removePerson("kim"), context: context("ana"))) { error in
            XCTAssertEqual("\(error)", "nobody named kim is among the program's people (chorus people list shows them)")
        }
    }

    func testANameIsALogin() {
        var workspace = ProgramFixture.workspace
        XCTAssertThrowsError(try workspace.apply(.setRoles(person: "Sam Lee", roles: [.ops]), context: context("ana"))) { error in
            XCTAssertEqual("\(error)", "'Sam Lee' is not a login name: a person is named by their login, without spaces or commas")
        }
    }

    func testActingAsIsRefusedUntilAnAdminAllowsIt() throws {
        var workspace = ProgramFixture.workspace
        XCTAssertEqual(workspace.program.actingAsRefusal(actor: "sam", login: "packing"),
                       "acting as sam is not allowed in this program: run chorus as yourself (packing), or an admin allows it with chorus people acting-as allow")
        try workspace.apply(.allowActingAs(true), context: context("ana"))
        XCTAssertNil(workspace.program.actingAsRefusal(actor: "sam", login: "packing"))
        XCTAssertNil(withoutPeople.program.actingAsRefusal(actor: "sam", login: "packing"), "no people list: as today")
    }

    func testRolesAreReadAsTypedAfterRole() throws {
        XCTAssertEqual(try Role.list("seeding, Finance"), [.seeding, .finance])
        XCTAssertThrowsError(try Role.list("seeding,cashier")) { error in
            XCTAssertEqual("\(error)", "'cashier' is not a role; the roles are reader, seeding, ops, finance, importer, admin")
        }
    }
}

extension PeopleCommandsTests {
    func testPeopleWrittenByHandInProgramJSONReadWithoutTheActingAsSetting() throws {
        let json = #"{"people": [{"name": "lena", "roles": ["admin"]}, {"name": "sam", "roles": ["seeding", "ops"]}]}"#
        let people = try JSONDecoder().decode(ProgramPeople.self, from: Data(json.utf8))
        XCTAssertEqual(people.roles(of: "sam"), [.seeding, .ops])
        XCTAssertFalse(people.allowsActingAs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let written = String(decoding: try encoder.encode(people.people[1]), as: UTF8.self)
        XCTAssertEqual(written, #"{"name":"sam","roles":["seeding","ops"]}"#, "roles are written in the table's order, so the file diffs cleanly")
    }
}
