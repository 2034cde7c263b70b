import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// Journals as earlier Chorus versions wrote them must open in every later one, and a journal
/// from a newer Chorus must not be written by an older one.
final class JournalFormatTests: XCTestCase {
    /// Golden lines in journal format 1, exactly as Chorus wrote them before workspaces were
    /// shared (no `commandID`, `summary` or `format`). Never edit them: if a change to `Command`
    /// breaks this test, it breaks every workspace in the field.
    static let formatOne = #"""
{"actor":"ana","at":"2026-03-12T09:14:02Z","command":{"adjustStock":{"delta":5,"reason":"found a box","sku":"SKU-SERUM"}},"seq":1}
{"actor":"li","at":"2026-03-12T09:15:02Z","command":{"markDelivered":{"_0":["SH-0001"]}},"seq":2}
{"actor":"ana","at":"2026-03-12T09:16:02Z","command":{"tagAssets":{"_0":["AS-0001"],"add":["spring"],"remove":[]}},"seq":3}
{"actor":"li","at":"2026-03-12T09:17:02Z","command":{"updateCreator":{"_0":{"engagementRate":0,"handle":"bare","id":"CR-00003","name":"","niches":[],"note":"met at the fair","profiles":[],"sources":[]}}},"seq":4}
"""#

    private func workspace(journal: String) throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        try (journal + "\n").write(toFile: folder + "/journal.jsonl", atomically: false, encoding: .utf8)
        return folder
    }

    func testAJournalInFormatOneStillOpensAndIsWrittenOnInTheCurrentFormat() throws {
        let folder = try workspace(journal: Self.formatOne)
        let store = try WorkspaceStore.open(at: folder)
        var expected = StoreFixtures.richWorkspace
        try expected.apply(.adjustStock(sku: "SKU-SERUM", delta: 5, reason: "found a box"), context: StoreFixtures.context(0, actor: "ana"))
        try expected.apply(.markDelivered(["SH-0001"]), context: StoreFixtures.context(1, actor: "li"))
        try expected.apply(.tagAssets(["AS-0001"], add: ["spring"], remove: []), context: StoreFixtures.context(2, actor: "ana"))
        var creator = try XCTUnwrap(expected.creator("CR-00003"))
        creator.note = "met at the fair"
        try expected.apply(.updateCreator(creator), context: StoreFixtures.context(3, actor: "li"))
        XCTAssertEqual(store.workspace, expected)
        XCTAssertEqual(try store.history().map(\.kind), ["adjustStock", "markDelivered", "tagAssets", "updateCreator"])

        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(4))
        let last = try XCTUnwrap(try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n").last)
        XCTAssertTrue(last.contains(#""format":\#(JournalEntry.currentFormat)"#), String(last))
        XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace, store.workspace)
    }

    /// An entry of the format after this build's, with a command this build does not know.
    static let fromTheFuture = #"{"actor":"zoe","at":"2027-01-04T10:00:00Z","command":{"kind":"splitWave","wave":"W1"},"format":"#
        + "\(newer),\"seq\":5}"
    static let newer = JournalEntry.currentFormat + 1

    func testANewerFormatOpensReadOnlySayingUpgradeAndNothingIsWritten() throws {
        for journal in [Self.formatOne + "\n" + Self.fromTheFuture,
                        Self.formatOne + "\n" + Self.fromTheFuture + "\n" + Self.fromTheFuture.replacingOccurrences(of: #""seq":5"#, with: #""seq":6"#)] {
            let folder = try workspace(journal: journal)
            let before = try StoreFixtures.contents(of: folder)
            let store = try WorkspaceStore.open(at: folder)
            XCTAssertEqual(store.mode, .readOnly)
            XCTAssertTrue(store.recoveryNotice?.contains("line 5: written by a newer Chorus (format \(Self.newer)); upgrade to write") ?? false,
                          store.recoveryNotice ?? "")
            XCTAssertEqual(store.workspace.creator("CR-00003")?.note, "met at the fair", "what this build can read is shown")
            XCTAssertThrowsError(try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(9))) {
                XCTAssertTrue("\($0)".contains("written by a newer Chorus (format \(Self.newer)); upgrade to write"), "\($0)")
            }
            store.close()
            XCTAssertEqual(try StoreFixtures.contents(of: folder).filter { !$0.key.hasSuffix(".lock") && $0.key != "lock" },
                           before.filter { !$0.key.hasSuffix(".lock") && $0.key != "lock" }, "the workspace is left untouched")
        }
    }

    func testAConsoleThatMeetsAColleaguesNewerChorusStopsWriting() throws {
        let folder = try workspace(journal: Self.formatOne)
        let store = try WorkspaceStore.open(at: folder)
        let fd = open(folder + "/journal.jsonl", O_WRONLY | O_APPEND)
        _ = (Self.fromTheFuture + "\n").withCString { write(fd, $0, strlen($0)) }
        close(fd)
        XCTAssertThrowsError(try store.catchUp())
        XCTAssertThrowsError(try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(9))) {
            XCTAssertTrue("\($0)".contains("written by a newer Chorus (format \(Self.newer)); upgrade to write"), "\($0)")
        }
    }

    /// The workspace records the domain format: a snapshot a newer Chorus wrote (its journal
    /// compacted away) is read, and never written by this build.
    func testASnapshotWrittenByANewerChorusOpensReadOnlySayingUpgrade() throws {
        let folder = try workspace(journal: Self.formatOne)
        let manifest = folder + "/chorus.json"
        let recorded = try String(contentsOfFile: manifest, encoding: .utf8)
        XCTAssertTrue(recorded.contains(#""journalFormat" : \#(JournalEntry.currentFormat)"#), recorded)
        try recorded.replacingOccurrences(of: #""journalFormat" : \#(JournalEntry.currentFormat)"#, with: #""journalFormat" : \#(Self.newer)"#)
            .write(toFile: manifest, atomically: false, encoding: .utf8)
        let before = try StoreFixtures.contents(of: folder)

        let store = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(store.mode, .readOnly)
        XCTAssertEqual(store.recoveryNotice?.hasPrefix(manifest + ": written by a newer Chorus (format \(Self.newer)); upgrade to write"), true,
                       store.recoveryNotice ?? "")
        XCTAssertEqual(store.workspace.creator("CR-00003")?.note, "met at the fair", "reading works")
        XCTAssertThrowsError(try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(9))) {
            XCTAssertTrue("\($0)".contains("written by a newer Chorus (format \(Self.newer)); upgrade to write"), "\($0)")
        }
        XCTAssertThrowsError(try store.compact())
        store.close()
        XCTAssertEqual(try StoreFixtures.contents(of: folder).filter { !$0.key.hasSuffix("lock") },
                       before.filter { !$0.key.hasSuffix("lock") }, "the workspace is left untouched")
    }

    /// A manifest from before the domain format was recorded is format 2, and the next
    /// snapshot records this build's.
    func testAnOlderSnapshotIsWrittenOnAndItsNextSnapshotRecordsTheCurrentFormat() throws {
        let folder = try workspace(journal: Self.formatOne)
        let manifest = folder + "/chorus.json"
        try String(contentsOfFile: manifest, encoding: .utf8).replacingOccurrences(of: #""journalFormat" : \#(JournalEntry.currentFormat),"#, with: "")
            .write(toFile: manifest, atomically: false, encoding: .utf8)
        let store = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(store.mode, .readWrite)
        XCTAssertNil(store.recoveryNotice)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(9))
        try store.compact()
        XCTAssertTrue(try String(contentsOfFile: manifest, encoding: .utf8).contains(#""journalFormat" : \#(JournalEntry.currentFormat)"#))
    }

    /// The same gate on a log that is not a folder (a database server): a colleague's newer
    /// entry stops this store writing, and a store opened after it is read-only from the start.
    func testOnASharedLogANewerEntryStopsWritingAndANewerSnapshotOpensReadOnly() throws {
        let log = MemoryLog(workspace: StoreFixtures.richWorkspace)
        let ours = try WorkspaceStore.open(sharing: log)
        try ours.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(1))
        var theirs = JournalEntry(seq: 2, at: StoreFixtures.context(2).now, actor: "zoe", command: .adjustStock(sku: "SKU-SERUM", delta: 3, reason: "newer"))
        theirs.format = Self.newer
        XCTAssertEqual(try log.append(theirs, expectedHead: 1), .appended(2))

        XCTAssertThrowsError(try ours.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "again"), context: StoreFixtures.context(3))) {
            XCTAssertTrue("\($0)".contains("written by a newer Chorus (format \(Self.newer)); upgrade to write"), "\($0)")
        }
        let later = try WorkspaceStore.open(sharing: log)
        XCTAssertEqual(later.mode, .readOnly)
        XCTAssertEqual(later.lastSequence, 1, "what this build can read is shown")
        XCTAssertEqual(log.allEntries.count, 2, "nothing was written")

        let compacted = MemoryLog(workspace: StoreFixtures.richWorkspace)
        try compacted.putSnapshot(LogSnapshot(workspace: StoreFixtures.richWorkspace, through: 1, format: Self.newer))
        XCTAssertEqual(try WorkspaceStore.open(sharing: compacted).mode, .readOnly)
    }
}
