@testable import chorus
import ChorusCore
import ChorusGenerator
@testable import ChorusStore
import ChorusUI
import Foundation
import XCTest

/// A big workspace's console first draws a preview of its opening screen, read from the
/// creators of the wave it opens on, while the rest is read. These check that the picture is
/// the screen the opened workspace then draws — with a day's work in the journal, at both
/// sizes a coordinator uses — and that no preview is made where it could differ.
final class OpeningPreviewTests: XCTestCase {
    private var folder: URL!
    private let today = SampleWorkspace.anchorDay

    override func setUpWithError() throws {
        folder = try ChorusProcess.temporaryFolder()
        let program = SampleProgram.generate(options: GeneratorOptions(creators: 5_000, orders: 2_000, seed: 5, today: today))
        try WorkspaceStore.create(at: folder.path, workspace: program).close()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func context(_ minute: Int) -> CommandContext {
        CommandContext(now: Timestamp(day: today, hour: 9, minute: minute, second: 0), actor: "maria")
    }

    /// A morning in the opening wave, journaled: creators moved on, one renamed, one brought in
    /// from outside the wave.
    private func workInTheOpeningWave() throws -> (wave: WaveID, renamed: CreatorID) {
        let store = try WorkspaceStore.open(at: folder)
        defer { store.close() }
        let wave = try XCTUnwrap(Console.openingWave(of: store.workspace, remembered: UserSettings()))
        let inWave = store.workspace.enrollments.rows.filter { $0.waveID == wave }
        let prospects = inWave.filter { $0.stage == .prospect }.prefix(3).map(\.creatorID)
        XCTAssertFalse(prospects.isEmpty)
        try store.perform(.advanceStage(creators: Array(prospects), wave: wave), context: context(1))
        var renamed = try XCTUnwrap(store.workspace.creator(inWave[0].creatorID))
        renamed.name = "山田 花子 🌸 Preview"
        try store.perform(.updateCreator(renamed), context: context(2))
        let enrolled = Set(inWave.map(\.creatorID))
        let outsider = try XCTUnwrap(store.workspace.creators.rows.first { !enrolled.contains($0.id) })
        try store.perform(.enroll(creators: [outsider.id], wave: wave, stage: .prospect), context: context(3))
        return (wave, renamed.id)
    }

    private func preview(remembered: UserSettings = UserSettings()) -> WorkspacePreview? {
        WorkspacePreview.read(at: folder, minimumCreators: 0) { Console.openingWave(of: $0, remembered: remembered) }
    }

    private func screen(of session: ConsoleSession, size: Size, remembered: UserSettings = UserSettings()) -> [String] {
        let console = Console(session: session, themes: ThemeCatalog(directory: nil), themeName: "default", noColor: true,
                              today: today, size: size, remembered: remembered)
        return console.frame().lines
    }

    /// The opening screen as `chorus open` draws it once the workspace is open.
    private func openedScreen(size: Size, remembered: UserSettings = UserSettings()) throws -> [String] {
        let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true)
        defer { store.close() }
        return screen(of: StoreSession(store: store), size: size, remembered: remembered)
    }

