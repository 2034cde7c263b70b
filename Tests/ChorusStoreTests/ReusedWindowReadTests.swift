@testable import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// A collection file's windows are read into the memory of the window dropped before them
/// (`FileSystem.readFile(…reusing:)`, `FileWindow`'s spare). Whatever the buffer handed over,
/// a read must give exactly the bytes a fresh read gives; and the memory must really be reused,
/// or the page faults it saves are back.
final class ReusedWindowReadTests: XCTestCase {
    func testAReadIntoAReusedBufferIsAFreshRead() throws {
        var random = SeededRandom(seed: 41)
        let path = try Self.randomFile(size: 4_000, random: &random)
        let disk = POSIXFileSystem()
        for round in 0..<500 {
            let (offset, count) = (Int.random(in: 0...4_200, using: &random), Int.random(in: 0...1_500, using: &random))
            let buffer = [UInt8](repeating: 0xAB, count: Int.random(in: 0...1_600, using: &random))
            let (length, address) = (buffer.count, buffer.withUnsafeBufferPointer { $0.baseAddress })
            let label = "round \(round): \(count) from \(offset) into \(length)"
            // Handed over: a buffer still held elsewhere would be copied, not filled.
            let reused = try disk.readFile(at: path, offset: offset, count: count, reusing: consume buffer)
            XCTAssertEqual(reused, try disk.readFile(at: path, offset: offset, count: count), label)
            if length >= count, count > 0, offset < 4_000 {
                XCTAssertEqual(reused.withUnsafeBufferPointer { $0.baseAddress }, address, "read into the buffer handed over, \(label)")
            }
        }
    }

    /// Windows over the disk (reusing memory, reading ahead) against windows over a file system
    /// that reads every window fresh, cut at the same random places.
    func testWindowsReusingMemoryReadWhatFreshWindowsRead() throws {
        var random = SeededRandom(seed: 42)
        let path = try Self.randomFile(size: 6_000, random: &random)
        for round in 0..<200 {
            let size = Int.random(in: 1...1_500, using: &random)
            var fresh = FileWindow(path: path, fileSystem: FreshReads(), size: size)
            var reusing = FileWindow(path: path, fileSystem: POSIXFileSystem(), size: size)
            try fresh.readOn()
            try reusing.readOn()
            while !fresh.isAtEnd {
                let cut = Int.random(in: 1...fresh.bytes.count, using: &random)
                if Bool.random(using: &random) { reusing.readAhead(from: cut) }
                fresh.drop(before: cut)
                reusing.drop(before: cut)
                try fresh.readOn()
                try reusing.readOn()
                XCTAssertEqual(reusing.bytes, fresh.bytes, "round \(round), window \(size), cut \(cut)")
                XCTAssertEqual(reusing.isAtEnd, fresh.isAtEnd)
            }
        }
    }

    private static func randomFile(size: Int, random: inout SeededRandom) throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        try POSIXFileSystem().createDirectory(at: folder)
        let path = folder + "/bytes"
        try POSIXFileSystem().writeFile(at: path, bytes: (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
        return path
    }
}

/// The disk, with every window read into a new array (the file system's default).
private struct FreshReads: ForwardsToDisk {
    let disk = POSIXFileSystem()
}
