import ChorusCore
import ChorusInterchange
import XCTest

/// Drafts that arrived by form or shared drive join the approval inbox; a bad row is named by
/// file, line and column with what to do, and nothing is half-applied.
final class SubmissionsImportTests: XCTestCase {
    private typealias F = AttributionFixture
    private let header = "handle,wave,platform,format,caption,asset_urls,submitted_at,on_screen_text\n"

    /// The fixture with Mila and Léa in Spring Glow, whose brief has an Instagram reel.
    private var workspace: Workspace {
        var workspace = F.workspace
        var wave = workspace.wave(F.spring)!
        wave.brief.deliverables = [Deliverable(id: "D-1", platform: .instagram, format: .reel, dueDate: nil)]
        let context = F.context
        try! workspace.apply(.updateWave(wave), context: context)
        try! workspace.apply(.enroll(creators: [F.mila, F.lea], wave: F.spring, stage: .active), context: context)
        return workspace
    }

    private func parse(_ rows: String, in workspace: Workspace? = nil) throws -> SubmissionsImport {
        try SubmissionsImport(bytes: Array((header + rows).utf8), fileName: "drafts.csv", workspace: workspace ?? self.workspace)
    }

    func testRowsBecomePendingDraftsForTheBriefsDeliverable() throws {
        let parsed = try parse("""
            @Mila.Makes,spring-glow,Instagram,reel,#ad Glow in 3 steps,drafts/1.mp4; drafts/2.mp4,2026-03-18T14:30:00Z,#ad
            lea.lumiere,W1,tiktok,video,Paid partnership 新しい ✨,,2026-03-19,
            """)
        XCTAssertEqual(parsed.errors, [])
        let drafts = parsed.submissions
        XCTAssertEqual(drafts.map(\.id), ["SU-0001", "SU-0002"])
        XCTAssertEqual(drafts[0].creatorID, F.mila)
        XCTAssertEqual(drafts[0].deliverableID, "D-1")
        XCTAssertEqual(drafts[0].assetRefs, ["drafts/1.mp4", "drafts/2.mp4"])
        XCTAssertEqual(drafts[0].onScreenText, "#ad")
        XCTAssertEqual(drafts[1].deliverableID, nil, "a TikTok video is extra content for this brief")
        XCTAssertEqual(drafts[1].submittedAt, Timestamp("2026-03-19T00:00:00Z"))
        var workspace = self.workspace
        XCTAssertEqual(try workspace.apply(XCTUnwrap(parsed.command), context: F.context).summary, "added 2 submissions")
        XCTAssertEqual(workspace.enrollment(F.mila, in: F.spring)?.stage, .contentInReview, "the pipeline follows")
    }

    func testEachBadRowIsNamedByLineAndColumnWithWhatToDo() throws {
        let parsed = try parse("""
            zoe.muller,W1,instagram,reel,#ad,,2026-03-18
            nobody,W1,instagram,reel,#ad,,2026-03-18
            mila.makes,W9,instagram,reel,#ad,,2026-03-18
            mila.makes,W1,myspace,reel,#ad,,2026-03-18
            mila.makes,W1,instagram,hologram,#ad,,2026-03-18
            mila.makes,W1,instagram,reel,,,2026-03-18
            mila.makes,W1,instagram,reel,#ad,,18.03.2026
            """)
        XCTAssertEqual(parsed.submissions, [])
        XCTAssertEqual(parsed.errors.map(\.description), [
            "drafts.csv, line 2, column 2 (wave): @zoe.muller is not in Spring Glow, so cannot submit for it",
            "drafts.csv, line 3, column 1 (handle): no creator @nobody; add them first (chorus import creators)",
            "drafts.csv, line 4, column 2 (wave): no wave 'W9'; use an id, slug or name (W1)",
            "drafts.csv, line 5, column 3 (platform): 'myspace' is not a platform; use one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))",
            "drafts.csv, line 6, column 4 (format): 'hologram' is not a format; use one of \(ContentFormat.allCases.map(\.rawValue).joined(separator: ", "))",
            "drafts.csv, line 7, column 5 (caption): the caption is empty; a draft is judged on its caption",
            "drafts.csv, line 8, column 7 (submitted_at): '18.03.2026' is not a time like 2026-11-20T14:30:00Z or a date like 2026-11-20",
        ])
    }

    func testANewRoundOfADraftSentBackForChangesIsPointedAtResubmit() throws {
        var workspace = self.workspace
        let first = try parse("mila.makes,W1,instagram,reel,Glow,,2026-03-18\n", in: workspace)
        try workspace.apply(XCTUnwrap(first.command), context: F.context)
        try workspace.apply(.requestChanges(["SU-0001"], note: "add #ad"), context: F.context)
        let second = try parse("mila.makes,W1,instagram,reel,#ad Glow,,2026-03-19\n", in: workspace)
        XCTAssertEqual(second.errors.map(\.description), [
            "drafts.csv, line 2, column 5 (caption): @mila.makes has SU-0001 waiting for changes for this instagram reel; "
                + "record the new round with: chorus resubmit SU-0001 --caption \"…\"",
        ])
    }

    func testAFileWithoutTheColumnsIsNamedAsNotASubmissionsFile() {
        XCTAssertThrowsError(try SubmissionsImport(bytes: Array("handle,caption\nmila,#ad\n".utf8), fileName: "x.csv", workspace: workspace)) { error in
            XCTAssertEqual(String(describing: error), "x.csv is not a submissions file: missing columns 'wave', 'platform', 'format', 'submitted_at'")
        }
    }
}
