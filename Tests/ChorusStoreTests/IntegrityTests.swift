import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A journal line edited by hand, or one removed, is named on open — which `chorus check`
/// does too — and the workspace is left exactly as it is.
final class IntegrityTests: XCTestCase {
    private func journalOfThree() throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box"), context: StoreFixtures.context(0, actor: "ana"))
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: -2, reason: "damaged"), context: StoreFixtures.context(1, actor: "li"))
        try store.perform(.markDelivered(["SH-0001"]), context: StoreFixtures.context(2, actor: "ana"))
        store.close()
        return folder
    }

    private func rewriteJournal(_ folder: String, _ change: (inout [String]) -> Void) throws {
        var lines = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        change(&lines)
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/journal.jsonl", atomically: false, encoding: .utf8)
    }

    private func assertRefused(_ folder: String, saying expected: String, line: Int, file: StaticString = #filePath, line sourceLine: UInt = #line) throws {
        let before = try StoreFixtures.contents(of: folder)
        for mode in [WorkspaceStore.Mode.readWrite, .readOnly] {
            let error = assertStoreError(try WorkspaceStore.open(at: folder, mode: mode), file: file, line: sourceLine)
            XCTAssertEqual(error?.kind, .corrupt, file: file, line: sourceLine)
            XCTAssertEqual(error?.line, line, error?.description ?? "", file: file, line: sourceLine)
            XCTAssertTrue(error?.message.contains(expected) ?? false, error?.description ?? "", file: file, line: sourceLine)
        }
        XCTAssertEqual(try StoreFixtures.contents(of: folder).filter { !$0.key.hasSuffix("lock") },
                       before.filter { !$0.key.hasSuffix("lock") }, "left as it is", file: file, line: sourceLine)
    }

    func testAHandEditedLineIsNamedByItsEntry() throws {
        let folder = try journalOfThree()
        try rewriteJournal(folder) { $0[1] = $0[1].replacingOccurrences(of: #""delta":-2"#, with: #""delta":-20"#) }
        try assertRefused(folder, saying: "entry 2 (by li at 2026-03-12T09:15:02Z) was changed outside Chorus: its checksum does not match", line: 2)
    }

    func testARemovedLineBreaksTheChain() throws {
        let folder = try journalOfThree()
        try rewriteJournal(folder) { $0.remove(at: 1) }
        try assertRefused(folder, saying: "entry 3 does not follow the line before it", line: 2)
    }

    func testChecksumsSurviveACompactionThatKeepsLaterLines() throws {
        let folder = try journalOfThree()
        let store = try WorkspaceStore.open(at: folder)
        let compaction = try XCTUnwrap(try store.beginBackgroundCompaction())
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(3))
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(4))
        compaction.writeFiles()
        try store.finish(compaction)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(5))
        store.close()
        let segment = try StoreFixtures.activeJournal(in: folder)
        XCTAssertTrue(segment.hasSuffix("/journal-4.jsonl"), segment)
        XCTAssertEqual(try String(contentsOfFile: segment, encoding: .utf8).split(separator: "\n").count, 3)
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, store.workspace, "the new segment's lines chain on from the sealed one")
    }
}
