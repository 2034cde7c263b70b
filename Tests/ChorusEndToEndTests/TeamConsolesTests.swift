import ChorusStore
import Foundation
import XCTest

/// Two people with consoles open on one workspace and a cron-style import beside them: each
/// console shows the others' work within about a second, and a fresh process sees what both
/// consoles show.
final class TeamConsolesTests: XCTestCase {
    private var workspace: URL!
    private var creatorsFile: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
        creatorsFile = workspace.appendingPathExtension("creators.csv")
        try "handle,name\nnightly.newbie,Night Import\n".write(to: creatorsFile, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: creatorsFile)
    }

    private func invitedInAFreshProcess() throws -> Int {
        let result = try ChorusProcess.run(["list", "creators", "--wave", "W2", "--status", "invited", "--format", "json", "--workspace", workspace.path])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]).count
    }

    /// Tmux is polled, so "within a second" is checked with a little room for the polling.
    private static let live: TimeInterval = 1.5

    /// Wide terminals: the status line keeps the person's own last outcome and adds each
    /// colleague's news after it, and all of it must be readable here.
    func testTwoConsolesAndAnImportSeeEachOthersWorkLive() throws {
        let maria = try TmuxSession(columns: 200, rows: 40, arguments: ["open", "--workspace", workspace.path],
                                    environment: ["CHORUS_USER": "maria"])
        let sam = try TmuxSession(columns: 200, rows: 40, arguments: ["open", "--workspace", workspace.path],
                                  environment: ["CHORUS_USER": "sam"])
        try maria.waitFor("sort: stage")
        try sam.waitFor("sort: stage")
        let before = try invitedInAFreshProcess()

        try maria.press(">")
        try maria.waitFor("invited \(before + 1)")
        try sam.waitFor("maria moved 1 creator to invited", timeout: Self.live)
        try sam.waitFor("invited \(before + 1)", timeout: Self.live)

        // sam's cursor stayed on its creator, whom maria just invited: he goes to the top, a prospect.
        try sam.press("g", ">")
        try sam.waitFor("invited \(before + 2)")
        try maria.waitFor("sam moved 1 creator to invited", timeout: Self.live)
        try maria.waitFor("invited \(before + 2)", timeout: Self.live)

        let imported = try ChorusProcess.run(["import", "creators", creatorsFile.path, "--workspace", workspace.path],
                                             environment: ["CHORUS_USER": "cron"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        try maria.waitFor("cron imported creators: 1 new", timeout: Self.live)
        try sam.waitFor("cron imported creators: 1 new", timeout: Self.live)

        XCTAssertEqual(try invitedInAFreshProcess(), before + 2, "a fresh process sees what both consoles show")
        let fresh = try WorkspaceStore.open(at: workspace, mode: .readOnly).workspace
        XCTAssertEqual(fresh.creators.filter { $0.handle == "nightly.newbie" }.count, 1, "the import landed once")
        for console in [maria, sam] {
            try console.press("q")
            XCTAssertEqual(try console.waitForExit(), 0)
        }
    }
}
