import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Due dates and drafted messages live on enrollments: they survive the journal, a compaction
/// into the snapshot's rows, and reopening.
final class FollowUpStorageTests: XCTestCase {
    func testDueDatesAndMessagesSurviveTheJournalAndTheSnapshot() throws {
        let folder = StoreFixtures.temporaryFolder()
        let store = try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace)
        let enrolled = try XCTUnwrap(store.workspace.enrollments.first { !$0.stage.isExit })
        let (creator, wave) = (enrolled.creatorID, enrolled.waveID)
        try store.perform(.setDueDate(creators: [creator], wave: wave, change: .on(Day("2027-01-15")!)), context: StoreFixtures.context(1))
        try store.perform(.draftMessages(kind: .late, wave: wave, creators: [creator]), context: StoreFixtures.context(2))
        try store.perform(.markMessagesSent(kind: .late, wave: wave, creators: [creator]), context: StoreFixtures.context(3))
        let expected = store.workspace
        XCTAssertEqual(expected.enrollment(creator, in: wave)?.correspondence.first?.sentAt, StoreFixtures.context(3).now)
        store.close()

        let replayed = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(replayed.workspace, expected)
        try replayed.compact()
        replayed.close()

        let reopened = try WorkspaceStore.open(at: folder)
        XCTAssertEqual(reopened.workspace, expected)
        XCTAssertEqual(reopened.workspace.enrollment(creator, in: wave)?.dueDate, Day("2027-01-15"))
        XCTAssertEqual(reopened.journalLength, 0)
    }
}
