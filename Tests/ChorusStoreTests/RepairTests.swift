import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// `chorus check --repair`: with the workspace alone it cuts a torn tail and removes what
/// nothing refers to, says what it did, and is refused — naming who — while it is open.
final class RepairTests: XCTestCase {
    func testRepairCutsATornTailAndRemovesWhatNothingRefersTo() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(1))
        try store.compact()
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 2, reason: "count"), context: StoreFixtures.context(2))
        let expected = store.workspace
        store.close()
        // What crashes leave: a sealed segment whose removal was cut short, an earlier
        // generation's file, a batch staged by an import killed before its entry, a torn line.
        try Data("{\"seq\":1}\n".utf8).write(to: URL(fileURLWithPath: folder + "/journal.jsonl"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/orders-1.json"))
        try Data(repeating: 7, count: 2_000).write(to: URL(fileURLWithPath: folder + "/batch-0a1b.json"))
        try StoreFixtures.append(#"{"actor":"ana","at":"2026-03-12T09:20:00Z","command":{"adjustSt"#, to: folder + "/journal-2.jsonl")
        try Data("kept beside the workspace\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))

        let done = try WorkspaceStore.repair(at: folder)
        XCTAssertEqual(done, [
            "cut an incomplete last entry off journal-2.jsonl, line 2 (63 bytes; it was never acknowledged, most likely cut short by a crash)",
            "left journal.jsonl as it is: no snapshot needs it, but it cannot be read as a journal segment, so its records could not "
                + "be kept in the history — look at it, then remove it by hand",
            "removed 1 file of an earlier snapshot or an interrupted compaction (orders-1.json; 1 kB)",
            "removed 1 staged import no journal entry names (batch-0a1b.json; 2 kB): left by an import that was stopped before it was saved",
        ])
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        XCTAssertTrue(names.isDisjoint(with: ["orders-1.json", "batch-0a1b.json"]), "\(names)")
        XCTAssertTrue(names.contains("notes.txt"), "files Chorus does not write are never touched")
        XCTAssertTrue(try String(contentsOfFile: folder + "/journal-2.jsonl", encoding: .utf8).hasSuffix("}\n"), "the journal ends in a whole entry")
        XCTAssertEqual(try WorkspaceStore.open(at: folder).workspace, expected)
        try FileManager.default.removeItem(atPath: folder + "/journal.jsonl")
        XCTAssertEqual(try WorkspaceStore.repair(at: folder), ["nothing needed repair"])
    }

    func testASealedSegmentLeftBehindIsRetiredIntoTheHistory() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        try store.perform(.adjustStock(sku: "SKU-SERUM", delta: 1, reason: "count"), context: StoreFixtures.context(1))
        let sealed = try Data(contentsOf: URL(fileURLWithPath: folder + "/journal.jsonl"))
        try store.compact()
        store.close()
        // As if the compaction was killed after its switch, before it removed the sealed segment.
        try sealed.write(to: URL(fileURLWithPath: folder + "/journal.jsonl"))
        try FileManager.default.removeItem(atPath: folder + "/history-1.jsonl")
        let done = try WorkspaceStore.repair(at: folder)
        XCTAssertEqual(done.count, 1)
        XCTAssertTrue(done[0].hasPrefix("removed 1 sealed journal segment (journal.jsonl; "), done[0])
        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(try reopened.history().map(\.summary), [try XCTUnwrap(try reopened.history().first?.summary)])
        XCTAssertEqual(try reopened.history().map(\.seq), [1], "the retired entry's record is in the history")
    }

    func testRepairIsRefusedWhileTheWorkspaceIsOpenNamingWhoHasIt() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        // The holder is another process: this one is left out of the names (it is the one asking).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--shared", folder + "/lock", "sleep", "3"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.3)
        store.close()
        let error = assertStoreError(try WorkspaceStore.repair(at: folder))
        XCTAssertEqual(error?.kind, .locked)
        let login = String(cString: getpwuid(getuid()).pointee.pw_name)
        XCTAssertTrue(error?.message.hasPrefix("the workspace is open in process ") ?? false, error?.description ?? "")
        XCTAssertTrue(error?.message.contains("(\(login): flock --shared ") ?? false, error?.description ?? "")
        XCTAssertTrue(error?.message.hasSuffix("close every console on it, then try again") ?? false, error?.description ?? "")
    }
}
