@testable import chorus
import ChorusCore
import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// The real binary on a workspace big enough for a preview (150 000 creators): the opening
/// screen is up, saying what is still being read, while the workspace opens; keys typed then
/// are taken in order by the opened console. The open is held at the journal's append lock (a
/// colleague's append in progress), so the keys are typed while the preview is certainly up.
final class OpeningPreviewConsoleTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
        folder = try ChorusProcess.temporaryFolder()
        let program = SampleProgram.generate(options: GeneratorOptions(creators: WorkspacePreview.minimumCreators, orders: 20_000, seed: 3,
                                                                       today: SampleWorkspace.anchorDay))
        try WorkspaceStore.create(at: folder.path, workspace: program).close()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testKeysTypedWhileTheOpeningScreenIsPreviewedAreTakenInOrderOnceTheWorkspaceIsOpen() throws {
        var console: TmuxSession?
        try AppendLock(folder: folder.path).holding(wait: 5) {
            let session = try TmuxSession(columns: 120, rows: 30, arguments: ["open", "--workspace", folder.path])
            console = session
            let picture = try session.waitFor("opening 150000 creators…", timeout: 60)
            XCTAssertTrue(picture.contains("Pipeline · "), picture)
            try session.press("j", "j", "2")
            Thread.sleep(forTimeInterval: 0.3)
            XCTAssertTrue(try session.screen().contains("opening 150000 creators…"), "the keys wait; nothing acts on the picture")
        }
        let session = try XCTUnwrap(console)
        try session.waitFor("Seeding · ", timeout: 60)
        try session.press("1")
        let pipeline = try session.waitUntil("the Pipeline with its cursor on the third row") { screen in
            let statusBar = screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) } ?? ""
            return screen.contains("Pipeline · ") && statusBar.range(of: #" 3/[0-9]+ *$"#, options: .regularExpression) != nil
        }
        XCTAssertFalse(pipeline.contains("opening 150000 creators…"))
        try session.press("q")
        XCTAssertEqual(try session.waitForExit(), 0)
    }
}
