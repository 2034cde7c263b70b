import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore
import Foundation
import XCTest

/// A console's preview reads only the creators of the wave it opens on. Picked by their id from
/// any window and piece layout, they must be exactly those rows of the whole file, in its order —
/// an id written with an escape included — and a file whose row count disagrees with the
/// manifest is refused as the full decoding refuses it.
final class SelectedRowsDecodeTests: XCTestCase {
    private typealias Sizes = CollectionFile.ReadSizes

    private func creators(_ count: Int, random: inout SeededRandom) -> [Creator] {
        (0..<count).map { number in
            // Now and then an id a brand's own system wrote, with a quote or a backslash in it.
            let id = number % 17 == 5 ? "CR-\"\(number)\\x" : "CR-\(number)"
            var creator = Creator(id: CreatorID(id), handle: "maker.\(number)", name: ["Zoë Ångström", "山田 花子", "Priya 🌸"][number % 3])
            creator.note = String(repeating: "n", count: Int.random(in: 0...300, using: &random))
            return creator
        }
    }

    private func write(_ creators: [Creator]) throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        try POSIXFileSystem().createDirectory(at: folder)
        let path = folder + "/creators-1.json"
        try POSIXFileSystem().writeFile(at: path, bytes: CollectionFile.encode(creators, as: CreatorRowCodec.self, currency: .eur))
        return path
    }

    private func selected(_ path: String, rows: Int, ids: Set<String>, sizes: Sizes) throws -> [Creator] {
        try CollectionFile.decode(file: path, fileSystem: POSIXFileSystem(), as: CreatorRowCodec.self, currency: .eur,
                                  expectedRows: rows, keepingIDs: ids, id: { $0.id.rawValue }, sizes: sizes)
    }

    func testTheWantedCreatorsAreExactlyThoseRowsOfTheWholeFileWhateverTheWindows() throws {
        var random = SeededRandom(seed: 41)
        for round in 0..<40 {
            let all = creators(Int.random(in: 0...120, using: &random), random: &random)
            let path = try write(all)
            let ids = Set(all.filter { _ in Bool.random(using: &random) }.map(\.id.rawValue) + ["CR-absent"])
            let window = Int.random(in: 1...900, using: &random)
            for sizes in [Sizes(), Sizes(window: window, piece: Int.random(in: 1...window, using: &random))] {
                XCTAssertEqual(try selected(path, rows: all.count, ids: ids, sizes: sizes), all.filter { ids.contains($0.id.rawValue) },
                               "round \(round), \(sizes)")
            }
        }
    }

    func testAFileHoldingOtherThanTheManifestsCountIsRefused() throws {
        var random = SeededRandom(seed: 42)
        let all = creators(30, random: &random)
        let path = try write(all)
        for sizes in [Sizes(), Sizes(window: 200, piece: 50)] {
            let error = assertStoreError(try selected(path, rows: 31, ids: ["CR-3"], sizes: sizes))
            XCTAssertEqual(error?.message, "holds 30 rows but chorus.json says 31; the file may have been cut short or edited", "\(sizes)")
        }
    }
}
