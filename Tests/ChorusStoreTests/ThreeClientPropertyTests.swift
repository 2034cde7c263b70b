import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// Three simulated people issue random commands through one memory log, in random
/// interleavings — a colleague's command landing between a store's catch-up and its append,
/// acknowledgements lost, all three on threads at once — and whatever happened, the log is
/// gapless with unique ids, every acknowledged command is in it exactly once, and every
/// store's state equals a sequential replay of the log. In memory here;
/// `PostgresThreeClientPropertyTests` runs the same on the PostgreSQL test server.
class ThreeClientPropertyTests: XCTestCase {
    /// Where the three share their workspace.
    func makeTeam() throws -> TeamLogs { MemoryTeam() }

    private static let people = ["maria", "sam", "lee"]

    /// A small deterministic generator, so a failing seed can be replayed.
    private struct Dice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static func randomCommand(_ dice: inout Dice) -> Command {
        let draft = TeamFixture.drafts[dice.next(TeamFixture.drafts.count)]
        switch dice.next(6) {
        case 0: return .approve([draft])
        case 1: return .requestChanges([draft], note: "brighter light")
        case 2: return .reject([draft], reason: "off brief")
        case 3: return .resubmit(draft, caption: "Take \(dice.next(1000)) #ad #gifted @glow", onScreenText: nil)
        default: return .adjustStock(sku: "SKU-SERUM", delta: dice.next(7) - 3 == 0 ? 1 : dice.next(7) - 3, reason: "count")
        }
    }

    /// Performs and returns the command's id if it was acknowledged; a refusal is fine.
    private static func attempt(_ store: WorkspaceStore, _ command: Command, by person: String, id: String) -> String? {
        do {
            try store.perform(command, context: StoreFixtures.context(1, actor: person), commandID: id)
            return id
        } catch is DomainError {
            return nil
        } catch {
            XCTFail("\(person): \(error)")
            return nil
        }
    }

    private func assertTheLogIsTheTruth(_ team: TeamLogs, acknowledged: Set<String>, stores: [WorkspaceStore],
                                        file: StaticString = #filePath, line: UInt = #line) throws {
        let entries = try team.allEntries()
        XCTAssertEqual(entries.map(\.seq), Array(1...max(entries.count, 1)).prefix(entries.count).map { $0 }, "gapless", file: file, line: line)
        let ids = entries.compactMap(\.commandID)
        XCTAssertEqual(ids.count, entries.count, "every entry has an id", file: file, line: line)
        XCTAssertEqual(Set(ids).count, ids.count, "no id twice", file: file, line: line)
        XCTAssertEqual(Set(ids), acknowledged, "every acknowledged command exactly once, nothing else", file: file, line: line)
        var replayed = TeamFixture.workspace
        for entry in entries { try replayed.apply(entry.command, context: entry.context) }
        for store in stores {
            try store.catchUp()
            XCTAssertEqual(store.workspace, replayed, "\(store.folder) equals a sequential replay", file: file, line: line)
        }
    }

    func testRandomInterleavingsOfThreePeopleEqualASequentialReplayOfTheLog() throws {
        for seed in 1...12 {
            var dice = Dice(state: UInt64(seed))
            let team = try makeTeam()
            defer { team.tearDown() }
            let logs = try Self.people.map { _ in ScriptedLog(try team.client()) }
            let stores = try Self.people.indices.map { try WorkspaceStore.open(sharing: logs[$0], name: Self.people[$0]) }
            var acknowledged = Set<String>()
            for step in 0..<60 {
                let who = dice.next(3)
                let command = Self.randomCommand(&dice)
                switch dice.next(4) {
                case 0:  // a colleague gets in between this person's catch-up and append
                    let other = (who + 1 + dice.next(2)) % 3
                    let theirs = Self.randomCommand(&dice)
                    let theirID = "s\(seed)-\(step)-colleague"
                    logs[who].beforeNextAppend = {
                        if let id = Self.attempt(stores[other], theirs, by: Self.people[other], id: theirID) { acknowledged.insert(id) }
                    }
                case 1:
                    logs[who].loseNextAcknowledgement = true
                default: break
                }
                if let id = Self.attempt(stores[who], command, by: Self.people[who], id: "s\(seed)-\(step)") { acknowledged.insert(id) }
                logs[who].beforeNextAppend = nil
                logs[who].loseNextAcknowledgement = false
            }
            try assertTheLogIsTheTruth(team, acknowledged: acknowledged, stores: stores)
        }
    }

    /// Each store is driven by one thread only, as a console's is; only the log is shared.
    private final class Threads: @unchecked Sendable {
        let stores: [WorkspaceStore]
        private let lock = NSLock()
        private var acknowledged = Set<String>()
        init(_ stores: [WorkspaceStore]) { self.stores = stores }
        func note(_ ids: Set<String>) { lock.withLock { acknowledged.formUnion(ids) } }
        var all: Set<String> { lock.withLock { acknowledged } }
    }

    func testThreePeopleOnThreeThreadsAtOnce() throws {
        let team = try makeTeam()
        defer { team.tearDown() }
        let threads = Threads(try Self.people.map { try WorkspaceStore.open(sharing: team.client(), name: $0) })
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            var dice = Dice(state: UInt64(100 + index))
            var mine = Set<String>()
            for step in 0..<150 {
                if let id = Self.attempt(threads.stores[index], Self.randomCommand(&dice), by: Self.people[index], id: "t\(index)-\(step)") {
                    mine.insert(id)
                }
            }
            threads.note(mine)
        }
        XCTAssertGreaterThan(try team.allEntries().count, 100, "many commands landed (others were refused by the state)")
        try assertTheLogIsTheTruth(team, acknowledged: threads.all, stores: threads.stores)
    }
}
