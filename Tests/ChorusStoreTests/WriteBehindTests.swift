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

    func testStretchesSmallerThanThePiecesWriteTheSameBytes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("write-behind-\(UUID().uuidString)").path
        defer { unlink(path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        var behind = WriteBehind(fd: fd, stretch: 4_096)
        var expected: [UInt8] = []
        for index in 0..<200 {
            let piece = [UInt8](repeating: UInt8(index), count: 1 + index * 97 % 9_000)
            XCTAssertEqual(piece.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, piece.count)
            behind.wrote(piece.count)
            expected += piece
        }
        XCTAssertEqual(fsync(fd), 0)
        close(fd)
        XCTAssertEqual(try POSIXFileSystem().readFile(at: path), expected)
    }
}
