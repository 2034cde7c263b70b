import ChorusCore
@testable import ChorusUI
import XCTest

/// An ops coordinator triaging the approval inbox (3): one key per draft, notes and reasons
/// typed on one line, bulk decisions on marked drafts, and a gate no undisclosed ad gets through.
final class ApprovalsKeyTests: XCTestCase {
    private func status(_ console: ConsoleDriver, _ number: Int) -> SubmissionStatus? {
        console.workspace.submission(ApprovalsSample.id(number))?.status
    }

    private func cursorDraft(_ console: ConsoleDriver) -> SubmissionID? {
        console.console.inbox.id(at: console.state.approvals.cursor)
    }

    func testOneKeyTriageWorksThroughAQueueOfFive() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3")
        XCTAssertEqual(cursorDraft(console), ApprovalsSample.id(1), "the oldest pending draft comes first")
        console.press("a")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "approved SU-0001 @ana.lima"))
        XCTAssertEqual(cursorDraft(console), ApprovalsSample.id(2), "the cursor rests on the next pending draft")
        console.press("c").type("Please show the texture").press(.enter)
        XCTAssertEqual(cursorDraft(console), ApprovalsSample.id(3))
        console.press("x").type("Off-brief").press(.enter)
        console.press("a", "a")
        XCTAssertEqual((1...5).map { status(console, $0) }, [.approved, .changesRequested, .rejected, .approved, .approved])
        XCTAssertTrue(console.frame.lines.contains { $0.contains("Inbox zero") }, console.dump)
        XCTAssertEqual(console.workspace.assets.map(\.submissionID), [ApprovalsSample.id(1), ApprovalsSample.id(4), ApprovalsSample.id(5)],
                       "each approval made a library asset")
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(2))?.reviews.last?.note, "Please show the texture")
    }

    /// Extra content, outside the brief's deliverables: `a` says the new asset has no usage
    /// rights, as the approval is applied, instead of leaving "no rights" to be found in the Library.
    func testApprovingExtraContentSaysTheAssetHasNoRights() throws {
        var workspace = ApprovalsSample.workspace()
        var draft = try XCTUnwrap(workspace.submission(ApprovalsSample.id(1)))
        draft.deliverableID = nil
        try workspace.apply(.reject([draft.id], reason: "replaced"), context: CommandContext(now: Sample.now, actor: "test"))
        draft.id = "SU-0099"
        try workspace.apply(.addSubmissions([draft]), context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace)
        console.press("3")
        for _ in 0..<10 where cursorDraft(console) != "SU-0099" { console.press("j") }
        console.press("a")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "approved SU-0099 @ana.lima; it has no usage rights agreed in the brief"))
        XCTAssertNil(console.workspace.assets.first { $0.submissionID == "SU-0099" }?.rights)
        console.press("z")
        XCTAssertEqual(console.state.message, StatusMessage(.success, "undone: approved SU-0099 @ana.lima"),
                       "the undo takes back the approval, not the warning")
    }

    func testApprovingAFailingDraftIsRefusedNamingTheCheckAndOverrideRecordsWhoWhenWhy() throws {
        let console = ConsoleDriver(ApprovalsSample.workspace(failing: [1]))
        console.press("3", "a")
        XCTAssertEqual(status(console, 1), .pending)
        XCTAssertEqual(console.state.message?.kind, .error)
        XCTAssertEqual(console.state.message?.text, "not approved: SU-0001 ad disclosure missing (#ad, #sponsored, paid partnership, #gifted) · o overrides")
        XCTAssertTrue(console.dump.contains("not approved: SU-0001 ad disclosure missing"), console.dump)
        XCTAssertEqual(cursorDraft(console), ApprovalsSample.id(1), "a refusal does not move on")

        console.press("o", .enter)
        XCTAssertEqual(console.state.message?.text, "a reason is required to approve despite a failing check")
        XCTAssertNotNil(console.state.prompt, "an empty reason keeps the prompt open")
        console.type("Disclosed by the paid-partnership label").press(.enter)
        XCTAssertEqual(status(console, 1), .approved)
        let review = try XCTUnwrap(console.workspace.submission(ApprovalsSample.id(1))?.reviews.last)
        XCTAssertEqual(review.action, .approvedWithOverride)
        XCTAssertEqual(review.reviewer, "test")
        XCTAssertEqual(review.at, Sample.now)
        XCTAssertEqual(review.note, "Disclosed by the paid-partnership label")
        XCTAssertEqual(review.overriddenChecks, ["ad disclosure missing (#ad, #sponsored, paid partnership, #gifted)"])
    }

    func testOverrideOnMarkedDraftsApprovesThoseThatPassAndRecordsTheReasonOnEachFailingOne() {
        let console = ConsoleDriver(ApprovalsSample.workspace(failing: [1, 3]))
        console.press("3", " ", " ", " ", "o")
        XCTAssertTrue(console.dump.contains("Override the failing checks of 2 drafts — reason:"), console.dump)
        console.type("Client signed off on the label").press(.enter)
        XCTAssertEqual((1...4).map { status(console, $0) }, [.approved, .approved, .approved, .pending])
        XCTAssertEqual([1, 2, 3].map { console.workspace.submission(ApprovalsSample.id($0))?.reviews.last?.action },
                       [.approvedWithOverride, .approved, .approvedWithOverride])
        XCTAssertEqual(console.workspace.submission(ApprovalsSample.id(3))?.reviews.last?.note, "Client signed off on the label")
    }

    func testOverrideOnADraftThatPassesSaysToApproveInstead() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3", "o")
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.state.message?.text, "SU-0001 @ana.lima passes every check: a approves")
    }

    func testBulkApproveOfMarkedDraftsLeavesTheFailingOnePendingAndNamesIt() {
        let console = ConsoleDriver(ApprovalsSample.workspace(failing: [3]))
        console.press("3", " ", " ", " ", " ", "a")
        XCTAssertTrue(console.frame.lines.last?.contains("Approve 4 marked? y/n") == true, console.dump)
        console.press("n")
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual((1...4).map { status(console, $0) }, [.pending, .pending, .pending, .pending], "n approves nothing")

        console.press("a", "y")
        XCTAssertEqual((1...5).map { status(console, $0) }, [.approved, .approved, .pending, .approved, .pending])
        XCTAssertEqual(console.state.message?.text,
                       "approved 3 drafts; left pending: SU-0003 @cleo.glow (ad disclosure missing (#ad, #sponsored, paid partnership, #gifted)) — o approves with override")
        XCTAssertEqual(console.state.approvals.marks, [], "the marks are cleared")
        XCTAssertEqual(console.state.undoStack.count, 1, "one undoable change")
        console.press("z")
        XCTAssertEqual((1...4).map { status(console, $0) }, [.pending, .pending, .pending, .pending])
        XCTAssertTrue(console.workspace.assets.isEmpty, "undo takes the assets back too")
    }

    func testRequestChangesAndRejectOnMarkedDraftsTakeOneNote() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3", " ", " ", "c")
        XCTAssertTrue(console.dump.contains("Request changes on 2 drafts — note:"), console.dump)
        console.press(.enter)
        XCTAssertEqual(console.state.message?.text, "a note is required: what should the creator change?")
        console.type("Add the routine step").press(.enter)
        XCTAssertEqual([status(console, 1), status(console, 2)], [.changesRequested, .changesRequested])
        XCTAssertEqual(console.state.message?.text, "changes requested on 2 drafts")
        XCTAssertEqual(console.state.approvals.view, .pending)
        XCTAssertEqual(console.console.inbox.count, 3, "changes-requested drafts leave the pending list")
        console.press("g", " ", " ", "x").type("Wrong product").press(.enter)
        XCTAssertEqual([status(console, 3), status(console, 4)], [.rejected, .rejected])
    }

    func testARecordedResubmissionComesBackPendingAsTheNextRoundWithItsDiff() {
        let console = ConsoleDriver(ApprovalsSample.workspace(failing: [1]), size: Size(width: 120, height: 40))
        console.press("3", "c").type("Add #ad at the start").press(.enter)
        console.press("r")
        XCTAssertEqual(console.state.message?.text, "SU-0002 is pending; a resubmission is recorded for a draft sent back for changes (f shows them)")
        console.press("f", "f")   // pending → overdue → changes requested
        XCTAssertEqual(console.state.approvals.view, .changesRequested)
        XCTAssertEqual(cursorDraft(console), ApprovalsSample.id(1))
        console.press("r")
        XCTAssertEqual(console.state.prompt?.text, "Morning routine with @glow #GlowUp", "the new round starts from the caption there is")
        console.press(.home).type("#ad ").press(.enter)
        XCTAssertEqual(console.state.message?.text, "recorded round 2 of SU-0001")
        let draft = console.workspace.submission(ApprovalsSample.id(1))
        XCTAssertEqual(draft?.round, 2)
        XCTAssertEqual(draft?.status, .pending)
        XCTAssertEqual(draft?.submittedAt, Sample.now, "the new round ages from today")

        console.press(.escape)   // back to the pending view
        XCTAssertEqual(console.state.approvals.view, .pending)
        console.press("G")
        XCTAssertEqual(cursorDraft(console), ApprovalsSample.id(1), "the newest round goes to the back of the queue")
        let frame = console.frame
        XCTAssertNotNil(frame.row(containing: "Changes since round 1"), console.dump)
        let diffRow = frame.row(containing: "+#ad Morning")
        XCTAssertNotNil(diffRow, console.dump)
        XCTAssertEqual(frame.role(of: "+#ad"), .success)
        XCTAssertNotNil(frame.row(containing: "test requested changes"), console.dump)
        XCTAssertNotNil(frame.row(containing: "Add #ad at the start"), "the note is in the history\n\(console.dump)")
        XCTAssertNotNil(frame.row(containing: "test resubmitted (round 2)"), console.dump)
    }

    func testOverdueDraftsStandOutAndAgeInBusinessDays() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3")
        let frame = console.frame
        XCTAssertNotNil(frame.row(containing: "5 pending · 1 overdue"), console.dump)
        let oldest = try? XCTUnwrap(frame.row(containing: "SU-0001"))
        XCTAssertTrue(frame.lines[oldest ?? 0].hasPrefix("! SU-0001"), console.dump)
        XCTAssertEqual(frame.role(of: "4d overdue"), .selection, "the selected row keeps the selection colour")
        console.press("j")
        XCTAssertEqual(console.frame.role(of: "4d overdue"), .warning, "Tuesday to Monday: four business days")
        XCTAssertTrue(console.frame.lines.contains { $0.contains("SU-0003") && $0.contains(" 1d ") }, "Friday to Monday is one business day\n\(console.dump)")
        XCTAssertTrue(console.frame.lines.contains { $0.contains("SU-0004") && $0.contains(" 1d ") },
                      "a draft sent on Saturday is as old on Monday as Friday's\n\(console.dump)")
        XCTAssertTrue(console.frame.lines.contains { $0.contains("SU-0005") && $0.contains(" 0d ") }, "sent this morning\n\(console.dump)")
    }

    func testNewsFromTheBackgroundDoesNotWipeTheOutcomeOfTheLastDecision() {
        let console = ConsoleDriver(ApprovalsSample.workspace(), size: Size(width: 120, height: 40))
        console.press("3", "a")
        let approved = console.state.message?.text ?? ""
        XCTAssertTrue(approved.hasPrefix("approved SU-0001"), approved)
        console.console.announce("loaded 4000 orders and 882 survey responses")
        XCTAssertEqual(console.state.message?.text, approved + " · loaded 4000 orders and 882 survey responses")
        XCTAssertEqual(console.state.message?.kind, .success)
    }

    func testTheOverdueViewShowsOnlyPendingDraftsPastTheProgramsThreshold() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3", "f")
        XCTAssertEqual(console.state.approvals.view, .overdue)
        XCTAssertEqual(console.console.inbox.ids, [ApprovalsSample.id(1)], "only the four-business-day-old draft\n\(console.dump)")
        XCTAssertNotNil(console.frame.row(containing: "Approvals · 1 overdue"), console.dump)
        console.press("a")
        XCTAssertEqual(console.console.inbox.count, 0, "approved, it leaves the overdue view")
    }

    func testTheDetailShowsChecksCaptionMatchesTheBriefAndTheHistory() {
        let caption = "A miracle serum #AD #adventure with @glow"
        let console = ConsoleDriver(ApprovalsSample.workspace(captions: [1: caption]), size: Size(width: 200, height: 60))
        console.press("3")
        let frame = console.frame
        for text in ["✓ ad disclosure present", "✗ #GlowUp missing", "✓ @glow present", "✗ banned claim \"miracle\" used",
                     "✓ usage rights agreed", "Hashtags #GlowUp", "Mentions @glow", "Avoid miracle",
                     "Rights organic repost, paid social · worldwide · 90 days", "drafts/1/reel-v1.mp4", "submitted (round 1)"] {
            XCTAssertNotNil(frame.row(containing: text), "\(text)\n\(console.dump)")
        }
        XCTAssertEqual(frame.role(of: "#AD"), .match, "the disclosure is highlighted")
        XCTAssertEqual(frame.role(of: "#adventure"), .text, "a near miss is not")
        XCTAssertEqual(frame.role(of: "miracle serum"), .danger, "the banned word stands out")
        let captionRow = frame.row(containing: "with @glow") ?? 0
        XCTAssertEqual(frame.column(of: "@glow", inRow: captionRow).map { frame[$0, captionRow].role }, .match, "the required mention too")

        // Narrow: Enter opens the same details over the inbox, and it follows the cursor.
        console.resize(80, 24).press(.enter)
        XCTAssertNotNil(console.frame.row(containing: "SU-0001 — Enter or Esc closes"), console.dump)
        console.press("j")
        XCTAssertNotNil(console.frame.row(containing: "SU-0002 — Enter or Esc closes"), console.dump)
        console.press(.escape)
        XCTAssertNil(console.state.overlay)
    }

    func testWideCaptionsInEmojiAndJapaneseStayAligned() {
        let console = ConsoleDriver(ApprovalsSample.workspace(captions: [1: "新しいセラム ✨ #ad #GlowUp @glow 😍"]), size: Size(width: 120, height: 30))
        console.press("3")
        let frame = console.frame
        let row = try? XCTUnwrap(frame.row(containing: "新しいセラム"))
        XCTAssertEqual(frame.column(of: "│", inRow: row ?? 0), frame.column(of: "│", inRow: (row ?? 1) - 1), "the panel border stays put\n\(console.dump)")
        XCTAssertEqual(frame.role(of: "#ad"), .match)
    }

    func testACaptionWithEscapeSequencesShowsPlaceholdersAndKeepsThePanelInPlace() {
        let console = ConsoleDriver(ApprovalsSample.workspace(captions: [1: "#ad \u{1b}[2J wipe\r @glow #GlowUp"]), size: Size(width: 120, height: 30))
        console.press("3")
        let frame = console.frame
        let row = try? XCTUnwrap(frame.row(containing: "␛[2J"), console.dump)
        XCTAssertEqual(frame.column(of: "│", inRow: row ?? 0), frame.column(of: "│", inRow: 5), console.dump)
        XCTAssertFalse(frame.lines.joined().contains("\u{1b}"), "no escape byte reaches the screen")
    }

    func testEveryDecisionIsUndoneWithZ() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press("3", "a")
        console.press("c").type("note").press(.enter)
        console.press("x").type("reason").press(.enter)
        console.press("z", "z", "z")
        XCTAssertEqual((1...5).map { status(console, $0) }, Array(repeating: .pending, count: 5))
        XCTAssertTrue(console.workspace.assets.isEmpty)
        XCTAssertEqual(console.state.message?.text, "undone: approved SU-0001 @ana.lima")
    }

    func testTriageKeysOutsideTheInboxSayWhereTheyWorkAndMeaninglessKeysDoNothing() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        console.press(":").type("approve").press(.enter)
        XCTAssertEqual(console.state.message?.text, "that works in the Approvals pane (3)")
        console.press("3", "S", ">", "p", "%")
        XCTAssertEqual((1...5).map { status(console, $0) }, Array(repeating: .pending, count: 5))
        XCTAssertNil(console.state.prompt)
        console.press("a", "y")
        XCTAssertEqual(status(console, 1), .approved)
        XCTAssertEqual(status(console, 2), .pending, "y outside a question is not a key here")
    }

    func testTheInboxFitsEightyByTwentyFourAndTwoHundredBySixty() {
        for (width, height) in [(80, 24), (200, 60), (60, 15)] {
            let console = ConsoleDriver(ApprovalsSample.workspace(failing: [2]), size: Size(width: width, height: height))
            console.press("3")
            let frame = console.frame
            XCTAssertNotNil(frame.row(containing: "SU-0001"), "\(width)×\(height)\n\(console.dump)")
            XCTAssertNotNil(frame.row(containing: "@ana.lima"), "\(width)×\(height)\n\(console.dump)")
            XCTAssertTrue(frame.lines.last?.contains("a approve") == true, "\(width)×\(height)\n\(console.dump)")
        }
    }
}
