import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// A big collection file is read a window at a time, so a million orders' 200 MB file is never
/// held whole. Rows cut by a window's end, rows longer than a window and windows split into
/// pieces for several cores must give exactly the rows of the whole file, and a bad row far into
/// the file must be reported at the same line as when the file was read whole; a damaged file
/// must be read or refused exactly as when it is read whole.
final class WindowedDecodeTests: XCTestCase {
    private typealias Sizes = CollectionFile.ReadSizes
    private let whole = Sizes(window: 1 << 30, piece: 1 << 30)

    func testRowsStraddlingManySmallWindowsDecodeToExactlyTheRowsOfTheWholeFile() throws {
        var random = SeededRandom(seed: 25)
        var roundsWithARowLongerThanTheWindow = 0
        for round in 0..<80 {
            let orders = (0..<Int.random(in: 0...150, using: &random)).map { Self.order($0, random: &random) }
            let path = try Self.write(orders)
            XCTAssertEqual(try Self.decode(path, rows: orders.count, sizes: whole), orders, "round \(round), whole file")
            let window = Int.random(in: 1...700, using: &random)
            let sizes = Sizes(window: window, piece: Int.random(in: 1...window, using: &random))
            XCTAssertEqual(try Self.decode(path, rows: orders.count, sizes: sizes), orders, "round \(round), \(sizes)")
            if try Self.longestLine(path) > window { roundsWithARowLongerThanTheWindow += 1 }
        }
        XCTAssertGreaterThan(roundsWithARowLongerThanTheWindow, 10, "windows shorter than a row were tried")
    }

    func testABadRowInALateWindowIsReportedAtItsLineAsWhenTheFileIsReadWhole() throws {
        var random = SeededRandom(seed: 7)
        var orders = (0..<400).map { Self.order($0, random: &random) }
        orders[350].email = nil
        orders[350].financialStatus = "refunded"
        let path = try Self.write(orders)
        try Self.replace(##""#1350",null,"refunded""##, with: ##""#1350",null,refunded"##, in: path)

        let reference = assertStoreError(try Self.decode(path, rows: orders.count, sizes: whole))
        XCTAssertEqual(reference?.file, path)
        XCTAssertEqual(reference?.line, 352, "the header's line, then one line per row")
        XCTAssertTrue(reference?.description.contains("column financialStatus: expected a string, found 'refunded") ?? false,
                      reference?.description ?? "")
        for sizes in [Sizes(window: 4_096, piece: 512), Sizes(window: 100, piece: 30), Sizes(window: 1, piece: 1)] {
            let error = assertStoreError(try Self.decode(path, rows: orders.count, sizes: sizes))
            XCTAssertEqual(error?.description, reference?.description, "\(sizes)")
            XCTAssertEqual(error?.line, 352, "\(sizes)")
        }
    }

    func testAFileCutShortOrHoldingOtherThanTheManifestsCountIsRefusedWhateverTheWindow() throws {
        var random = SeededRandom(seed: 8)
        let orders = (0..<60).map { Self.order($0, random: &random) }
        let path = try Self.write(orders)
        for sizes in [whole, Sizes(window: 300, piece: 50)] {
            for claimed in [59, 61, 0] {
                let error = assertStoreError(try Self.decode(path, rows: claimed, sizes: sizes))
                XCTAssertEqual(error?.message, "holds 60 rows but chorus.json says \(claimed); the file may have been cut short or edited", "\(sizes)")
            }
        }
        let bytes = try POSIXFileSystem().readFile(at: path)
        try POSIXFileSystem().writeFile(at: path, bytes: Array(bytes.dropLast(40)))
        for sizes in [whole, Sizes(window: 300, piece: 50)] {
            let error = assertStoreError(try Self.decode(path, rows: orders.count, sizes: sizes))
            XCTAssertTrue(error?.message.contains("it may have been cut short") ?? false, error?.description ?? "")
        }
    }

    func testADamagedFileIsReadOrRefusedAlikeWhateverTheWindow() throws {
        var random = SeededRandom(seed: 9)
        let orders = (0..<40).map { Self.order($0, random: &random) }
        let path = try Self.write(orders)
        let original = try POSIXFileSystem().readFile(at: path)
        let bytesThatMatter = Array(",\n[]{}\"\\0 x".utf8)
        var refused = 0
        for round in 0..<150 {
            let bytes = SeededDamage.damaged(original, times: 1...3, bytesThatMatter: bytesThatMatter, cuttingShort: true, random: &random)
            try POSIXFileSystem().writeFile(at: path, bytes: bytes)
            let reference = Self.outcome(path, rows: orders.count, sizes: whole)
            if reference.rows == nil { refused += 1 }
            for sizes in [Sizes(window: 700, piece: 100), Sizes(window: 64, piece: 16), Sizes(window: 5, piece: 3)] {
                let windowed = Self.outcome(path, rows: orders.count, sizes: sizes)
                XCTAssertEqual(windowed.rows, reference.rows, "round \(round), \(sizes)")
                XCTAssertEqual(windowed.error, reference.error, "round \(round), \(sizes)")
            }
        }
        XCTAssertGreaterThan(refused, 50, "most damage is refused")
    }

    func testARangedReadGivesFewerBytesOnlyWhereTheFileEnds() throws {
        let path = try Self.write([])
        let bytes = try POSIXFileSystem().readFile(at: path)
        XCTAssertEqual(try POSIXFileSystem().readFile(at: path, offset: 3, count: 10), Array(bytes[3..<13]))
        XCTAssertEqual(try POSIXFileSystem().readFile(at: path, offset: bytes.count - 4, count: 10), Array(bytes.suffix(4)))
        XCTAssertEqual(try POSIXFileSystem().readFile(at: path, offset: bytes.count + 5, count: 10), [])
    }

    // MARK: Helpers

    private static func decode(_ path: String, rows: Int, sizes: Sizes) throws -> [Order] {
        try CollectionFile.decode(file: path, fileSystem: POSIXFileSystem(), as: OrderRowCodec.self, currency: .eur, expectedRows: rows,
                                  sizes: sizes)
    }

    private static func outcome(_ path: String, rows: Int, sizes: Sizes) -> (rows: [Order]?, error: String?) {
        do { return (try decode(path, rows: rows, sizes: sizes), nil) } catch { return (nil, "\(error)") }
    }

    private static func write(_ orders: [Order]) throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        try POSIXFileSystem().createDirectory(at: folder)
        let path = folder + "/orders-1.json"
        try POSIXFileSystem().writeFile(at: path, bytes: CollectionFile.encode(orders, as: OrderRowCodec.self, currency: .eur))
        return path
    }

    private static func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "fixture text not found")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
    }

    private static func longestLine(_ path: String) throws -> Int {
        try POSIXFileSystem().readFile(at: path).split(separator: UInt8(ascii: "\n")).map(\.count).max() ?? 0
    }

    /// Orders of very different lengths: up to five lines, text with what JSON must escape
    /// (including line breaks, written as `\n`) and brackets and commas that look like row starts.
    private static let orders = RandomOrders(pieces: ["ana", "GLOW20", "say \"hi\"", "line\nbreak", ",\n[", "],[", "東京", "🎉", " ", ""],
                                             linesPerOrder: 0...5)

    private static func order(_ number: Int, random: inout SeededRandom) -> Order { orders.order(number, random: &random) }
}
