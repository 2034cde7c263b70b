import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// One process holds a workspace at a time, and its files are private to the user.
final class LockAndPermissionTests: XCTestCase {
    func testASecondOpenerIsRefusedWithTheHoldersPid() throws {
        let folder = StoreFixtures.temporaryFolder()
        let first = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)

        let error = assertStoreError(try WorkspaceStore.open(at: folder))
        XCTAssertEqual(error?.kind, .locked)
        XCTAssertTrue(error?.message.contains("in use by process \(getpid()) on ") ?? false, error?.description ?? "")
        XCTAssertNoThrow(try WorkspaceStore.open(at: folder, mode: .readOnly), "reading needs no lock")

        first.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, StoreFixtures.richWorkspace, "closing releases the lock")
    }

    func testDroppingTheStoreReleasesTheLock() throws {
        let folder = StoreFixtures.temporaryFolder()
        do { _ = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace) }
        XCTAssertNoThrow(try WorkspaceStore.open(at: folder))
    }

    func testFilesArePrivateWhateverTheUmask() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context())
        try store.compact()
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount"), context: StoreFixtures.context(1))

        XCTAssertEqual(try permissions(folder), 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertTrue(names.contains("journal.jsonl") && names.contains("lock") && names.contains("chorus.json"), "\(names)")
        for name in names {
            XCTAssertEqual(try permissions(folder + "/" + name), 0o600, name)
        }
    }

    private func permissions(_ path: String) throws -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError(.io, file: path, "stat failed") }
        return info.st_mode & 0o777
    }
}
