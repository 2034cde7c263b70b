import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// A console left open on a full disk: its background compaction fails. It must not retry
/// dozens of times a second under a new generation each time; it waits longer after each
/// failure, keeps the generation number, says once that the disk is full, and succeeds with
/// that same generation once there is room again.
final class CompactionRetryTests: XCTestCase {
    /// The real file system with a switch: while `isFull`, writing a snapshot file fails the
    /// way a full disk does.
    private final class SwitchableDisk: FileSystem, @unchecked Sendable {
        private let real = POSIXFileSystem()
        private let lock = NSLock()
        private var full = false
        var isFull: Bool {
            get { lock.withLock { full } }
            set { lock.withLock { full = newValue } }
        }

        func fileExists(at path: String) -> Bool { real.fileExists(at: path) }
        func readFile(at path: String) throws -> [UInt8] { try real.readFile(at: path) }
        func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] { try real.readFile(at: path, offset: offset, count: count) }
        func createDirectory(at path: String) throws { try real.createDirectory(at: path) }
        func writeFile(at path: String, bytes: [UInt8]) throws {
            if isFull, path.hasSuffix(".json") { throw StoreError(.io, file: path, "write failed: No space left on device", code: ENOSPC) }
            try real.writeFile(at: path, bytes: bytes)
        }
        func appendToFile(at path: String, bytes: [UInt8]) throws { try real.appendToFile(at: path, bytes: bytes) }
        func truncateFile(at path: String, toLength length: Int) throws { try real.truncateFile(at: path, toLength: length) }
        func renameFile(from source: String, to destination: String) throws { try real.renameFile(from: source, to: destination) }
        func syncDirectory(at path: String) throws { try real.syncDirectory(at: path) }
        func removeFile(at path: String) throws { try real.removeFile(at: path) }
    }

    func testAFullDiskIsRetriedLessAndLessOftenUnderOneGenerationAndSaidOnce() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let disk = SwitchableDisk()
        let store = try WorkspaceStore.open(at: folder, fileSystem: disk)
        var generations: [Int] = []
        let compactor = BackgroundCompactor(store: store, threshold: 2) { compaction in
            generations.append(compaction.generation)
            compaction.writeFiles()
        }
        for minute in 1...3 {
            try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "recount"), context: StoreFixtures.context(minute))
        }
        disk.isFull = true

        // A minute of the console's loop, polling between key presses every 10 ms.
        let start = Date(timeIntervalSinceReferenceDate: 0)
        var said: [String] = []
        for tick in 0..<6_000 {
            let now = start.addingTimeInterval(Double(tick) / 100)
            compactor.startIfDue(at: now)
            if let news = compactor.collect(at: now) { said.append(news) }
        }
        XCTAssertEqual(generations, [2, 2, 2, 2], "tried at 0, 5, 15 and 35 s, always as generation 2")
        XCTAssertEqual(said.count, 1, "\(said)")
        XCTAssertTrue(said.first?.hasPrefix("the disk is full: could not write a fresh snapshot (every change is safe in the journal)") ?? false, "\(said)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(names.filter { $0.hasSuffix("-2.json") }, [], "a failed attempt's partial files are removed at once: \(names.sorted())")

        disk.isFull = false
        let later = start.addingTimeInterval(60 + CompactionRetry.wait(afterFailures: 4))
        compactor.startIfDue(at: later)
        XCTAssertEqual(compactor.collect(at: later), "a fresh snapshot was written after all")
        XCTAssertEqual(generations.last, 2)
        XCTAssertEqual(store.journalLength, 0)
        store.close()
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: folder).contains("orders-2.json"))
    }

    func testTheWaitDoublesUpToAQuarterOfAnHour() {
        XCTAssertEqual((1...10).map { CompactionRetry.wait(afterFailures: $0) }, [5, 10, 20, 40, 80, 160, 320, 640, 900, 900])
    }
}