    func testThePreviewIsTheScreenTheOpenedWorkspaceDrawsWithTheJournalReplayed() throws {
        let (wave, renamed) = try workInTheOpeningWave()
        let preview = try XCTUnwrap(preview(), "a journal of pipeline work keeps the preview")
        XCTAssertEqual(preview.workspace.creator(renamed)?.name, "山田 花子 🌸 Preview")
        let inWave = preview.workspace.enrollments.rows.filter { $0.waveID == wave }.count
        XCTAssertEqual(preview.workspace.creators.count, inWave, "only the opening wave's creators are read (and the journal's, in it)")
        XCTAssertLessThan(preview.workspace.creators.count, preview.creatorCount)
        XCTAssertEqual(preview.creatorCount, 5_000)
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            XCTAssertEqual(screen(of: PreviewSession(preview.workspace, creatorCount: preview.creatorCount), size: size), try openedScreen(size: size),
                           "at \(size.width)×\(size.height)")
        }
    }

    func testThePreviewOpensOnTheWaveThePersonWorkedInLastTime() throws {
        let workspace = try WorkspaceStore.open(at: folder, mode: .readOnly).workspace
        let usual = Console.openingWave(of: workspace, remembered: UserSettings())
        let other = try XCTUnwrap(workspace.waves.rows.first { $0.id != usual })
        let remembered = UserSettings(wave: other.id.rawValue)
        let preview = try XCTUnwrap(preview(remembered: remembered))
        XCTAssertTrue(preview.workspace.enrollments.rows.contains { $0.waveID == other.id })
        let size = Size(width: 200, height: 60)
        XCTAssertEqual(screen(of: PreviewSession(preview.workspace, creatorCount: preview.creatorCount), size: size, remembered: remembered),
                       try openedScreen(size: size, remembered: remembered))
    }

    func testTheOpenTakesWhatThePreviewReadWholeOnlyWhileTheSnapshotIsTheSame() throws {
        let (wave, _) = try workInTheOpeningWave()
        let preview = try XCTUnwrap(preview())
        func opened(reusing files: PreviewedFiles?) throws -> Workspace {
            let store = try WorkspaceStore.open(at: folder, mode: .readOnly, deferringOrderHistory: true, reusing: files)
            defer { store.close() }
            return store.workspace
        }
        XCTAssertEqual(try opened(reusing: preview.files), try opened(reusing: nil))

        // A colleague moves a creator on and compacts while the preview is on screen: the
        // enrollments it read are a generation old, and the open reads them again.
        let colleague = try WorkspaceStore.open(at: folder)
        let prospect = try XCTUnwrap(colleague.workspace.enrollments.rows.first { $0.waveID == wave && $0.stage == .invited })
        try colleague.perform(.revertStage(creators: [prospect.creatorID], wave: wave), context: context(9))
        try colleague.compact()
        colleague.close()
        let fresh = try opened(reusing: nil)
        XCTAssertEqual(fresh.enrollments[key: prospect.key]?.stage, .prospect)
        XCTAssertEqual(try opened(reusing: preview.files), fresh)
    }

    func testCreatorsAddedSinceTheSnapshotRuleOutAPreview() throws {
        let store = try WorkspaceStore.open(at: folder)
        try store.perform(.addCreators([Creator(id: CreatorID("CR-90001"), handle: "new.face", name: "New Face")]), context: context(1))
        store.close()
        XCTAssertNil(preview(), "an import matches against every creator, so a preview of some could differ")
    }

    func testWorkOnAnotherWavesCreatorsIsReplayedOnTheCreatorsItNames() throws {
        let store = try WorkspaceStore.open(at: folder)
        let opening = try XCTUnwrap(Console.openingWave(of: store.workspace, remembered: UserSettings()))
        let inOpening = Set(store.workspace.enrollments.rows.filter { $0.waveID == opening }.map(\.creatorID))
        let elsewhere = try XCTUnwrap(store.workspace.enrollments.rows.first { !inOpening.contains($0.creatorID) && $0.stage == .invited })
        try store.perform(.revertStage(creators: [elsewhere.creatorID], wave: elsewhere.waveID), context: context(1))
        store.close()
        let preview = try XCTUnwrap(preview())
        XCTAssertEqual(preview.workspace.enrollments[key: elsewhere.key]?.stage, .prospect)
        let size = Size(width: 200, height: 60)
        XCTAssertEqual(screen(of: PreviewSession(preview.workspace, creatorCount: preview.creatorCount), size: size),
                       try openedScreen(size: size))
    }

    func testSmallOrDamagedWorkspacesAreNotPreviewed() throws {
        XCTAssertNil(WorkspacePreview.read(at: folder) { Console.openingWave(of: $0, remembered: UserSettings()) },
                     "5 000 creators open whole in less time than a preview puts off the first key")
        let creators = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("creators-") })
        let file = folder.appendingPathComponent(creators)
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        XCTAssertNil(preview(), "the full open explains a damaged file; the preview just is not made")
    }
}
