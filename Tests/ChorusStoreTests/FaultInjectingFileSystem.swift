import ChorusStore
import Foundation

/// A file system for fault-injection tests in the manner of SQLite's I/O-error tests: it numbers
/// every step the store takes on disk (read, open, write, sync, truncate, rename, folder sync, link,
/// removal), so a test can count the steps of a workflow and then rerun it once per step with
/// that step failing.
///
/// A failed write leaves half its bytes in the file and a failed sync leaves all of them, as a
/// full disk or a dying drive would, so the store has to cope with both. Files go to the real
/// disk, where `POSIXFileSystem` reopens them, but nothing is synced: syncs are steps that can
/// fail, and skipping the real ones keeps hundreds of reruns fast.
final class FaultInjectingFileSystem: FileSystem, @unchecked Sendable {
    enum Step: String, Sendable, CaseIterable {
        case read, createDirectory, open, write, sync, truncate, rename, syncDirectory, remove, link
    }

    /// One numbered step: what it was and on which file.
    struct Point: Sendable, CustomStringConvertible {
        var index: Int
        var step: Step
        var path: String
        var description: String { "step \(index) (\(step.rawValue) \((path as NSString).lastPathComponent))" }
    }

    private let failingAt: Set<Int>
    private let mutex = NSLock()
    private var taken: [Point] = []
    private let real = POSIXFileSystem()

    /// Counts steps and fails the one numbered `failingAt` (0-based), once; nil fails none.
    init(failingAt: Int? = nil) { self.failingAt = failingAt.map { [$0] } ?? [] }

    /// Fails every step in `steps`: for a fault that strikes again while recovering from one.
    init(failingAt steps: Set<Int>) { self.failingAt = steps }

    /// Every step taken so far, in order.
    var points: [Point] { mutex.withLock { taken } }

    /// The first step that was failed, once one has been.
    var injected: Point? { points.first { failingAt.contains($0.index) } }

    /// Records a step; true when it is the one to fail.
    private func take(_ step: Step, _ path: String) -> Bool {
        mutex.withLock {
            let point = Point(index: taken.count, step: step, path: path)
            taken.append(point)
            return failingAt.contains(point.index)
        }
    }

    private func failure(_ step: Step, _ path: String) -> StoreError {
        StoreError(.io, file: path, "\(step.rawValue) failed: injected fault (no space left on device)", code: ENOSPC)
    }

    func fileExists(at path: String) -> Bool { real.fileExists(at: path) }

    /// One file at a time, so that step N is the same read in every run.
    var readsFilesConcurrently: Bool { false }

    func readFile(at path: String) throws -> [UInt8] {
        if take(.read, path) { throw failure(.read, path) }
        return try real.readFile(at: path)
    }

    func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] {
        if take(.read, path) { throw failure(.read, path) }
        return try real.readFile(at: path, offset: offset, count: count)
    }

    func createDirectory(at path: String) throws {
        if take(.createDirectory, path) { throw failure(.createDirectory, path) }
        try real.createDirectory(at: path)
    }

    /// Like the real one: whatever had the name is removed (a link, not its target), and the
    /// file is created anew.
    func writeFile(at path: String, bytes: [UInt8]) throws {
        try real.removeFile(at: path)
        try put(bytes, at: path, flags: O_EXCL)
    }

    func appendToFile(at path: String, bytes: [UInt8]) throws {
        try put(bytes, at: path, flags: O_APPEND)
    }

    func truncateFile(at path: String, toLength length: Int) throws {
        if take(.truncate, path) { throw failure(.truncate, path) }
        let fd = try open(path, O_WRONLY | O_CREAT)
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw StoreError(.io, file: path, "ftruncate failed") }
        if take(.sync, path) { throw failure(.sync, path) }
    }

    func renameFile(from source: String, to destination: String) throws {
        if take(.rename, destination) { throw failure(.rename, destination) }
        try real.renameFile(from: source, to: destination)
    }

    func syncDirectory(at path: String) throws {
        if take(.syncDirectory, path) { throw failure(.syncDirectory, path) }
    }

    func removeFile(at path: String) throws {
        if take(.remove, path) { throw failure(.remove, path) }
        try real.removeFile(at: path)
    }

    func linkFile(at existing: String, to path: String) throws {
        if take(.link, path) { throw failure(.link, path) }
        try real.linkFile(at: existing, to: path)
    }

    /// Open, write, sync: three steps. A failed write stops half-way; a failed sync after all.
    private func put(_ bytes: [UInt8], at path: String, flags: Int32) throws {
        if take(.open, path) { throw failure(.open, path) }
        let fd = try open(path, O_WRONLY | O_CREAT | flags)
        defer { close(fd) }
        if take(.write, path) {
            try write(fd, bytes.prefix(bytes.count / 2), path)
            throw failure(.write, path)
        }
        try write(fd, bytes[...], path)
        if take(.sync, path) { throw failure(.sync, path) }
    }

    private func open(_ path: String, _ flags: Int32) throws -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0, fchmod(fd, 0o600) == 0 else { throw StoreError(.io, file: path, "open failed: \(String(cString: strerror(errno)))") }
        return fd
    }

    private func write(_ fd: Int32, _ bytes: ArraySlice<UInt8>, _ path: String) throws {
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw StoreError(.io, file: path, "write failed") }
    }
}
