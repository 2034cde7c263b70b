import ChorusCore
@testable import ChorusUI
import XCTest

/// The Pipeline pane as a person sees it, asserted as lines of text at 80×24 and 120×40.
final class PipelineFrameTests: XCTestCase {
    func testPipelineAt80x24() {
        let lines = ConsoleDriver().frame.lines
        XCTAssertEqual(lines.count, 24)
        XCTAssertEqual(Array(lines[0...11]), [
            " 1 Pipeline 2 Seeding 3 Approvals 4 Library 5 Leaderboard 6 Ledger 7 Waves",
            " Pipeline · Wave 1 (live) · 8 creators · sort: stage               left 5000.00",
            " prospect 3  invited 1  onboarding 1  active 1  seeded 1  in review 0  posted 0…",
            "  Handle       Name           Stage▾     Tier   Followers   Eng Source     Score",
            "  @cleo.glow   Cleo Martin    prospect   nano        4.1K  8.2% customer      53",
            "  @ana.lima    Ana Lima       prospect   nano        8.2K  6.1% customer      45",
            "  @ben_makes   Ben Okafor     prospect   micro      23.4K  3.4% inbound       19",
            "  @dara.skin   Dara Nguyen    invited    micro        56K  2.1% marketpl…     16",
            "  @eli.daily   Eli Cohen      onboarding nano        1.9K  4.7% loyalty       35",
            "  @fay.routine Fay Brooks     active     micro      12.7K  3.9% referral      29",
            "  @gus.grooms  Gus Weber      seeded     nano        9.8K  2.8% CRM           17",
            "  @hana.beauty Hana Sato      dropped    micro        31K  5.5% customer      38",
        ])
        XCTAssertTrue(lines[12...22].allSatisfy(\.isEmpty))
        XCTAssertEqual(lines[23], " > forward  < back  i invite  d drop  s sort  S seed  / filter  ? help      1/8")
    }

