import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A full disk through the real file system, not a simulated one: a file-size limit
/// (`RLIMIT_FSIZE`, which needs no privileges) makes the kernel refuse writes past a few bytes,
/// as ENOSPC would. Compaction and appends fail with the system's own words, and the previous
/// snapshot and journal are left byte for byte.
final class FileSizeLimitTests: XCTestCase {
    /// Runs `body` with every file this process writes limited to `bytes`, then lifts it.
    private func withFileSizeLimit(_ bytes: rlim_t, _ body: () throws -> Void) rethrows {
        var previous = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &previous)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)  // report EFBIG instead of killing the process
        var limited = previous
        limited.rlim_cur = bytes
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &previous)
            signal(SIGXFSZ, previousHandler)
        }
        try body()
    }

    func testAFullDiskDuringCompactionLeavesThePreviousSnapshotAndJournal() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1))
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 4, reason: "recount"), context: StoreFixtures.context(2))
        let acknowledged = store.workspace
        let before = try StoreFixtures.contents(of: folder)

        var errors: [StoreError] = []
        try withFileSizeLimit(64) {
            errors.append(assertStoreError(try store.compact()) ?? StoreError(.io, "compact did not fail"))
            errors.append(assertStoreError(try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "more"),
                                                             context: StoreFixtures.context(3))) ?? StoreError(.io, "perform did not fail"))
        }
        for error in errors {
            XCTAssertEqual(error.kind, .io)
            XCTAssertTrue(error.message.contains("File too large"), error.description)
        }
        XCTAssertEqual(store.workspace, acknowledged, "the refused command is not in memory either")
        let after = try StoreFixtures.contents(of: folder)
        for name in before.keys {
            XCTAssertEqual(after[name], before[name], "\(name) is as it was")
        }

        // Space again: the same store carries on, and a fresh open agrees.
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "more"), context: StoreFixtures.context(3))
        try store.compact()
        let final = store.workspace
        store.close()
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, final)
    }
}
