import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A crash can cut only the journal's last line short; that line is set aside and reported.
/// Damage anywhere else is refused with its line number and nothing on disk is touched.
final class JournalRecoveryTests: XCTestCase {
    private func workspaceWithTwoCommands() throws -> (folder: String, expected: Workspace) {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box"), context: StoreFixtures.context(1))
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(2))
        let expected = store.workspace
        store.close()
        return (folder, expected)
    }

    func testTornLastLineIsIgnoredReportedAndCutOffBeforeTheNextAppend() throws {
        let (folder, expected) = try workspaceWithTwoCommands()
        let journal = folder + "/journal.jsonl"
        try StoreFixtures.append(#"{"actor":"ana","at":"2026-03-12T09:20:02Z","command":{"markPac"#, to: journal)

        let reader = try WorkspaceStore.open(at: folder, mode: .readOnly)
        XCTAssertEqual(reader.workspace, expected)
        XCTAssertEqual(reader.recoveredTornLine?.line, 3)
        XCTAssertTrue(reader.recoveredTornLine?.notice.contains("journal.jsonl, line 3: ignored an incomplete last entry") ?? false)

        let store = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(store.workspace, expected)
        XCTAssertEqual(store.recoveredTornLine?.line, 3)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: -1, reason: "damaged"), context: StoreFixtures.context(3))
        let after = store.workspace
        store.close()

        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, "three entries and the final newline; the torn text is gone")
        for line in lines.dropLast() { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8))) }
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertNil(reopened.recoveredTornLine)
        XCTAssertEqual(reopened.workspace, after)
        XCTAssertEqual(reopened.journalLength, 3)
    }

    func testCompleteButUnterminatedLastLineIsTreatedAsTorn() throws {
        let (folder, expected) = try workspaceWithTwoCommands()
        try StoreFixtures.append(#"{"actor":"ana","at":"2026-03-12T09:20:02Z","command":{"markPacked":{"_0":["SH-0001"]}},"seq":3}"#,
                                 to: folder + "/journal.jsonl")
        let store = try WorkspaceStore.open(at: folder, mode: .readOnly)
        XCTAssertEqual(store.workspace, expected, "an append without its newline was never acknowledged")
        XCTAssertEqual(store.recoveredTornLine?.reason, "no newline at its end")
    }

    func testDamagedMiddleLineIsAnErrorWithItsLineNumberAndChangesNothing() throws {
        let (folder, _) = try workspaceWithTwoCommands()
        let journal = folder + "/journal.jsonl"
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = String(lines[0].dropLast(9)) + "garbage"
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: false, encoding: .utf8)
        let before = try StoreFixtures.contents(of: folder)

        for mode in [WorkspaceStore.Mode.readWrite, .readOnly] {
            let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: mode))
            XCTAssertEqual(error?.kind, .corrupt)
            XCTAssertEqual(error?.line, 1)
            XCTAssertTrue(error?.description.hasPrefix(journal + ", line 1: this entry cannot be read") ?? false, error?.description ?? "")
        }
        XCTAssertEqual(try StoreFixtures.contents(of: folder), before)
    }

    func testMissingEntriesAreAnError() throws {
        let (folder, _) = try workspaceWithTwoCommands()
        let journal = folder + "/journal.jsonl"
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        try (lines[1] + "\n").write(toFile: journal, atomically: false, encoding: .utf8)
        let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: .readOnly))
        XCTAssertEqual(error?.line, 1)
        XCTAssertTrue(error?.message.contains("expected entry 1 but found 2") ?? false, error?.description ?? "")
    }

    /// A full disk cuts an append short, and the attempt to cut the fragment off fails too.
    /// The next append must remove it first: appended after it, the next acknowledged entry
    /// would share its line, read as torn, and be lost on the next open.
    func testAFragmentThatCouldNotBeCutOffIsCutBeforeTheNextAppend() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        func appendOnce(_ fileSystem: FaultInjectingFileSystem) throws -> WorkspaceStore {
            let store = try WorkspaceStore.open(at: folder, fileSystem: fileSystem)
            _ = try? store.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box"), context: StoreFixtures.context(1))
            return store
        }
        let counting = FaultInjectingFileSystem()
        try appendOnce(counting).close()
        let write = try XCTUnwrap(counting.points.first { $0.step == .write && $0.path.hasSuffix("journal.jsonl") })
        let expected = try WorkspaceStore.open(at: folder, mode: .readOnly).workspace

        // Fail the append's write half-way and then the truncate that would undo it.
        let store = try appendOnce(FaultInjectingFileSystem(failingAt: [write.index, write.index + 1]))
        XCTAssertEqual(store.workspace, expected, "the failed command is undone in memory")
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: -1, reason: "damaged"), context: StoreFixtures.context(2))
        let after = store.workspace
        store.close()
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertNil(reopened.recoveredTornLine)
        XCTAssertEqual(reopened.workspace, after)
    }

    func testFailedAppendUndoesTheCommandInMemory() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let store = try WorkspaceStore.open(at: folder, fileSystem: FailingFileSystem(failing: .append))
        let before = store.workspace
        let error = assertStoreError(try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context()))
        XCTAssertEqual(error?.kind, .io)
        XCTAssertEqual(store.workspace, before, "memory never runs ahead of the journal")
        XCTAssertEqual(store.journalLength, 0)
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, before)
    }
}
