import ChorusCore
import ChorusInterchange
import ChorusStore
import Foundation
import XCTest

/// The snapshot files and the journal, damaged at random (mutations of a real workspace's
/// files): opening ends in a workspace or a `StoreError` naming the file — never a crash, a hang
/// or an untyped error. One target per file, so adding a file is one name. Each open decodes
/// the whole workspace, so these get a fifth of the importers' iterations.
final class StoreFuzzTests: XCTestCase {
    /// A small real workspace (sample orders, survey answers, creators, a journal), written once.
    private static let folder: String = {
        let folder = NSTemporaryDirectory() + "chorus-fuzz-store-\(getpid())"
        let workspace = ImporterFuzzTests.workspace
        let store = try! WorkspaceStore.create(at: folder, workspace: workspace)
        let context = CommandContext(now: Timestamp(day: Day(year: 2026, month: 3, day: 12)!, hour: 9, minute: 0, second: 0), actor: "fuzz")
        let creators = try! CreatorsImport(bytes: ImporterFuzzTests.creatorsSeed, fileName: "creators.csv", workspace: workspace,
                                           codeTerms: DiscountTerms(kind: .percent, value: 1_000))
        try! store.perform(creators.command!, context: context)
        let orders = try! ShopifyOrdersImport(bytes: ImporterFuzzTests.sample("shopify-orders.csv"), fileName: "orders.csv", currency: .eur)
        try! store.perform(.importOrders(orders.orders), context: context)
        try! store.perform(.addSKUs([SKU(id: "SKU-1", name: "Serum", unitCost: .zero(.eur), stockOnHand: 3)]), context: context)
        try! store.compact()
        for delta in 1...5 { try! store.perform(.adjustStock(sku: "SKU-1", delta: delta, reason: "count \(delta)"), context: context) }
        store.close()
        return folder
    }()

    private static func target(_ file: String) -> FuzzTarget {
        let path = folder + "/" + file
        let original = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        return FuzzTarget(name: file, seeds: [original]) { bytes in
            // Plain writes: Foundation's atomic ones sync, which would make this test slow.
            defer { try? Data(original).write(to: URL(fileURLWithPath: path)) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                let store = try WorkspaceStore.open(at: folder, mode: .readOnly)
                store.close()
                return .accepted
            } catch let error as StoreError {
                guard error.file.map({ $0.hasPrefix(folder) }) ?? false else { throw FuzzFailure("an error without its file: \(error)") }
                return .refused
            } catch {
                throw FuzzFailure("an untyped error: \(type(of: error)) \(error)")
            }
        }
    }

    func testDamagedSnapshotFilesAndJournalOpenOrAreRefusedWithTheirFile() throws {
        let files = ["journal-4.jsonl", "chorus.json", "program-2.json", "creators-2.json", "orders-2.json", "shipments-2.json"]
        for file in files {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.folder + "/" + file), file)
            let report = Fuzzer.run(Self.target(file), iterations: Fuzzer.iterations / 5, seconds: 3)
            print("fuzz \(report)")
            XCTAssertEqual(report.failures, [], file)
            XCTAssertGreaterThan(report.refused, 0, file)
        }
        XCTAssertNoThrow(try WorkspaceStore.open(at: Self.folder, mode: .readOnly), "every file was put back")
    }

    /// A complete last journal line of fuzzed bytes (a newer Chorus's command, a hand edit):
    /// a read-write open either reads it, or opens read-only saying which line and refuses
    /// every write — and in no case changes a byte of the journal.
    func testAnyCompleteLastJournalLineIsReadOrLeftAsItIsWithTheWorkspaceReadOnly() throws {
        let path = Self.folder + "/journal-4.jsonl"  // the segment the compaction rolled to
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The seed: the last entry again, as the next one.
        // (Without its checksums, which a copy would not match: entries from before them read as they are.)
        let last = Data(original.dropLast().split(separator: UInt8(ascii: "\n")).last ?? [])
        var entry = try XCTUnwrap(JSONSerialization.jsonObject(with: last) as? [String: Any])
        let sequence = try XCTUnwrap(entry["seq"] as? Int)
        entry["seq"] = sequence + 1
        entry["sum"] = nil
        entry["prev"] = nil
        entry["commandID"] = nil
        let lastLine = [UInt8](try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes]))
        let lineNumber = original.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let target = FuzzTarget(name: "journal.jsonl, last line", seeds: [lastLine]) { bytes in
            defer { try? Data(original).write(to: URL(fileURLWithPath: path)) }
            let line = bytes.filter { $0 != UInt8(ascii: "\n") } + [UInt8(ascii: "\n")]
            let written = original + line
            try Data(written).write(to: URL(fileURLWithPath: path))
            let store: WorkspaceStore
            do { store = try WorkspaceStore.open(at: Self.folder) } catch let error as StoreError {
                // A line that decodes but does not apply (a wrong sequence, an unknown id) is refused.
                guard error.file == path else { throw FuzzFailure("an error without its file: \(error)") }
                return .refused
            }
            defer { store.close() }
            if store.mode == .readOnly {
                guard let unreadable = store.unreadableLastLine, unreadable.line == lineNumber else { throw FuzzFailure("read-only without the line") }
                guard (try? store.compact()) == nil else { throw FuzzFailure("compacted a journal it cannot read") }
            }
            guard [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == written else { throw FuzzFailure("the journal was changed") }
            return store.mode == .readOnly ? .refused : .accepted
        }
        let report = Fuzzer.run(target, iterations: Fuzzer.iterations / 5, seconds: 3)
        print("fuzz \(report)")
        XCTAssertEqual(report.failures, [])
        XCTAssertGreaterThan(report.refused, 0)
        XCTAssertNoThrow(try WorkspaceStore.open(at: Self.folder, mode: .readOnly), "the journal was put back")
    }

    func testHostileJSONInEveryFileIsRefusedWithItsFile() {
        for file in ["journal-4.jsonl", "chorus.json", "program-2.json", "creators-2.json", "shipments-2.json"] {
            let target = Self.target(file)
            for fixture in HostileJSON.fixtures {
                XCTAssertNoThrow(try target.read(fixture.bytes), "\(file), \(fixture.name)")
            }
        }
        XCTAssertNoThrow(try WorkspaceStore.open(at: Self.folder, mode: .readOnly), "every file was put back")
    }
}
