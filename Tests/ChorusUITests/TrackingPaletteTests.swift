import ChorusCore
@testable import ChorusUI
import XCTest

/// Codes and link slugs edited from the `:` palette in the Pipeline pane: one undoable
/// command each, collisions resolved or refused with a sentence that says why.
final class TrackingPaletteTests: XCTestCase {
    /// @hana.beauty already holds ANALIMA15, so @ana.lima's code collides.
    static func workspaceWithATakenCode() -> Workspace {
        var workspace = Sample.workspace()
        _ = try! workspace.apply(.addDiscountCodes([DiscountCode(code: "ANALIMA15", creatorID: "CR-0008", waveID: nil, kind: .fixed, value: 500)]),
                                 context: CommandContext(now: Sample.now, actor: "test"))
        return workspace
    }

    func testCodesForTwoMarkedCreatorsResolveACollisionAndUndoTogether() {
        let console = ConsoleDriver(Self.workspaceWithATakenCode())
        console.press(" ", " ", ":").type("codes {HANDLE}15 percent 15 limit 100 once").press(.enter)

        XCTAssertEqual(console.state.message, StatusMessage(.success, "made 2 codes, e.g. ANALIMA15-2 for @ana.lima"))
        let ana = console.workspace.discountCodes.first { $0.creatorID == "CR-0001" }
        let cleo = console.workspace.discountCodes.first { $0.creatorID == "CR-0003" }
        XCTAssertEqual(ana?.code, "ANALIMA15-2")
        XCTAssertEqual(cleo?.code, "CLEOGLOW15")
        XCTAssertEqual(cleo, DiscountCode(code: "CLEOGLOW15", creatorID: "CR-0003", waveID: Sample.wave1, kind: .percent, value: 1_500,
                                          usageLimit: 100, oncePerCustomer: true))
        XCTAssertTrue(console.state.pipeline.marks.isEmpty)
        XCTAssertEqual(console.session.performed.count, 1, "one command, so one undo")

        console.press("k", .enter)
        XCTAssertNotNil(console.frame.row(containing: "Code       ANALIMA15-2 · 15 % · 100 uses"), console.dump)

        console.press(.escape, "z")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "undone: made 2 codes, e.g. ANALIMA15-2 for @ana.lima"))
        XCTAssertEqual(console.workspace.discountCodes.map(\.code), ["ANALIMA15"])
    }

    func testAFixedCodeForTheCursorCreatorWhenNothingIsMarked() {
        let console = ConsoleDriver()
        console.press(":").type("codes glow{handle} fixed 10.00").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "made 1 code, e.g. GLOWCLEOGLOW for @cleo.glow"))
        XCTAssertEqual(console.workspace.discountCodes, [DiscountCode(code: "GLOWCLEOGLOW", creatorID: "CR-0003", waveID: Sample.wave1,
                                                                      kind: .fixed, value: 1_000, oncePerCustomer: false)])
    }

    func testACodeWithAValidityWindowAndAUsageLimit() {
        let console = ConsoleDriver()
        console.press(":").type("codes {HANDLE}20 percent 20 limit 100 once from 2026-12-01 until 2026-12-31").press(.enter)
        XCTAssertEqual(console.workspace.discountCodes, [DiscountCode(code: "CLEOGLOW20", creatorID: "CR-0003", waveID: Sample.wave1,
                                                                      kind: .percent, value: 2_000, usageLimit: 100, oncePerCustomer: true,
                                                                      validFrom: Day("2026-12-01"), validUntil: Day("2026-12-31"))])
    }

    func testCodesExplainWhatIsMissingAndChangeNothing() {
        let cases = [
            ("codes {HANDLE}15", CodeBatchRequest.usage),
            ("codes SPRING15 percent 15", "the code pattern 'SPRING15' has no {HANDLE}; every creator would get the same code"),
            ("codes {HANDLE}15 percent zero", "'zero' is not a percentage above zero"),
            ("codes {HANDLE}15 half 15", "'half' is not a kind of discount: percent or fixed"),
            ("codes {HANDLE}15 percent 15 limit", "limit takes a number of uses, 1 or more"),
            ("codes {HANDLE}15 percent 15 until soon", "until takes a date like 2026-12-31"),
        ]
        for (line, message) in cases {
            let console = ConsoleDriver()
            console.press(":").type(line).press(.enter)
            XCTAssertEqual(console.state.message?.text, message, line)
            XCTAssertTrue(console.workspace.discountCodes.isEmpty, line)
        }
    }

    func testSlugEditShowsInTheDetailRefusesATakenSlugAndUndoes() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40))
        console.press(":").type("slug Glow-Cleo").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "link slug of @cleo.glow is now glow-cleo"))
        XCTAssertEqual(console.workspace.creator(handle: "cleo.glow")?.linkSlug, "glow-cleo")
        XCTAssertTrue(console.frame.lines.contains { $0.hasSuffix("│ Link slug  glow-cleo") }, console.dump)

        console.press(":").type("slug ana.lima").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.error, "the link slug ana.lima is already @ana.lima's; pick another"))
        XCTAssertEqual(console.workspace.creator(handle: "cleo.glow")?.linkSlug, "glow-cleo")

        console.press(":").type("slug two words").press(.enter)
        XCTAssertEqual(console.state.message?.kind, .warning)

        console.press("z")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "undone: link slug of @cleo.glow is now glow-cleo"))
        XCTAssertNil(console.workspace.creator(handle: "cleo.glow")?.linkSlug)
        XCTAssertTrue(console.frame.lines.contains { $0.hasSuffix("│ Link slug  cleo.glow") }, console.dump)
    }

    func testThePaletteAndHelpListTheTrackingCommands() {
        let vocabulary = CommandPalette.Vocabulary(themes: [], waves: [])
        XCTAssertEqual(CommandPalette.candidates(for: "co", vocabulary), ["codes ", "copy-wave"])
        XCTAssertEqual(CommandPalette.complete("sl", vocabulary), "slug ")
        XCTAssertTrue(HelpOverlay.lines(for: .pipeline).contains { $0.keys == ":codes" })
        XCTAssertFalse(HelpOverlay.lines(for: .seeding).contains { $0.keys == ":slug" })

        let console = ConsoleDriver()
        console.press("2", ":").type("slug x").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "that works in the Pipeline pane (1)"))
    }
}
