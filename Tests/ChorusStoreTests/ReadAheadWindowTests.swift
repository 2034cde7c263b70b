@testable import ChorusGenerator
@testable import ChorusStore
import XCTest

/// The next window of a collection file is read on another thread while the rows before it are
/// decoded (`FileWindow.readAhead`). Wherever the cut falls and whatever the window's size, the
/// window read ahead must be exactly the one read after the cut, and one read ahead from
/// elsewhere must never be taken for it. (`WindowedDecodeTests` proves whole files decode alike.)
final class ReadAheadWindowTests: XCTestCase {
    func testAWindowReadAheadIsTheWindowReadAfterTheCut() throws {
        var random = SeededRandom(seed: 31)
        let path = try Self.write(count: 5_000, random: &random)
        for round in 0..<200 {
            let size = Int.random(in: 1...1_500, using: &random)
            var plain = FileWindow(path: path, fileSystem: POSIXFileSystem(), size: size)
            var ahead = plain
            try plain.readOn()
            try ahead.readOn()
            while !plain.isAtEnd {
                let cut = Int.random(in: 1...plain.bytes.count, using: &random)
                ahead.readAhead(from: cut)
                plain.drop(before: cut)
                ahead.drop(before: cut)
                try plain.readOn()
                try ahead.readOn()
                XCTAssertEqual(ahead.bytes, plain.bytes, "round \(round), window \(size), cut \(cut)")
                XCTAssertEqual(ahead.start, plain.start, "round \(round)")
                XCTAssertEqual(ahead.isAtEnd, plain.isAtEnd, "round \(round)")
            }
        }
    }

    func testAWindowReadAheadFromElsewhereIsNotTakenUp() throws {
        var random = SeededRandom(seed: 32)
        let path = try Self.write(count: 3_000, random: &random)
        for round in 0..<100 {
            let size = Int.random(in: 1...800, using: &random)
            var plain = FileWindow(path: path, fileSystem: POSIXFileSystem(), size: size)
            var ahead = plain
            while !plain.isAtEnd {
                // Read ahead as if a cut were coming, then read on without it (as when the
                // rows fail to decode in pieces and the rest is kept whole).
                if !ahead.bytes.isEmpty { ahead.readAhead(from: Int.random(in: 0..<ahead.bytes.count, using: &random)) }
                try plain.readOn()
                try ahead.readOn()
                XCTAssertEqual(ahead.bytes, plain.bytes, "round \(round), window \(size)")
                XCTAssertEqual(ahead.isAtEnd, plain.isAtEnd, "round \(round)")
            }
        }
    }

    private static func write(count: Int, random: inout SeededRandom) throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        try POSIXFileSystem().createDirectory(at: folder)
        let path = folder + "/bytes"
        try POSIXFileSystem().writeFile(at: path, bytes: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
        return path
    }
}
