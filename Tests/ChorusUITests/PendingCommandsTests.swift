import ChorusCore
@testable import ChorusUI
import XCTest

/// Work typed while the session cannot perform it — the link to the server is down — is kept
/// pending in the order typed, said as such, and sent once the session can: each command once,
/// with the idempotency id it was kept with.
final class PendingCommandsTests: XCTestCase {
    /// A session whose link to the server can go down: meanwhile it performs nothing.
    private final class LinkSession: ConsoleSession {
        let inner: InMemorySession
        var linkDown = false
        /// What colleagues did meanwhile, handed over at the next follow step.
        var arriving: [ColleagueChange] = []
        private(set) var sent: [(id: String, command: Command)] = []

        init(_ workspace: Workspace) { inner = InMemorySession(workspace) }

        var workspace: Workspace { inner.workspace }
        var derived: DerivedFigures { inner.derived }
        var commandsWait: String? { linkDown ? "the server answers again" : nil }
        func perform(_ command: Command) throws -> AppliedCommand { try inner.perform(command) }
        func collectColleaguesWork() -> [ColleagueChange] {
            defer { arriving = [] }
            return arriving
        }
        func perform(_ command: Command, commandID: String) throws -> AppliedCommand {
            XCTAssertFalse(linkDown, "nothing is sent while the link is down")
            sent.append((commandID, command))
            return try inner.perform(command)
        }
    }

    private func status(_ session: LinkSession, _ number: Int) -> SubmissionStatus? {
        session.workspace.submission(ApprovalsSample.id(number))?.status
    }

    func testApprovalsTypedWhileTheLinkIsDownAreKeptAndSentOnceInOrderWhenItIsBack() {
        let session = LinkSession(ApprovalsSample.workspace())
        let console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: false,
                              today: Sample.today, size: Size(width: 100, height: 30))
        console.press(.character("3"))
        console.press(.character("a"))
        XCTAssertEqual(status(session, 1), .approved, "sent at once while the link is up")
        session.linkDown = true
        console.press(.character("a"))
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "kept as pending until the server answers again; it is done then"))
        console.press(.character("j"))
        console.press(.character("a"))
        XCTAssertEqual(console.state.message?.text, "kept as pending until the server answers again; 2 changes are pending, done then in the order typed")
        XCTAssertEqual(console.pendingCommandCount, 2)
        XCTAssertTrue(console.frame().lines.last?.contains("2 pending") ?? false, "the status bar keeps saying so")
        XCTAssertEqual(status(session, 2), .pending)
        XCTAssertEqual(status(session, 3), .pending)

        console.press(.character("z"))
        XCTAssertEqual(console.state.message, StatusMessage(.error, "undo waits until the server answers again; nothing was changed"))
        XCTAssertEqual(console.pendingCommandCount, 2, "an undo is not kept: what it would take back is still pending")
        XCTAssertFalse(console.performPendingCommands(), "nothing is sent while the link is down")

        session.linkDown = false
        XCTAssertTrue(console.performPendingCommands())
        XCTAssertEqual(console.pendingCommandCount, 0)
        XCTAssertFalse(console.frame().lines.last?.contains("pending") ?? true)
        XCTAssertEqual(session.sent.count, 3)
        XCTAssertEqual(Set(session.sent.map(\.id)).count, 3, "each kept command has its own idempotency id")
        XCTAssertEqual(status(session, 2), .approved)
        XCTAssertEqual(status(session, 3), .approved, "the second kept approval was of the draft under the cursor then")
        XCTAssertEqual(status(session, 4), .pending)
        XCTAssertEqual(console.state.message?.kind, .success)
        XCTAssertFalse(console.performPendingCommands())
        XCTAssertEqual(session.sent.count, 3, "nothing is sent twice")
    }

    func testWhenTheLinkIsBackTheKeptChangeIsSaidWithWhatColleaguesDidMeanwhile() {
        let session = LinkSession(ApprovalsSample.workspace())
        let console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: false,
                              today: Sample.today, size: Size(width: 160, height: 30))
        console.press(.character("3"))
        session.linkDown = true
        console.press(.character("a"))
        XCTAssertEqual(console.pendingCommandCount, 1)

        session.linkDown = false
        session.arriving = [ColleagueChange(actor: "sam", summary: "added 2 of Kelp Barrier Serum 30 ml")]
        XCTAssertTrue(console.followColleagues())
        XCTAssertEqual(session.sent.count, 1, "the kept approval was sent once")
        XCTAssertEqual(status(session, 1), .approved)
        let message = console.state.message?.text ?? ""
        XCTAssertTrue(message.hasPrefix("approved"), message)
        XCTAssertTrue(message.hasSuffix("sam added 2 of Kelp Barrier Serum 30 ml"), "the colleague's news is not replaced unread: \(message)")
    }
}
