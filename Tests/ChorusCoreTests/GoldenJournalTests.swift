import ChorusStore
import Foundation
import XCTest
@testable import ChorusCore

/// Journals as every earlier Chorus wrote them must open in every later one, and replay to the
/// workspace they were written from. For each journal format there is a frozen workspace in
/// `Tests/Fixtures/journals/format-N`: `journal/` holds a snapshot of `ProgramFixture` and a
/// journal of every command in `CommandSamples`, each followed by its undo, as that format's
/// Chorus wrote them, then every sample again that still applies; `replayed/` is the same workspace compacted by that Chorus, so the
/// expected state does not depend on today's fixtures or samples.
///
/// Never edit a frozen format. When `JournalEntry.currentFormat` goes up (a new command kind,
/// or a command that applies differently), freeze the new format once:
/// `CHORUS_FREEZE_JOURNAL=1 swift test --filter GoldenJournalTests`, and commit the folder.
final class GoldenJournalTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/journals")

    static func folder(format: Int) -> URL { fixtures.appendingPathComponent("format-\(format)") }

    func testTheCurrentFormatIsFrozenWithEveryKindOfCommand() throws {
        let current = Self.folder(format: JournalEntry.currentFormat)
        if !FileManager.default.fileExists(atPath: current.path), ProcessInfo.processInfo.environment["CHORUS_FREEZE_JOURNAL"] != nil {
            try Self.freeze(into: current)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: current.path),
                      "journal format \(JournalEntry.currentFormat) has no golden journal: CHORUS_FREEZE_JOURNAL=1 swift test --filter GoldenJournalTests")
    }

    /// Writes the golden workspace of the current format: each sample, then its undo.
    static func freeze(into folder: URL) throws {
        let journal = folder.appendingPathComponent("journal")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try WorkspaceStore.create(at: journal.path, workspace: ProgramFixture.workspace)
        var minute: Int64 = 0
        func context() -> CommandContext {
            minute += 1
            return CommandContext(now: ProgramFixture.context.now.adding(seconds: minute * 60), actor: minute % 2 == 0 ? "ana" : "li")
        }
        for command in CommandSamples.all {
            let applied = try store.perform(command, context: context(), commandID: "golden-\(minute)")
            try store.perform(applied.undo, context: context(), commandID: "golden-\(minute)")
        }
        // Then every sample that still applies after the ones before it, kept, so that the
        // replayed state shows what each did and not only that it was undone.
        for command in CommandSamples.all {
            _ = try? store.perform(command, context: context(), commandID: "golden-\(minute)")
        }
        store.close()
        let replayed = folder.appendingPathComponent("replayed")
        try FileManager.default.copyItem(at: journal, to: replayed)
        let compacting = try WorkspaceStore.open(at: replayed.path)
        try compacting.compact()
        compacting.close()
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where name.hasSuffix("lock") {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
