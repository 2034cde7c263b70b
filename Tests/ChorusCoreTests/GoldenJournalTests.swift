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
        // Two people write it, so its history names both; the second is an admin too, so that
        // every sample (the people and settings ones included) is theirs to issue.
        var workspace = ProgramFixture.workspace
        workspace.program.people?.people.append(Person(name: "li", roles: [.admin]))
        let store = try WorkspaceStore.create(at: journal.path, workspace: workspace)
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

/// Every frozen format opens with this build and replays to what its own Chorus replayed.
final class FrozenJournalFormatsTests: XCTestCase {
    private var formats: [Int] {
        (1...JournalEntry.currentFormat).filter { FileManager.default.fileExists(atPath: GoldenJournalTests.folder(format: $0).path) }
    }

    private func copy(format: Int, _ part: String) throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-golden-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: GoldenJournalTests.folder(format: format).appendingPathComponent(part), to: copy)
        addTeardownBlock { try? FileManager.default.removeItem(at: copy) }
        return copy.path
    }

    func testEveryFrozenJournalOpensAndReplaysToTheWorkspaceItsChorusReplayed() throws {
        XCTAssertTrue(formats.contains(2) && formats.contains(JournalEntry.currentFormat), "\(formats)")
        for format in formats {
            let journal = try WorkspaceStore.open(at: try copy(format: format, "journal"), mode: .readOnly)
            let replayed = try WorkspaceStore.open(at: try copy(format: format, "replayed"), mode: .readOnly)
            XCTAssertNil(journal.recoveryNotice, "format \(format)")
            XCTAssertTrue(journal.workspace == replayed.workspace, "format \(format) replays to what it replayed when it was frozen")
            XCTAssertEqual(try journal.history().map(\.kind), try replayed.history().map(\.kind), "format \(format)")
        }
    }

    /// Read back, each sample is the command that was written: nothing lost or changed on the
    /// way. The current format's journal holds every kind there is, so a new kind fails here
    /// until the format is raised and frozen.
    func testEveryFrozenJournalHoldsEveryKindOfItsTimeAsWritten() throws {
        let every = Set(Command.Kind.allCases.map(\.rawValue))
        for format in formats {
            let folder = try copy(format: format, "journal")
            let kinds = Set(try WorkspaceStore.open(at: folder, mode: .readOnly).history().map(\.kind))
            if format == JournalEntry.currentFormat {
                XCTAssertEqual(kinds, every, "a new kind of command: raise JournalEntry.currentFormat and freeze it, "
                               + "CHORUS_FREEZE_JOURNAL=1 swift test --filter GoldenJournalTests")
            } else {
                XCTAssertTrue(kinds.isSubset(of: every), "format \(format): \(kinds.subtracting(every))")
            }
            let lines = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
            let commands = try lines.map { try JSONDecoder().decode(JournalEntry.self, from: Data($0.utf8)).command }
            // Each sample of the time, followed by its undo.
            for written in stride(from: 0, to: 2 * kinds.count, by: 2).map({ commands[$0] }) {
                XCTAssertEqual(written, CommandSamples.all.first { $0.kind == written.kind },
                               "format \(format), \(written.kind): the samples are frozen in the golden journals; add one, never edit one")
            }
        }
    }

    /// An older journal is read as it is and written on in the current format.
    func testAWorkspaceOfAnEarlierFormatIsWrittenOnInTheCurrentOne() throws {
        let folder = try copy(format: 2, "journal")
        let store = try WorkspaceStore.open(at: folder)
        try store.perform(.adjustStock(sku: ProgramFixture.serum, delta: 2, reason: "recount"), context: ProgramFixture.context)
        store.close()
        let last = try XCTUnwrap(try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n").last)
        XCTAssertTrue(last.contains(#""kind":"adjustStock""#) && last.contains(#""format":\#(JournalEntry.currentFormat)"#), String(last))
        XCTAssertTrue(try WorkspaceStore.open(at: folder, mode: .readOnly).workspace == store.workspace)
    }
}
