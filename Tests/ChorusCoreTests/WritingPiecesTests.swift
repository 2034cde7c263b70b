import ChorusConcurrency
import Foundation
import XCTest

/// `Parallel.writePieces` makes pieces on all cores and writes them in order while the next
/// are made: what it writes must be exactly the pieces one after another, whatever their
/// number, a failed write must stop it, and the pieces made together must really be made at
/// once (a `concurrentPerform` nested in another runs on one thread, which made them in turn).
final class WritingPiecesTests: XCTestCase {
    private struct WriteFailed: Error, Equatable {}

    func testEveryPieceIsWrittenOnceInOrder() {
        for count in [0, 1, 2, 3, 4, 5, 8, 13, 64, 101] {
            var written: [[UInt8]] = []
            Parallel.writePieces(count, making: { $1 = Self.piece($0) }, to: { written.append($0) })
            XCTAssertEqual(written, (0..<count).map(Self.piece), "\(count) pieces")
        }
    }

    /// A written piece's buffer comes back empty for a later piece, which appends to it; pieces
    /// `write` kept (here, all of them) are never overwritten by the reuse. (That buffers are
    /// reused at all is a matter of speed, seen in the import's page faults, not of what is
    /// written: addresses cannot tell a reused buffer from a new one malloc put in the same place.)
    func testReusedBuffersComeEmptyAndLeaveKeptPiecesAlone() {
        var written: [[UInt8]] = []
        let handedNonEmpty = NSLock()
        var nonEmpty = 0
        Parallel.writePieces(64, making: { index, bytes in
            if !bytes.isEmpty { handedNonEmpty.withLock { nonEmpty += 1 } }
            bytes.append(contentsOf: Self.piece(index))
        }, to: { written.append($0) })
        XCTAssertEqual(written, (0..<64).map(Self.piece))
        XCTAssertEqual(nonEmpty, 0, "every buffer is handed over empty")
    }

    func testAFailedWriteStopsTheWritingAndIsThrown() {
        var written = 0
        XCTAssertThrowsError(try Parallel.writePieces(20, making: { $1 = Self.piece($0) }, to: { (_: [UInt8]) throws(WriteFailed) in
            if written == 5 { throw WriteFailed() }
            written += 1
        })) { XCTAssertEqual($0 as? WriteFailed, WriteFailed()) }
        XCTAssertEqual(written, 5, "nothing is written after the failed piece")
    }

    /// Each piece of the first few waits until all of the few have started: made one after
    /// another, the first would wait in vain (and the test fail after the timeout).
    func testThePiecesMadeTogetherAreMadeAtOnce() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        try XCTSkipIf(cores < 2, "one core makes its pieces in turn")
        let arrivals = NSCondition()
        var arrived = 0, metTheOthers = 0
        var written: [[UInt8]] = []
        Parallel.writePieces(cores * 3, making: { index, bytes in
            if index < cores {
                arrivals.withLock {
                    arrived += 1
                    arrivals.broadcast()
                    let deadline = Date(timeIntervalSinceNow: 10)
                    while arrived < cores, arrivals.wait(until: deadline) {}
                    if arrived == cores { metTheOthers += 1 }
                }
            }
            bytes = Self.piece(index)
        }, to: { written.append($0) })
        XCTAssertEqual(written, (0..<cores * 3).map(Self.piece))
        XCTAssertEqual(metTheOthers, cores, "the first \(cores) pieces were made at the same time")
    }

    /// A piece whose bytes say which it is, of a length that varies with it.
    private static func piece(_ index: Int) -> [UInt8] {
        Array("piece \(index);".utf8) + [UInt8](repeating: UInt8(index % 251), count: index * 37 % 1_000)
    }
}
