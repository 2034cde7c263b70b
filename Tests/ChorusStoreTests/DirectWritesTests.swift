@testable import ChorusStore
import Foundation
import XCTest

/// A big file goes to the disk past the page cache a stretch at a time (`DirectWrites`): that
/// must change only how the bytes travel, never which bytes the file holds, wherever its
/// pieces and its end fall against the stretches.
final class DirectWritesTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("direct-writes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testAFileOfUnevenPiecesHoldsExactlyThemWhereverItEnds() throws {
        let stretch = 4 * DirectWrites.alignment
        for total in [0, 1, stretch - 1, stretch, stretch + 1, 3 * stretch, 5 * stretch + 4_095, 7 * stretch + 1_234] {
            let pieces = Self.pieces(totalling: total, seed: UInt64(total))
            let (bytes, wentDirect) = try write(pieces, stretch: stretch)
            XCTAssertTrue(bytes == pieces.flatMap { $0 }, "\(total) bytes")
            if directWritesWork() { XCTAssertEqual(wentDirect, total >= stretch, "\(total) bytes: direct once a stretch is full") }
        }
    }

    /// A file smaller than a stretch is written as every file was, through the page cache.
    func testASmallFileNeverGoesDirect() throws {
        let (bytes, wentDirect) = try write([Array("{\"collection\":\"program\"}\n".utf8)], stretch: DirectWrites.defaultStretch)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "{\"collection\":\"program\"}\n")
        XCTAssertFalse(wentDirect)
    }

    /// Through the file system, as a staged import and a snapshot's orders file are written.
    func testTheFileSystemWritesABigFileWholeAndSyncsIt() throws {
        let pieces = Self.pieces(totalling: 3 * DirectWrites.defaultStretch + 777, seed: 11)
        let path = folder + "/batch-1.json"
        try POSIXFileSystem().writeFile(at: path, pieces: { write in for piece in pieces { try write(piece) } })
        XCTAssertTrue(try POSIXFileSystem().readFile(at: path) == pieces.flatMap { $0 })
    }

    /// A file system that takes the flag but refuses the write (overlayfs does): the stretch
    /// and the rest go through the page cache, every byte once.
    func testADirectWriteRefusedSendsTheRestThroughThePageCache() throws {
        let disk = StandInDisk { fd, bytes, count, direct, calls in
            if direct { errno = EINVAL; return -1 }
            return Foundation.write(fd, bytes, count)
        }
        let pieces = Self.pieces(totalling: 6 * DirectWrites.alignment + 99, seed: 5)
        let (bytes, wentDirect) = try write(pieces, stretch: 2 * DirectWrites.alignment, through: disk)
        XCTAssertTrue(bytes == pieces.flatMap { $0 })
        XCTAssertFalse(wentDirect)
        XCTAssertEqual(disk.directCalls, directWritesWork() ? 1 : 0, "refused once, then never tried again")
    }

    /// A direct write that comes back short, off a block boundary: the rest of its stretch goes
    /// through the page cache, and the next stretch, aligned again, goes direct.
    func testADirectWriteCutShortIsFinishedThroughThePageCache() throws {
        try XCTSkipUnless(directWritesWork(), "the temporary folder's file system takes no direct writes")
        let disk = StandInDisk { fd, bytes, count, direct, calls in
            guard direct, calls == 1 else { return Foundation.write(fd, bytes, count) }
            // 100 bytes, which a direct write could not write: written as the disk might cut one.
            let flags = fcntl(fd, F_GETFL)
            _ = fcntl(fd, F_SETFL, flags & ~DirectWrites.directFlag!)
            defer { _ = fcntl(fd, F_SETFL, flags) }
            return Foundation.write(fd, bytes, 100)
        }
        let pieces = Self.pieces(totalling: 6 * DirectWrites.alignment + 99, seed: 6)
        let (bytes, wentDirect) = try write(pieces, stretch: 2 * DirectWrites.alignment, through: disk)
        XCTAssertTrue(bytes == pieces.flatMap { $0 })
        XCTAssertTrue(wentDirect)
        XCTAssertEqual(disk.directCalls, 3, "the short one, then each later stretch direct")
    }

    /// A stretch that cannot be written (here: a file open only for reading) fails the file,
    /// though it was written on another thread: the next hand-over or the finish throws it.
    func testAStretchThatCannotBeWrittenFailsTheFile() throws {
        let path = folder + "/read-only"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let writes = DirectWrites(fd: fd, path: path, stretch: DirectWrites.alignment)
        XCTAssertThrowsError(try {
            for piece in Self.pieces(totalling: 5 * DirectWrites.alignment, seed: 3) { try writes.write(piece) }
            try writes.finish()
        }()) { error in
            XCTAssertEqual((error as? StoreError)?.code, EBADF, "\(error)")
        }
    }

    /// Stretches queue for the writing thread while the next are gathered; once one fails, the
    /// ones queued behind it are not written, and the file fails with the first error.
    func testNothingQueuedBehindAFailedStretchIsWritten() throws {
        try XCTSkipUnless(directWritesWork(), "the temporary folder's file system takes no direct writes")
        let disk = StandInDisk { fd, bytes, count, direct, calls in
            guard direct, calls == 2 else { return Foundation.write(fd, bytes, count) }
            errno = EIO
            return -1
        }
        XCTAssertThrowsError(try write(Self.pieces(totalling: 9 * DirectWrites.alignment, seed: 4), stretch: DirectWrites.alignment, through: disk)) { error in
            XCTAssertEqual((error as? StoreError)?.code, EIO, "\(error)")
        }
        XCTAssertEqual(disk.directCalls, 2, "the stretch after the failed one and those queued behind it are left")
    }

    /// What went to the disk directly is flushed behind while the rest is written, a few
    /// stretches at a time, so that the closing `fsync` finds little left; a flush that failed
    /// fails the file, though the closing `fsync` would no longer report it.
    func testWhatWentDirectIsFlushedBehindAndAFailedFlushFailsTheFile() throws {
        try XCTSkipUnless(directWritesWork(), "the temporary folder's file system takes no direct writes")
        let stretch = DirectWrites.alignment
        let pieces = Self.pieces(totalling: 12 * stretch + 321, seed: 8)
        let flushes = Flushes()
        let (bytes, wentDirect) = try write(pieces, stretch: stretch, flushEvery: 3 * stretch) { fd in flushes.count(fdatasync(fd)) }
        XCTAssertTrue(bytes == pieces.flatMap { $0 })
        XCTAssertTrue(wentDirect)
        XCTAssertTrue((1...4).contains(flushes.calls), "\(flushes.calls) flushes of twelve stretches, one every three at most")

        let failing = Flushes()
        XCTAssertThrowsError(try write(pieces, stretch: stretch, flushEvery: 3 * stretch) { _ in failing.count(-1, errno: EIO) }) { error in
            XCTAssertEqual((error as? StoreError)?.code, EIO, "\(error)")
        }
        XCTAssertEqual(failing.calls, 1, "nothing is flushed after a flush failed")
    }

    // MARK: Helpers

    /// Pieces of uneven sizes, some bigger than a stretch, each byte telling its piece and place.
    private static func pieces(totalling total: Int, seed: UInt64) -> [[UInt8]] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        var pieces: [[UInt8]] = []
        var left = total
        while left > 0 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = min(left, state >> 60 == 0 ? Int(state >> 33) % 70_000 : Int(state >> 33) % 5_000 + 1)
            pieces.append((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ pieces.count) })
            left -= count
        }
        return pieces
    }

    private func write(_ pieces: [[UInt8]], stretch: Int, through disk: StandInDisk? = nil, flushEvery: Int = DirectWrites.defaultFlushEvery,
                       flush: @escaping DirectWrites.SystemFlush = { fdatasync($0) }) throws -> (bytes: [UInt8], wentDirect: Bool) {
        let path = folder + "/file-\(UUID().uuidString)"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let writes = DirectWrites(fd: fd, path: path, stretch: stretch, flushEvery: flushEvery,
                                  systemWrite: disk.map { disk in { disk.write($0, $1, $2) } } ?? { Foundation.write($0, $1, $2) },
                                  systemFlush: flush)
        for piece in pieces { try writes.write(piece) }
        try writes.finish()
        XCTAssertEqual(fsync(fd), 0)
        return (try POSIXFileSystem().readFile(at: path), writes.wentDirect)
    }

    /// Whether the temporary folder's file system takes direct writes (tmpfs before Linux 6.6 does not).
    private func directWritesWork() -> Bool {
        guard let flag = DirectWrites.directFlag else { return false }
        let path = folder + "/probe"
        let fd = open(path, O_WRONLY | O_CREAT | flag, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd); unlink(path) }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: DirectWrites.alignment, alignment: DirectWrites.alignment)
        defer { block.deallocate() }
        block.initializeMemory(as: UInt8.self, repeating: 0)
        return Glibc.write(fd, block.baseAddress, block.count) == block.count
    }
}

/// `write(2)` passed through `answer`, told whether the file is open for direct writes and how
/// many direct writes came before (this one included); only the writing thread calls it.
private final class StandInDisk: @unchecked Sendable {
    typealias Answer = (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, _ direct: Bool, _ directCalls: Int) -> Int
    private let answer: Answer
    private(set) var directCalls = 0

    init(_ answer: @escaping Answer) {
        self.answer = answer
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        let direct = DirectWrites.directFlag.map { fcntl(fd, F_GETFL) & $0 != 0 } ?? false
        if direct { directCalls += 1 }
        return answer(fd, bytes, count, direct, directCalls)
    }
}

/// Counts the flushes behind, which the flushing thread makes; passes on what each returned.
private final class Flushes: @unchecked Sendable {
    private let lock = NSLock()
    private var made = 0

    var calls: Int { lock.withLock { made } }

    func count(_ result: Int32, errno code: Int32 = 0) -> Int32 {
        lock.withLock { made += 1 }
        if result != 0 { errno = code }
        return result
    }
}
