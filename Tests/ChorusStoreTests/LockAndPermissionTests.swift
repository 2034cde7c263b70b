import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Any number of processes share a workspace; maintenance takes it alone. Its files are
/// private to the user.
final class LockAndPermissionTests: XCTestCase {
    func testTwoWritersOpenOneWorkspaceAtOnceAndMaintenanceWaitsForBoth() throws {
        let folder = StoreFixtures.temporaryFolder()
        let first = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        let second = try WorkspaceStore.open(at: folder)
        try second.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context())

        let error = assertStoreError(try WorkspaceStore.lockForMaintenance(at: folder))
        XCTAssertEqual(error?.kind, .locked)
        XCTAssertTrue(error?.message.contains("the workspace is open in a console or a command; close every console on it") ?? false,
                      error?.description ?? "")
        first.close()
        second.close()
        let maintenance = try WorkspaceStore.lockForMaintenance(at: folder)
        maintenance.release()
        XCTAssertNoThrow(try WorkspaceStore.open(at: folder).close(), "releasing gives the workspace back")
    }

    func testWhileMaintenanceHasTheWorkspaceAWriterIsRefusedWithItsPid() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let maintenance = try WorkspaceStore.lockForMaintenance(at: folder)
        defer { maintenance.release() }

        let error = assertStoreError(try WorkspaceStore.open(at: folder))
        XCTAssertEqual(error?.kind, .locked)
        XCTAssertTrue(error?.message.contains("in use by process \(getpid()) on ") ?? false, error?.description ?? "")
        XCTAssertTrue(error?.message.contains("for maintenance") ?? false, error?.description ?? "")
        XCTAssertNoThrow(try WorkspaceStore.open(at: folder, mode: .readOnly), "reading needs no lock")
    }

    func testDroppingTheStoreReleasesTheLock() throws {
        let folder = StoreFixtures.temporaryFolder()
        do { _ = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace) }
        XCTAssertNoThrow(try WorkspaceStore.lockForMaintenance(at: folder).release())
    }

    /// Maintenance killed with SIGKILL leaves its pid in the lock file; the kernel has dropped
    /// its flock, so the next opener takes over.
    func testALockFileLeftByADeadProcessIsTakenOver() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        try writeLockFile(naming: try deadPid(), in: folder)

        let store = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(store.workspace, StoreFixtures.richWorkspace)
        store.close()
        let maintenance = try WorkspaceStore.lockForMaintenance(at: folder)
        defer { maintenance.release() }
        XCTAssertTrue(try String(contentsOfFile: folder + "/lock", encoding: .utf8).contains(#""pid":\#(getpid())"#))
    }

    /// Between taking the flock and writing its own details, maintenance's lock file still
    /// names the dead previous holder; a refused opener must not blame that pid.
    func testARefusalDoesNotBlameADeadPidLeftInTheLockFile() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let maintenance = try WorkspaceStore.lockForMaintenance(at: folder)
        defer { maintenance.release() }
        let dead = try deadPid()
        try writeLockFile(naming: dead, in: folder)

        let error = assertStoreError(try WorkspaceStore.open(at: folder))
        XCTAssertEqual(error?.kind, .locked)
        XCTAssertTrue(error?.message.contains("in use by another process (the lock file still names process \(dead), which is no longer running)") ?? false,
                      error?.description ?? "")
    }

    func testAWriterCanWaitForMaintenanceAndIsToldWhoHasIt() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let maintenance = try WorkspaceStore.lockForMaintenance(at: folder)
        var heard: [String] = []
        let error = assertStoreError(try WorkspaceStore.open(at: folder, waitingForLock: 0.3, whileWaiting: { heard.append($0) }))
        XCTAssertEqual(heard, ["the workspace is in use by process \(getpid()) on \(ProcessInfo.processInfo.hostName) since "
                               + (heard.first?.components(separatedBy: " since ").last ?? "")])
        XCTAssertTrue(heard.first?.hasSuffix(" for maintenance; waiting up to 0.3 s for it") ?? false, "\(heard)")
        XCTAssertTrue(error?.message.contains("(waited 0.3 s)") ?? false, error?.description ?? "")
        maintenance.release()
        XCTAssertNoThrow(try WorkspaceStore.open(at: folder, waitingForLock: 0.3).close())
    }

    /// A pid no process has: above every live one, and checked.
    private func deadPid() throws -> Int {
        let maximum = Int(try String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 32_768
        let pid = maximum - 1
        guard kill(pid_t(pid), 0) != 0 else { throw XCTSkip("pid \(pid) is alive") }
        return pid
    }

    private func writeLockFile(naming pid: Int, in folder: String) throws {
        let text = #"{"host":"\#(ProcessInfo.processInfo.hostName)","pid":\#(pid),"since":"2026-03-12T09:14:02Z"}"# + "\n"
        try text.write(toFile: folder + "/lock", atomically: false, encoding: .utf8)
    }

    /// A writer names itself in `append.lock` for whoever waits; pids wrap around, so a shorter
    /// pid written over a longer one must not leave the longer one's tail behind.
    func testAnAppendNamesItsProcessAloneInTheAppendLock() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        defer { store.close() }
        let lock = URL(fileURLWithPath: folder + "/append.lock")
        try Data("4194304999\n".utf8).write(to: lock)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context())
        XCTAssertEqual(try String(contentsOf: lock, encoding: .utf8), "\(getpid())\n")
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
        XCTAssertTrue(names.contains("journal-2.jsonl") && names.contains("lock") && names.contains("chorus.json"), "\(names)")
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
