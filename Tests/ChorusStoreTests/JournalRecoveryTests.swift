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

    /// A complete last line that does not decode — here a command from a newer Chorus — was
    /// acknowledged by whoever wrote it: it is not crash damage, so it is never cut. Every open
    /// is read-only and says why, and the file keeps every byte.
    func testACompleteButUnreadableLastLineOpensReadOnlyAndIsNeverCut() throws {
        let (folder, expected) = try workspaceWithTwoCommands()
        let journal = folder + "/journal.jsonl"
        try StoreFixtures.append(#"{"actor":"ana","at":"2026-03-12T09:20:02Z","command":{"archiveWave":{"_0":"W1"}},"seq":3}"# + "\n",
                                 to: journal)
        let before = try StoreFixtures.contents(of: folder)

        let store = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(store.mode, .readOnly, "asked read-write, opened read-only")
        XCTAssertEqual(store.workspace, expected)
        XCTAssertNil(store.recoveredTornLine, "not a torn line")
        XCTAssertEqual(store.unreadableLastLine?.line, 3)
        let notice = try XCTUnwrap(store.recoveryNotice)
        XCTAssertTrue(notice.hasPrefix(journal + ", line 3: the last entry cannot be read"), notice)
        XCTAssertTrue(notice.contains("open read-only"), notice)

        let refusal = assertStoreError(try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount"), context: StoreFixtures.context(3)))
        XCTAssertEqual(refusal?.kind, .readOnly)
        XCTAssertEqual(refusal?.line, 3)
        XCTAssertThrowsError(try store.compact())
        XCTAssertEqual(store.workspace, expected, "the refused command is not applied")
        XCTAssertNoThrow(try WorkspaceStore.open(at: folder).close(), "the lock was given back at once")
        store.close()
        XCTAssertEqual(try StoreFixtures.contents(of: folder).filter { $0.key != "lock" }, before.filter { $0.key != "lock" },
                       "every byte on disk is as it was")
    }

    /// A full disk fails the append's sync with the whole line in the file, then fails the
    /// truncate that would take it back. The command was reported as failed, so it must not
    /// come back on the next open (a retry would then apply it twice): the workspace writes
    /// down, durably, where the journal really ends.
    func testALineWhoseSyncAndRollbackBothFailedIsNotReplayed() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        func approveOnce(_ fileSystem: FaultInjectingFileSystem) throws -> (WorkspaceStore, Error?) {
            let store = try WorkspaceStore.open(at: folder, fileSystem: fileSystem)
            do { try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1)) } catch { return (store, error) }
            return (store, nil)
        }
        let counting = FaultInjectingFileSystem()
        let (counted, _) = try approveOnce(counting)
        counted.close()
        let sync = try XCTUnwrap(counting.points.first { $0.step == .sync && $0.path.hasSuffix("journal.jsonl") })
        try StoreFixtures.removeJournalEntries(in: folder)
        let expected = try WorkspaceStore.open(at: folder, mode: .readOnly).workspace

        let (store, error) = try approveOnce(FaultInjectingFileSystem(failingAt: [sync.index, sync.index + 1]))
        XCTAssertEqual((error as? StoreError)?.kind, .io)
        XCTAssertEqual(store.workspace, expected)
        XCTAssertTrue(try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).contains("markDelivered"), "the line is on disk")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/journal.trim"))
        store.close()  // as if the process exited after reporting the failure

        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, expected, "the failed change is not replayed")
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, expected)
        try reopened.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(2))
        let after = reopened.workspace
        reopened.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/journal.trim"), "the mark goes once the journal is cut back")
        XCTAssertEqual(try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n").count, 1,
                       "the retry is in the journal once")
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, after)
    }

    /// The third fault: not even the mark can be written. Then the failure says plainly that
    /// the change may have been kept and how to check, rather than claiming it was not made.
    func testWhenNothingCanBeUndoneTheFailureSaysTheChangeMayHaveBeenKept() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let counting = FaultInjectingFileSystem()
        let probe = try WorkspaceStore.open(at: folder, fileSystem: counting)
        try probe.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1))
        probe.close()
        try StoreFixtures.removeJournalEntries(in: folder)
        let sync = try XCTUnwrap(counting.points.first { $0.step == .sync && $0.path.hasSuffix("journal.jsonl") })

        // The sync, the truncate (open and sync count as one step there), and the mark's open.
        let store = try WorkspaceStore.open(at: folder, fileSystem: FaultInjectingFileSystem(failingAt: [sync.index, sync.index + 1, sync.index + 2]))
        let error = assertStoreError(try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1)))
        XCTAssertEqual(error?.file, folder + "/journal.jsonl")
        XCTAssertTrue(error?.message.contains("it may still be there when the workspace is next opened: check it (chorus list, or the console) before doing it again") ?? false,
                      error?.description ?? "")
        store.close()
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
