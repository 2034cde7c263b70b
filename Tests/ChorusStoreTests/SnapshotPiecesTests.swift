import Foundation
import XCTest
@testable import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore

/// A snapshot's big collections go to disk in pieces as they are encoded, a few pieces at a
/// time on all cores, so that a million orders are never held as one buffer. However the rows
/// fall into pieces, the file must be the one encoded whole, byte for byte.
final class SnapshotPiecesTests: XCTestCase {
    func testOrdersWrittenInPiecesOfAnySizeAreTheFileEncodedWhole() {
        let orders = RandomOrders(pieces: ["ana", "GLOW20", "say \"hi\"", "line\nbreak", ",\n[", "東京", " ", ""], linesPerOrder: 0...3)
        var random = SeededRandom(seed: 12)
        for round in 0..<60 {
            let rows = (0..<random.int(in: 0...40)).map { orders.order($0, random: &random) }
            let whole = CollectionFile.encode(rows, as: OrderRowCodec.self, currency: .eur)
            let rowsPerPiece = random.int(in: 1...7)
            var pieces: [[UInt8]] = []
            CollectionFile.write(rows, as: OrderRowCodec.self, currency: .eur, rowsPerPiece: rowsPerPiece) { pieces.append($0) }
            XCTAssertEqual(Array(pieces.joined()), whole, "round \(round): \(rows.count) orders in pieces of \(rowsPerPiece)")
            XCTAssertGreaterThanOrEqual(pieces.count, rows.count / rowsPerPiece + 2, "the header, each piece of rows, the end")
        }
    }

    func testAFailedWriteMidwayStopsTheFileThere() {
        let orders = RandomOrders(pieces: ["ana", ""], linesPerOrder: 1...2)
        var random = SeededRandom(seed: 3)
        let rows = (0..<30).map { orders.order($0, random: &random) }
        struct DiskFull: Error {}
        var written = 0
        XCTAssertThrowsError(try CollectionFile.write(rows, as: OrderRowCodec.self, currency: .eur, rowsPerPiece: 4) { _ in
            written += 1
            if written == 3 { throw DiskFull() }
        }) { XCTAssertTrue($0 is DiskFull) }
        XCTAssertEqual(written, 3, "nothing is written after the failure")
    }
}
