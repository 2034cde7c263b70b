import ChorusCore
@testable import ChorusUI
import XCTest

/// At 80×24 every detail overlay shows what a decision needs: what does not fit scrolls into
/// view with j/k and PgUp/PgDn (in the draft detail, where j/k go to the next draft, with
/// PgUp/PgDn), long values wrap instead of being cut, and a wider terminal gives a wider box.
final class OverlayScrollTests: XCTestCase {
    private let longCaption = String(repeating: "Morning routine with @glow #GlowUp #ad and a long story about skin ", count: 4)

    func testTheDraftDetailScrollsToTheBriefsDueDateAndRightsWithPageDown() {
        let console = ConsoleDriver(ApprovalsSample.workspace(captions: [1: longCaption]))
        console.press("3", .enter)
        XCTAssertNil(console.frame.row(containing: "Rights organic repost"), "the brief is below the fold at first\n\(console.dump)")
        XCTAssertNotNil(console.frame.row(containing: "lines 1–19 of 24 · j/k PgUp/PgDn scroll"), console.dump)
        console.press(.pageDown)
        XCTAssertNotNil(console.frame.row(containing: "Due 2025-03-17"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "Rights organic repost, paid social · worldwide · 90 days"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "lines 6–24 of 24"), console.dump)
        console.press(.pageUp)
        XCTAssertNotNil(console.frame.row(containing: "SU-0001 · @ana.lima"), console.dump)

        console.press(.pageDown, "j")
        XCTAssertEqual(console.state.approvals.cursor, 1, "j still goes to the next draft")
        XCTAssertNotNil(console.frame.row(containing: "SU-0002 · @ben_makes"), "and shows it from its top\n\(console.dump)")
    }

