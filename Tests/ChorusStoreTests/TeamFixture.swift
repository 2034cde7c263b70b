import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A workspace for several people at once: the rich fixture with ten drafts waiting for review,
/// and logs that let a test decide exactly when a colleague's append lands.
enum TeamFixture {
    static let drafts: [SubmissionID] = (101...110).map { SubmissionID("SUB-0\($0)") }

    static var workspace: Workspace {
        var workspace = StoreFixtures.richWorkspace
        let submissions = drafts.map { id in
            Submission(id: id, creatorID: "CR-00001", waveID: "W1", deliverableID: "D1", platform: .instagram, format: .reel,
                       caption: "My glow routine #ad #gifted @glow", submittedAt: StoreFixtures.march12)
        }
        _ = try! workspace.apply(.addSubmissions(submissions), context: StoreFixtures.context())
        return workspace
    }

    static func context(_ actor: String, minute: Int = 48) -> CommandContext { StoreFixtures.context(minute, actor: actor) }
}

/// A log whose next append first runs `beforeNextAppend` — a colleague's command landing
/// between this store's catch-up and its append — or appends and then loses the acknowledgement.
final class ScriptedLog: SharedLog {
    let shared: SharedLog
    var beforeNextAppend: (() throws -> Void)?
    var loseNextAcknowledgement = false
    private(set) var conflicts = 0

    init(_ shared: SharedLog) { self.shared = shared }

    func head() throws -> Int { try shared.head() }
    func entries(after position: Int) throws -> [JournalEntry] { try shared.entries(after: position) }
    func append(_ entry: JournalEntry, expectedHead: Int) throws -> AppendOutcome {
        if let colleague = beforeNextAppend {
            beforeNextAppend = nil
            try colleague()
        }
        let outcome = try shared.append(entry, expectedHead: expectedHead)
        if case .conflict = outcome { conflicts += 1 }
        if loseNextAcknowledgement, case .appended = outcome {
            loseNextAcknowledgement = false
            throw StoreError(.io, "the connection dropped before the server answered")
        }
        return outcome
    }
    func changeHint() -> Int { shared.changeHint() }
    func currentSnapshot() throws -> LogSnapshot { try shared.currentSnapshot() }
    func putSnapshot(_ snapshot: LogSnapshot) throws { try shared.putSnapshot(snapshot) }
    func leaseCompaction() -> CompactionLease? { shared.leaseCompaction() }
    func stage(_ payload: [UInt8]) throws -> String { try shared.stage(payload) }
    func staged(_ name: String) throws -> [UInt8] { try shared.staged(name) }
}
