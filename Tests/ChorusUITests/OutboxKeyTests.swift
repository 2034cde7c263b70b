import ChorusCore
@testable import ChorusUI
import XCTest

/// Chasing late creators from the Pipeline: `L` shows whose content is overdue, `:due +7d`
/// gives marked ones more time, and `m` asks which message to draft for them.
final class OutboxKeyTests: XCTestCase {
    let eli = CreatorID("CR-0005"), fay = CreatorID("CR-0006")

    /// Wave 1's reel was due two days ago; Eli (onboarding), Fay (active) and Gus (seeded) owe it.
    private func lateConsole() throws -> ConsoleDriver {
        var workspace = Sample.workspace()
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.brief.deliverables = [Deliverable(id: "D-1", platform: .instagram, format: .reel, dueDate: Sample.today.adding(days: -2))]
        try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        return ConsoleDriver(workspace, size: Size(width: 120, height: 40))
    }

    func testLShowsOnlyTheLateCreatorsAndDueGivesMarkedOnesMoreTime() throws {
        let console = try lateConsole().press("L")
        XCTAssertTrue(console.frame.line(1).contains("3 of 8 creators · late and quiet only"), console.frame.line(1))
        XCTAssertTrue(console.frame.lines.contains { $0.hasSuffix("│ Due        2025-03-08 · 2d late") })

        console.press(" ", " ", ":").type("due +7d").press(.enter)
        XCTAssertEqual(console.session.performed.last, .setDueDate(creators: [eli, fay], wave: Sample.wave1, change: .later(days: 7)))
        XCTAssertEqual(console.workspace.enrollment(eli, in: Sample.wave1)?.dueDate, Day("2025-03-15"))
        XCTAssertTrue(console.frame.line(1).contains("1 of 8 creators · late and quiet only"), console.frame.line(1))

        console.press("L")
        XCTAssertTrue(console.frame.line(1).contains("8 creators"), console.frame.line(1))
    }

    func testADueThatIsNotADateSaysHowToWriteOne() throws {
        let console = try lateConsole().press(":").type("due next week").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "write due +7d or due 2027-01-15"))
        XCTAssertTrue(console.session.performed.isEmpty)
    }

    func testMAsksForTheKindOfMessageAndNamesTheKindsWhenItIsUnknown() throws {
        let console = try lateConsole().press("L", " ", " ", "m")
        XCTAssertEqual(console.state.prompt?.purpose, .outboxKind([eli, fay], wave: Sample.wave1))
        XCTAssertTrue(console.frame.line(39).hasPrefix(" Message 2 creators — kind"), console.frame.line(39))

        console.type("lat").press(.enter)
        XCTAssertEqual(console.state.message?.text, "no kind of message \"lat\"; one of \(MessageKind.names)")
        XCTAssertEqual(console.state.prompt?.text, "lat", "the prompt stays to be corrected")
        console.press(.escape)
        XCTAssertNil(console.state.prompt)
    }
}

/// `m` works on whatever rows are marked: parcels in Seeding are their creators.
final class OutboxInOtherPanesKeyTests: XCTestCase {
    func testMOnMarkedParcelsAsksToMessageTheirCreators() {
        let console = ConsoleDriver(SeedingSample.workspace(), size: Size(width: 120, height: 40)).press("2", " ", " ", "m")
        guard case .outboxKind(let ids, let wave)? = console.state.prompt?.purpose else {
            return XCTFail("no outbox prompt: \(String(describing: console.state.message))")
        }
        let parcels = console.workspace.shipments.filter { ids.contains($0.creatorID) }
        XCTAssertEqual(ids.count, 2)
        XCTAssertTrue(parcels.allSatisfy { $0.waveID == wave })
    }

    func testMInAPaneWithoutCreatorRowsSaysWhereItWorks() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("7", "m")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "m works in the Pipeline, Seeding, Approvals and Library panes"))
    }
}

/// The preview shows each message whole: long lines wrap at spaces and keep their indent.
final class OutboxPreviewWrappingTests: XCTestCase {
    func testALongBodyLineWrapsAtSpacesKeepingItsIndent() {
        let line = "   Your content for Wave 2 — Summer SPF was due on 2026-11-16. If you need more time, reply."
        XCTAssertEqual(OutboxUpdate.wrapped([line, "   Hi Zoë,"], width: 40), [
            "   Your content for Wave 2 — Summer SPF",
            "   was due on 2026-11-16. If you need",
            "   more time, reply.",
            "   Hi Zoë,",
        ])
    }
}
