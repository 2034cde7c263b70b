@testable import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// The next window of a collection file is read on another thread while the rows before it are
/// decoded (`FileWindow.readAhead`). Wherever the cut falls and whatever the window's size, the
/// window read ahead must be exactly the one read after the cut, and one read ahead from
/// elsewhere must never be taken for it. (`WindowedDecodeTests` proves whole files decode alike.)
final class ReadAheadWindowTests: XCTestCase {
    func testAWindowReadAheadIsTheWindowReadAfterTheCut() throws {
        try Self.rounds(seed: 31, fileSize: 5_000, count: 200, windows: 1...1_500) { plain, ahead, random, label in
            try plain.readOn()
            try ahead.readOn()
            while !plain.isAtEnd {
                let cut = Int.random(in: 1...plain.bytes.count, using: &random)
                ahead.readAhead(from: cut)
                plain.drop(before: cut)
                ahead.drop(before: cut)
                try plain.readOn()
                try ahead.readOn()
                XCTAssertEqual(ahead.bytes, plain.bytes, "\(label), cut \(cut)")
                XCTAssertEqual(ahead.start, plain.start, label)
                XCTAssertEqual(ahead.isAtEnd, plain.isAtEnd, label)
            }
        } readsCompared: { plain, ahead in
            XCTAssertEqual(ahead, plain, "each window is read once: the one read ahead is taken, not read again")
        }
    }

    func testAWindowReadAheadFromElsewhereIsNotTakenUp() throws {
        try Self.rounds(seed: 32, fileSize: 3_000, count: 100, windows: 1...800) { plain, ahead, random, label in
            while !plain.isAtEnd {
                // Read ahead as if a cut were coming, then read on without it (as when the
                // rows fail to decode in pieces and the rest is kept whole).
                if !ahead.bytes.isEmpty { ahead.readAhead(from: Int.random(in: 0..<ahead.bytes.count, using: &random)) }
                try plain.readOn()
                try ahead.readOn()
                XCTAssertEqual(ahead.bytes, plain.bytes, label)
                XCTAssertEqual(ahead.isAtEnd, plain.isAtEnd, label)
            }
        }
    }

    /// `count` rounds over one file of random bytes, each with two windows of a random size over
    /// it: one read plainly, one read ahead; then the two windows' counts of reads from the file.
    private static func rounds(seed: UInt64, fileSize: Int, count: Int, windows: ClosedRange<Int>,
                               _ round: (inout FileWindow, inout FileWindow, inout SeededRandom, String) throws -> Void,
                               readsCompared: (_ plain: Int, _ ahead: Int) -> Void = { _, _ in }) throws {
        var random = SeededRandom(seed: seed)
        let folder = StoreFixtures.temporaryFolder()
        try POSIXFileSystem().createDirectory(at: folder)
        let path = folder + "/bytes"
        try POSIXFileSystem().writeFile(at: path, bytes: (0..<fileSize).map { _ in UInt8.random(in: 0...255, using: &random) })
        let (plainReads, aheadReads) = (CountingReads(), CountingReads())
        for number in 0..<count {
            let size = Int.random(in: windows, using: &random)
            var plain = FileWindow(path: path, fileSystem: plainReads, size: size)
            var ahead = FileWindow(path: path, fileSystem: aheadReads, size: size)
            try round(&plain, &ahead, &random, "round \(number), window \(size)")
        }
        readsCompared(plainReads.count, aheadReads.count)
    }
}

/// The disk, counting the windows read from it: a read ahead that is not taken up costs a
/// second read of the same window, which only a count shows.
private final class CountingReads: ForwardsToDisk, @unchecked Sendable {
    let disk = POSIXFileSystem()
    private let lock = NSLock()
    private var reads = 0
    var count: Int { lock.withLock { reads } }

    func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] {
        lock.withLock { reads += 1 }
        return try disk.readFile(at: path, offset: offset, count: count)
    }
}
