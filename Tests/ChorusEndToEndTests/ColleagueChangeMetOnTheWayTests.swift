@testable import chorus
import ChorusCore
@testable import ChorusStore
@testable import ChorusUI
import Foundation
import XCTest

/// A colleague moves a creator on while this console's own command is on its way: the store
/// applies the colleague's entry first, then this command, which changes nothing (the same
/// products imported again) and is not journaled. The console must not take the colleague's
/// entry for its own: the Pipeline moves rows by what each entry replaced, and a change put
/// down as "nothing replaced" would leave the creator at their old stage on screen.
final class ColleagueChangeMetOnTheWayTests: XCTestCase {
    func testAColleaguesStageMoveAppliedOnTheWayOfACommandThatChangesNothingIsShown() throws {
        let folder = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try ChorusProcess.run(["init", folder.path, "--sample"]).status, 0)
        let session = StoreSession(store: try WorkspaceStore.open(at: folder.path))
        defer { session.store.close() }
        let console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: true,
                              today: SampleWorkspace.anchorDay, size: Size(width: 160, height: 40))
        _ = console.frame()
        let wave = try XCTUnwrap(console.state.pipeline.waveID)
        let creator = try XCTUnwrap(console.table.creatorID(at: 0, in: session.workspace))
        let before = try XCTUnwrap(session.workspace.enrollment(creator, in: wave)).stage

        let colleague = try WorkspaceStore.open(at: folder.path)
        try colleague.perform(before.isExit || before.next == nil ? .revertStage(creators: [creator], wave: wave) : .advanceStage(creators: [creator], wave: wave),
                              context: CommandContext(now: Clock.now, actor: "maria"))
        let moved = try XCTUnwrap(colleague.workspace.enrollment(creator, in: wave)).stage
        colleague.close()
        XCTAssertNotEqual(moved, before)

        let again = try session.perform(.importProducts(session.workspace.skus.rows))
        XCTAssertFalse(again.changedAnything, "the same products again change nothing")
        XCTAssertEqual(session.workspace.enrollment(creator, in: wave)?.stage, moved, "the colleague's entry was applied on the way")
        console.press(.character("j"))
        let row = try XCTUnwrap((0..<console.table.count).first { console.table.creatorID(at: $0, in: session.workspace) == creator })
        XCTAssertEqual(console.table.stage(at: row), moved, "the Pipeline shows the colleague's move")
        XCTAssertEqual(console.table.stageCounts, PipelineRows.built(session.workspace, wave: wave).stageCounts)
    }
}

extension PipelineRows {
    /// The rows of `wave` built from nothing, as a console opened now shows them.
    static func built(_ workspace: Workspace, wave: WaveID) -> PipelineRows {
        var state = PipelineState()
        state.waveID = wave
        let rows = PipelineRows()
        rows.refresh(workspace, generation: 0, creatorsGeneration: 0, state: state)
        return rows
    }
}