    func testPipelineAt120x40HasTheSidePanelForTheCursorRow() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("j")
        let frame = console.frame
        XCTAssertEqual(frame.lines.count, 40)
        XCTAssertEqual(frame.line(0), " Chorus  1 Pipeline  2 Seeding  3 Approvals  4 Library  5 Leaderboard  6 Ledger  7 Waves                 Glow Always-On")
        XCTAssertEqual(frame.line(3), "  Handle       Name         Stage▾     Tier   Followers   Eng Source     Score│ Ana Lima")
        XCTAssertEqual(frame.line(5), "  @ana.lima    Ana Lima     prospect   nano        8.2K  6.1% customer      45│ Tier       nano · 8.2K followers")
        XCTAssertEqual(frame.line(4), "  @cleo.glow   Cleo Martin  prospect   nano        4.1K  8.2% customer      53│ Stage      prospect for 3 days")
        XCTAssertEqual(frame.line(2).suffix(11), "│ @ana.lima")
        XCTAssertTrue(frame.lines.contains { $0.hasSuffix("│ Customer   7 orders · 315.00 EUR") })
        XCTAssertEqual(frame.role(of: "@ana.lima    Ana"), .selection)
        XCTAssertTrue(frame.line(39).hasPrefix(" > forward  < back  i invite  d drop  s sort  S seed  / filter  Space mark  Enter details"))
        XCTAssertTrue(frame.line(39).hasSuffix("2/8"))
    }

    func testMarkedRowsShowADotAndTheCount() {
        let frame = ConsoleDriver().press(" ", " ").frame
        XCTAssertEqual(frame.line(4), "● @cleo.glow   Cleo Martin    prospect   nano        4.1K  8.2% customer      53")
        XCTAssertEqual(frame.line(5), "● @ana.lima    Ana Lima       prospect   nano        8.2K  6.1% customer      45")
        XCTAssertEqual(frame.role(of: "@cleo.glow"), .marked)
        XCTAssertTrue(frame.line(23).hasSuffix("2 marked  3/8"))
        XCTAssertEqual(frame.role(of: "2 marked"), .marked)
    }

    func testFilterShowsInTitleAndHighlightsTheMatch() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("/").type("gl")
        XCTAssertEqual(console.frame.line(39), " /gl█   Enter keeps · Esc clears                                                                                    1/1")
        console.press(.enter)
        let frame = console.frame
        XCTAssertTrue(frame.line(1).hasPrefix(" Pipeline · Wave 1 (live) · 1 of 8 creators · filter \"gl\" · sort: stage  "))
        XCTAssertTrue(frame.line(4).hasPrefix("  @cleo.glow"))
        XCTAssertEqual(frame[8, 4].role, .match, "the g of @cleo.glow")
        XCTAssertEqual(frame[9, 4].role, .match, "the l of @cleo.glow")
        XCTAssertEqual(frame[10, 4].role, .selection)
        XCTAssertTrue(frame.line(5).hasPrefix(String(repeating: " ", count: 78) + "│"))
    }

    func testFilterWithNoMatchSaysSo() {
        let frame = ConsoleDriver().press("/").type("zzz").frame
        XCTAssertEqual(frame.line(4), " No creator matches \"zzz\" — Esc clears the filter.")
    }

    func testHelpOverlayAt80x24IsGeneratedFromTheKeyMap() {
        let frame = ConsoleDriver().press("?").frame
        XCTAssertEqual(frame.line(2), " p┌─ Keys: Pipeline · j/k PgUp/PgDn scroll · Esc closes ─────────────────────┐0…")
        XCTAssertEqual(frame.line(3), "  │ Pipeline                                                                 │re")
        XCTAssertEqual(frame.line(4), "  │  >               move forward a stage                                    │53")
        XCTAssertEqual(frame.line(22), "  └──────────────────────────────────────────────────────────────────────────┘")
        for binding in KeyMap.bindings where binding.scope == .pipeline {
            XCTAssertNotNil(frame.row(containing: binding.help), binding.help)
        }
    }

    func testHelpOverlayAt120x40ListsEveryKeyOfThePaneScrollingToTheLast() {
        let console = ConsoleDriver(size: Size(width: 120, height: 40)).press("?")
        let top = console.frame
        console.press("G")
        let bottom = console.frame
        for binding in KeyMap.bindings where binding.scope.applies(to: .pipeline) {
            XCTAssertNotNil(top.row(containing: binding.help) ?? bottom.row(containing: binding.help), "help lacks \(binding.help)")
        }
        XCTAssertNotNil(top.row(containing: "Everywhere"))
    }

    func testDetailOverlayOpensOnEnter() {
        let frame = ConsoleDriver().press("j").press(.enter).frame
        XCTAssertNotNil(frame.row(containing: "┌─ @ana.lima — e edits · Esc closes"))
        XCTAssertNotNil(frame.row(containing: "Customer   7 orders · 315.00 EUR"))
        XCTAssertNotNil(frame.row(containing: "Fit score  45 of 100"))
    }

    func testDropPromptAt80x24() {
        let frame = ConsoleDriver().press(" ", " ", "d").type("not a fit").frame
        XCTAssertEqual(frame.line(23), " Drop 2 creators — reason: not a fit█   Enter drops · Esc cance…  2 marked  3/8")
    }

    func testPaletteListsCompletions() {
        let frame = ConsoleDriver(size: Size(width: 120, height: 40)).press(":").type("th").frame
        XCTAssertTrue(frame.line(39).hasPrefix(" :th█   Tab completes · Enter runs · Esc cancels"))
        XCTAssertEqual(frame.line(36), "┌─ commands ───────────┐" + String(repeating: " ", count: 54) + "│")
        XCTAssertEqual(frame.line(37), "│ theme                │" + String(repeating: " ", count: 54) + "│")
        XCTAssertEqual(frame.role(of: "theme "), .selection)
    }

    func testTooSmallShowsBothSizesAndStillQuits() {
        let console = ConsoleDriver(size: Size(width: 50, height: 10))
        XCTAssertEqual(console.frame.lines, [
            "", "", "",
            "            Terminal too small: 50×10",
            "           Chorus needs at least 60×15",
            "                     q quits",
            "", "", "", "",
        ])
        console.press("j", "q")
        XCTAssertTrue(console.console.wantsQuit)
    }

    func testResizingKeepsTheFrameWholeAndTheCursorVisible() {
        let console = ConsoleDriver(Sample.workspace(extraCreators: Self.many(60)), size: Size(width: 120, height: 40))
        console.press("G")
        for (width, height) in [(80, 24), (200, 60), (61, 15), (30, 5), (1, 1), (0, 0), (80, 24)] {
            console.resize(width, height)
            let frame = console.frame
            XCTAssertEqual(frame.lines.count, height)
            XCTAssertTrue(frame.lines.allSatisfy { TextWidth.columns(of: $0) <= width })
        }
        XCTAssertEqual(console.state.pipeline.cursor, 67, "still on the last row")
        XCTAssertTrue(console.frame.line(22).hasPrefix("  @hana.beauty"), "the last row is on screen")
        XCTAssertEqual(console.frame.role(of: "@hana.beauty"), .selection)
    }

    func testUsesTheRoomAt200x60() {
        let frame = ConsoleDriver(size: Size(width: 200, height: 60)).frame
        XCTAssertEqual(frame.line(3).prefix(100),
                       "  Handle                           Name                                                   Stage▾    ")
        XCTAssertTrue(frame.line(2).hasSuffix("out 1" + String(repeating: " ", count: 42) + "│ @cleo.glow"))
        XCTAssertTrue(frame.line(3).hasSuffix("Score│ Cleo Martin"))
    }

    func testAProgramWithoutWavesSaysSo() {
        let empty = Workspace(program: Program(name: "Empty", brand: "E", currency: .eur, landingURL: "https://e.example"))
        let frame = ConsoleDriver(empty).frame
        XCTAssertEqual(frame.line(1), " Pipeline · 0 creators · sort: stage")
        XCTAssertEqual(frame.line(4), " No waves yet: 7 then n starts one; R lists the creators to recruit.")
    }

    /// A brand starting out imports its creators before it plans a wave: the recruit view lists
    /// them, best fit first, and inviting says what is missing rather than "no creator".
    func testBeforeTheFirstWaveTheRecruitViewListsTheCreatorsAndInvitingAsksForAWave() {
        let workspace = Workspace(program: Program(name: "New", brand: "N", currency: .eur, landingURL: "https://n.example"),
                                  creators: [Sample.creator(1, "ingrid.on.trails", "Ingrid Dahl", followers: 4_000, engagement: 0.05),
                                             Sample.creator(2, "priya.makes", "Priya Shah", followers: 15_800, engagement: 0.03)])
        let console = ConsoleDriver(workspace)
        let recruit = console.press(.character("R")).frame
        XCTAssertTrue(recruit.line(1).hasPrefix(" Recruit · 2 creators"), recruit.line(1))
        XCTAssertTrue(recruit.line(4).contains("Ingrid Dahl"), recruit.line(4))
        XCTAssertTrue(recruit.line(5).contains("Priya Shah"), recruit.line(5))
        let invited = console.press(.character(" ")).press(.character("i")).frame
        XCTAssertTrue(invited.lines.last?.contains(Pane.noWavesYet()) ?? false, invited.lines.last ?? "")
        XCTAssertEqual(console.session.workspace.enrollments.count, 0)
    }

    /// The first wave, saved in the Waves pane, is the one the Pipeline shows from then on.
    func testTheFirstWaveSavedIsTheOneThePipelineShows() {
        let workspace = Workspace(program: Program(name: "New", brand: "N", currency: .eur, landingURL: "https://n.example"),
                                  creators: [Sample.creator(1, "ingrid.on.trails", "Ingrid Dahl", followers: 4_000, engagement: 0.05)])
        let console = ConsoleDriver(workspace)
        let saved = console.press(.character("7"), .character("n"), .control("s")).frame
        XCTAssertTrue(saved.lines.last?.contains("created wave Wave 1") ?? false, saved.lines.last ?? "")
        let pipeline = console.press(.character("1")).frame
        XCTAssertTrue(pipeline.line(1).hasPrefix(" Pipeline · Wave 1 (planning) · 0 creators"), pipeline.line(1))
        let recruit = console.press(.character("R")).frame
        XCTAssertTrue(recruit.line(1).hasPrefix(" Recruit · for Wave 1, creators in no wave · 1 creator"), recruit.line(1))
        _ = console.press(.character(" "), .character("i"))
        XCTAssertEqual(console.workspace.enrollments.count, 1, "invited into the new wave")
    }

    /// The first wave's creation undone: the Pipeline has no wave again, and the next wave
    /// saved is the one it shows (not the one that is gone).
    func testUndoingTheFirstWaveLeavesNoWaveAndTheNextOneSavedIsShown() {
        let console = ConsoleDriver(Workspace(program: Program(name: "New", brand: "N", currency: .eur, landingURL: "https://n.example")))
        _ = console.press(.character("7"), .character("n"), .control("s"), .character("z"))
        XCTAssertTrue(console.workspace.waves.isEmpty)
        XCTAssertNil(console.state.pipeline.waveID)
        XCTAssertTrue(console.press(.character("1")).frame.line(4).hasPrefix(" No waves yet"))
        _ = console.press(.character("7"), .character("n"), .control("u")).type("Second try").press(.control("s"), .character("1"))
        XCTAssertTrue(console.frame.line(1).hasPrefix(" Pipeline · Second try (planning)"), console.frame.line(1))
    }

    /// A colleague saves the program's first wave: this console works in it once it follows.
    func testAColleaguesFirstWaveIsTheOneThePipelineShows() throws {
        let console = ConsoleDriver(Workspace(program: Program(name: "New", brand: "N", currency: .eur, landingURL: "https://n.example")))
        XCTAssertTrue(console.frame.line(4).hasPrefix(" No waves yet"))
        try console.session.colleague("maria", .createWave(Sample.wave(Sample.wave1, "Maria's wave", .live)))
        _ = console.console.followColleagues()
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave1)
        XCTAssertTrue(console.frame.line(1).hasPrefix(" Pipeline · Maria's wave (live)"), console.frame.line(1))
    }

    static func many(_ count: Int) -> [Creator] {
        (1...count).map { Sample.creator(100 + $0, "x\($0)", "Extra \($0)", followers: 1_000, engagement: 0.001) }
    }
}
