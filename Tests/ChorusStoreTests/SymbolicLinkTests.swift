import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A workspace received by zip, git or a sync tool may hold a `lock`, `journal.jsonl` or
/// snapshot file that is really a link to someone's other file. Opening, writing or compacting
/// must never truncate, chmod or overwrite that file: the workspace is refused naming the link.
final class SymbolicLinkTests: XCTestCase {
    private var folder: String!
    private var victim: String!
    private let victimText = "my tax return, not a Chorus file\n"

    override func setUpWithError() throws {
        folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        victim = StoreFixtures.temporaryFolder() + "-victim.txt"
        try victimText.write(toFile: victim, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(victim, 0o644), 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: victim)
    }

    private func replaceWithLink(_ name: String) throws {
        try FileManager.default.removeItem(atPath: folder + "/" + name)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: victim)
    }

    private func assertVictimUntouched(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), victimText, "the link's target was changed", file: file, line: line)
        var info = stat()
        XCTAssertEqual(stat(victim, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o644, "the link's target was chmodded", file: file, line: line)
    }

    func testALockThatIsALinkIsRefusedAndItsTargetKeepsItsBytesAndMode() throws {
        try replaceWithLink("lock")
        for mode in [WorkspaceStore.Mode.readWrite, .readOnly] {
            let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: mode))
            XCTAssertEqual(error?.kind, .unsafeFile)
            XCTAssertEqual(error?.file, folder + "/lock")
            XCTAssertTrue(error?.message.hasPrefix("is a symbolic link (to \(victim!)), which Chorus never follows") ?? false, error?.description ?? "")
        }
        try assertVictimUntouched()
    }

    /// Every file a workspace holds — the manifest, the journal, each snapshot file, the lock,
    /// a trim mark — replaced in turn by a link: refused whichever way it is opened.
    func testEveryWorkspaceFileThatIsALinkIsRefused() throws {
        try "0\n".write(toFile: folder + "/journal.trim", atomically: false, encoding: .utf8)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 12, "\(names)")
        for name in names {
            try setUpWithError()
            try "0\n".write(toFile: folder + "/journal.trim", atomically: false, encoding: .utf8)
            try replaceWithLink(name)
            for mode in [WorkspaceStore.Mode.readWrite, .readOnly] {
                let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: mode))
                XCTAssertEqual(error?.kind, .unsafeFile, name)
                XCTAssertEqual(error?.file, folder + "/" + name)
            }
            try assertVictimUntouched()
        }
        print("symbolic links: \(names.count) workspace files, each refused as a link")
    }

    /// Even a link that appears while the workspace is open — where a compaction will write its
    /// temporary manifest, or as the journal itself — is never written through.
    func testALinkPlantedWhileTheWorkspaceIsOpenIsNeverWrittenThrough() throws {
        let store = try WorkspaceStore.open(at: folder)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount"), context: StoreFixtures.context(1))
        try FileManager.default.createSymbolicLink(atPath: folder + "/chorus.json.tmp", withDestinationPath: victim)
        try store.compact()
        try assertVictimUntouched()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/chorus.json.tmp"))

        try replaceWithLink((try StoreFixtures.activeJournal(in: folder) as NSString).lastPathComponent)
        let error = assertStoreError(try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount"), context: StoreFixtures.context(2)))
        XCTAssertEqual(error?.kind, .unsafeFile)
        try assertVictimUntouched()
        store.close()
    }

    /// A FIFO under a workspace file's name would hang an open for reading forever.
    func testAFIFOInPlaceOfAFileIsRefusedInsteadOfHanging() throws {
        try FileManager.default.removeItem(atPath: folder + "/journal.jsonl")
        XCTAssertEqual(mkfifo(folder + "/journal.jsonl", 0o600), 0)
        let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: .readOnly))
        XCTAssertEqual(error?.kind, .unsafeFile)
        XCTAssertTrue(error?.message.hasPrefix("is not a plain file") ?? false, error?.description ?? "")
    }
}
