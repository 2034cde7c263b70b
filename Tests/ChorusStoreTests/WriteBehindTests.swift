@testable import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// A big file is handed to the disk stretch by stretch while it is written (`WriteBehind`):
/// that must change only when bytes reach the disk, never which bytes the file holds, whatever
/// the pieces' sizes against the stretches.
final class WriteBehindTests: XCTestCase {
    func testAFileWrittenBehindHoldsExactlyItsPieces() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("write-behind-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var random = SeededRandom(seed: 7)
        // Uneven pieces, some bigger than a stretch, over several stretches in all.
        var pieces: [[UInt8]] = []
        var expected: [UInt8] = []
        while expected.count < 40 << 20 {
            let count = Int(random.next() % 3) == 0 ? Int(random.next() % (20 << 20)) : Int(random.next() % 70_000)
            pieces.append([UInt8](repeating: UInt8(pieces.count % 251), count: count))
            expected.append(contentsOf: pieces[pieces.count - 1])
        }
        let path = folder + "/orders-2.json"
        try POSIXFileSystem().writeFile(at: path, pieces: { write in for piece in pieces { try write(piece) } })
        XCTAssertTrue(try POSIXFileSystem().readFile(at: path) == expected)
    }

    /// What the disk is told, recorded: every stretch is handed over once, in order, with no gap
    /// and never with a length of 0 (which means "to the end of the file"), and the one before it
    /// is waited for first.
    func testEachStretchIsHandedOverOnceAfterWaitingForTheOneBefore() {
        var calls: [(range: Range<Int64>, flags: UInt32)] = []
        var behind = WriteBehind(fd: 3, stretch: 4_096) { _, offset, count, flags in
            calls.append((offset..<(offset + count), flags))
            return 0
        }
        var written = 0
        for index in 0..<200 {
            let count = 1 + index * 97 % 9_000
            behind.wrote(count)
            written += count
        }
        let handed = calls.filter { $0.flags == WriteBehind.startWriting }.map(\.range)
        let waited = calls.filter { $0.flags == WriteBehind.waitForWriting }.map(\.range)
        XCTAssertEqual(handed.count + waited.count, calls.count, "only the two kinds of call")
        XCTAssertEqual(handed.first?.lowerBound, 0)
        XCTAssertTrue(zip(handed, handed.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "no gap, no overlap")
        XCTAssertTrue(handed.allSatisfy { $0.count >= 4_096 })
        XCTAssertLessThan(written - Int(handed.last!.upperBound), 4_096, "all but less than a stretch handed over")
        XCTAssertEqual(waited, Array(handed.dropLast()), "each stretch but the last waited for")
        XCTAssertEqual(calls.map(\.flags), [WriteBehind.startWriting] + Array(repeating: [WriteBehind.waitForWriting, WriteBehind.startWriting],
                                                                             count: handed.count - 1).joined(),
                       "the one before waited for, then the next handed over")
    }

    /// A failed write-back is reported once, to the wait: the file's writer must throw it even
    /// though the closing fsync, which no longer sees it, succeeds; the file is not left behind.
    func testAWriteBackThatFailedFailsTheFileEvenWhenItsFsyncSucceeds() throws {
        let disk = FailingSync(EIO) { $0 == WriteBehind.waitForWriting }
        let piece = [UInt8](repeating: 7, count: 20 << 20)
        XCTAssertThrowsError(try POSIXFileSystem().writeFile(at: disk.path, syncingBehind: disk.call, direct: false, pieces: { write in
            for _ in 0..<4 { try write(piece) }
        })) { error in
            XCTAssertEqual((error as? StoreError)?.code, EIO, "\(error)")
        }
        XCTAssertEqual(disk.calls, 2, "handed over, then the wait failed; nothing after it")
        XCTAssertFalse(FileManager.default.fileExists(atPath: disk.path))
    }

    /// A file system without the call says so with EINVAL: the file is written and made durable
    /// by its fsync alone, as before.
    func testWithoutTheCallTheFileIsWrittenAsBefore() throws {
        let disk = FailingSync(EINVAL) { _ in true }
        let piece = [UInt8](repeating: 9, count: 20 << 20)
        try POSIXFileSystem().writeFile(at: disk.path, syncingBehind: disk.call, direct: false, pieces: { write in for _ in 0..<3 { try write(piece) } })
        XCTAssertEqual(disk.calls, 1, "asked once, then left alone")
        XCTAssertEqual(try POSIXFileSystem().readFile(at: disk.path), piece + piece + piece)
    }
}

/// A file to write and a stand-in for `sync_file_range` that fails with `error` on the calls
/// `fails` picks (by their flags), counting every call; the file is removed with it.
private final class FailingSync {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("write-behind-\(UUID().uuidString)").path
    private(set) var calls = 0
    private let error: Int32
    private let fails: (UInt32) -> Bool

    init(_ error: Int32, when fails: @escaping (UInt32) -> Bool) {
        self.error = error
        self.fails = fails
    }

    deinit { unlink(path) }

    var call: WriteBehind.SyncFileRange {
        { [self] _, _, _, flags in
            calls += 1
            guard fails(flags) else { return 0 }
            errno = error
            return -1
        }
    }
}