    func testALongBriefLineWrapsInTheDraftDetailSoItsLastWordIsShown() throws {
        var workspace = ApprovalsSample.workspace()
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.brief.bannedWords = ["miracle", "cures", "heals", "medical grade", "anti-aging guaranteed", "clinically proven",
                                  "dermatologist approved", "instant results", "zero side effects", "lasts forever"]
        _ = try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace).press("3", .enter, .pageDown)
        XCTAssertNotNil(console.frame.row(containing: "Avoid miracle, cures,"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "lasts forever"), "the end of a long line is wrapped into view\n\(console.dump)")
    }

    func testACreatorsDetailScrollsLineByLineAndStopsAtItsLastLine() {
        let console = ConsoleDriver(size: Size(width: 80, height: 16)).press("j", .enter)
        let lines = console.frame
        XCTAssertNotNil(lines.row(containing: "@ana.lima — e edits · Esc closes"), console.dump)
        console.press("G")
        let limit = console.state.overlayScroll
        XCTAssertGreaterThan(limit, 0, "the detail is taller than 80×16\n\(console.dump)")
        XCTAssertNotNil(console.frame.row(containing: "Link slug"), "G shows the last line\n\(console.dump)")
        console.press("j", "j", .pageDown)
        XCTAssertEqual(console.state.overlayScroll, limit, "past the end stays at the end")
        console.press("k")
        XCTAssertEqual(console.state.overlayScroll, limit - 1, "so the first k moves up at once")
        console.press("g")
        XCTAssertEqual(console.state.overlayScroll, 0)
        XCTAssertEqual(console.state.pipeline.cursor, 1, "the list behind does not move")
        console.press(.escape, .enter)
        XCTAssertEqual(console.state.overlayScroll, 0, "a detail opens at its top")
    }

    func testALongLicenceNoteWrapsInsideTheAssetDetailInsteadOfBeingCut() throws {
        var workspace = LibrarySample.workspace()
        var asset = try XCTUnwrap(workspace.asset("AS-0001"))
        let note = "Licensed for the spring campaign only; the creator asked that the clip is never cut shorter than 15 seconds and that her face is not cropped"
        asset.rights?.note = note
        _ = try workspace.apply(.setUsageRights(asset: asset.id, rights: asset.rights), context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace)
        console.press("4", "/").type("AS-0001").press(.enter, .enter)
        let text = console.frame.lines.joined(separator: "\n")
        let shown = console.frame.lines.compactMap { line -> String? in
            guard let start = line.firstIndex(of: "│"), let end = line.lastIndex(of: "│"), start < end else { return nil }
            return String(line[line.index(after: start)..<end]).trimmingCharacters(in: .whitespaces)
        }
        let noteLines = shown.drop { !$0.hasPrefix("Note") }.prefix { !$0.isEmpty }
        XCTAssertEqual(noteLines.map { $0.hasPrefix("Note") ? String($0.dropFirst(4)) : $0 }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "), note, text)
        XCTAssertNotNil(console.frame.row(containing: "Territory  DE,AT"), text)
    }

    func testTheHelpScrollsByPagesAndStopsAtItsEnd() {
        let console = ConsoleDriver().press("?", .pageDown, .pageDown, .pageDown)
        guard case .help(let scroll)? = console.state.overlay else { return XCTFail("help is open") }
        XCTAssertEqual(scroll, HelpOverlay.scrollLimit(for: .pipeline, in: Layout(size: console.state.size).body))
        XCTAssertNotNil(console.frame.row(containing: "quit (everything is already saved)"), console.dump)
        console.press("k")
        XCTAssertEqual(console.state.overlay, .help(scroll: scroll - 1), "the first k after the end moves up")
    }

    func testALongKeySentenceInTheHelpWrapsAt80x24() {
        let console = ConsoleDriver(ApprovalsSample.workspace()).press("3", "?")
        XCTAssertEqual(KeyMap.bindings.first { $0.action == .approveSubmissions }?.help,
                       "approve (refused, naming the failing checks, unless every check passes)")
        let first = console.frame.row(containing: "a               approve (refused, naming the failing checks, unless")
        XCTAssertNotNil(first, console.dump)
        XCTAssertEqual(console.frame.row(containing: "every check passes)"), first.map { $0 + 1 }, "the rest on the next line\n\(console.dump)")
    }

    func testAWideTerminalGivesTheOverlayItsWidth() {
        let narrow = ConsoleDriver(ApprovalsSample.workspace(captions: [1: longCaption])).press("3", .enter)
        let wide = ConsoleDriver(ApprovalsSample.workspace(captions: [1: longCaption]), size: Size(width: 200, height: 60)).press("3", .enter)
        func boxWidth(_ console: ConsoleDriver) -> Int {
            let line = console.frame.line(console.frame.row(containing: "SU-0001 — Enter or Esc closes")!)
            return line.distance(from: line.firstIndex(of: "┌")!, to: line.firstIndex(of: "┐")!) + 1
        }
        XCTAssertEqual(boxWidth(narrow), 76)
        XCTAssertEqual(boxWidth(wide), DetailOverlay.readingWidth)
        XCTAssertNil(wide.frame.row(containing: "lines 1–"), "everything fits: no scroll note\n\(wide.dump)")
    }

    func testTheWavesBriefPanelScrollsWithJAndKToTheLastDueDate() throws {
        var workspace = SeedingSample.workspace()
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.brief.keyMessages = (1...6).map { "Key message number \($0): the serum absorbs in seconds and leaves no film on the skin, even under sunscreen" }
        wave.brief.deliverables = (1...5).map { Deliverable(id: DeliverableID("D-\($0)"), platform: .instagram, format: .reel,
                                                          dueDate: Sample.today.adding(days: 7 * $0)) }
        _ = try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace).press("7")
        XCTAssertNotNil(console.frame.row(containing: "J/K scroll"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "           film on the skin, even under sunscreen"), "messages wrap, not cut\n\(console.dump)")
        let lastDue = "due \(Sample.today.adding(days: 35))"
        XCTAssertNil(console.frame.row(containing: lastDue), console.dump)
        for _ in 0..<10 { console.press("J") }
        XCTAssertNotNil(console.frame.row(containing: lastDue), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "Incentives"), console.dump)
        let bottom = console.state.waves.detailScroll
        console.press("K")
        XCTAssertLessThan(console.state.waves.detailScroll, bottom, "K moves back up at once")
        console.press("j", "k")
        XCTAssertEqual(console.state.waves.detailScroll, 0, "another wave's brief starts at its top")
    }

    func testWordWrapBreaksAtSpacesAndSplitsOnlyWordsWiderThanALine() {
        XCTAssertEqual(WordWrap.lines("the quick brown fox", width: 10), ["the quick", "brown fox"])
        XCTAssertEqual(WordWrap.lines("https://example.com/a/very/long/path", width: 12), ["https://exam", "ple.com/a/ve", "ry/long/path"])
        XCTAssertEqual(WordWrap.lines("", width: 5), [""])
        XCTAssertEqual(WordWrap.lines("夏の肌 ok", width: 6), ["夏の肌", "ok"])
    }
}
