@testable import ChorusCore
@testable import ChorusGenerator
import XCTest

/// An edit of a creator that attribution does not read (an address, a payout method, an
/// audience) leaves kept attribution standing: nothing is decided again, and the next open reads
/// the kept file. That is only safe if such an edit can never change a decision.
final class CreatorEditsBesideKeptAttributionTests: XCTestCase {
    private static let context = CommandContext(now: Timestamp(day: Day(year: 2026, month: 3, day: 16)!, hour: 9), actor: "test")

    /// Random edits of random creators, and their undos: whenever the rule says an edit cannot
    /// change what is credited, every order is credited as before. Names taken from creators
    /// the survey credits, handles, aliases and link slugs are among the edits, so the rule is
    /// also seen to call edits that do change decisions what they are.
    func testAnEditTheRuleCallsHarmlessNeverChangesADecision() throws {
        var workspace = SampleProgram.generate(options: GeneratorOptions(seed: 7, today: Day(year: 2026, month: 3, day: 16)!))
        var random = SeededRandom(seed: 16)
        var decided = Attribution.compute(workspace)
        let namedInAnswers = decided.credits.compactMap { credit -> String? in
            guard credit.outcome == .assistedBySurvey, let id = decided.creator(of: credit) else { return nil }
            return workspace.creator(id)?.name
        }
        XCTAssertFalse(namedInAnswers.isEmpty, "the sample credits creators by the names buyers give")
        var (harmless, changing, changedDecisions) = (0, 0, 0)
        for step in 0..<60 {
            var edited = workspace.creators[random.below(workspace.creators.count)]
            switch random.below(9) {
            case 0: edited.address = PostalAddress(line1: "Street \(step)", city: "Town", postalCode: "1000\(step)", country: "NL")
            case 1: edited.payoutEmail = "pay\(step)@example.com"
            case 2: edited.engagementRate = Double(random.below(200)) / 1_000
            case 3: edited.niches.append("niche \(step)")
            case 4: edited.note = "note \(step)"
            case 5: edited.name = namedInAnswers[random.below(namedInAnswers.count)]
            case 6: edited.handle = edited.handle.isEmpty ? "now_a_creator_\(step)" : "renamed_\(step)"
            case 7: edited.aliases.append("Sunny \(step)")
            default: edited.linkSlug = "slug-\(step)"
            }
            let command = Command.updateCreator(edited)
            // An edit the workspace refuses (a handle another creator has) changes nothing.
            guard let applied = try? workspace.apply(command, context: Self.context) else { continue }
            var steps = [(command, applied)]
            if random.below(3) == 0 { steps.append((applied.undo, try workspace.apply(applied.undo, context: Self.context))) }
            for (command, applied) in steps {
                let now = Attribution.compute(workspace)
                if command.mayChangeAttribution(replacing: applied) {
                    changing += 1
                    if now.credits != decided.credits { changedDecisions += 1 }
                } else {
                    harmless += 1
                    XCTAssertEqual(now.credits, decided.credits, "step \(step): \(command.kind) was called harmless")
                }
                decided = now
            }
        }
        XCTAssertGreaterThan(harmless, 10)
        XCTAssertGreaterThan(changing, 10)
        XCTAssertGreaterThan(changedDecisions, 0, "some edits the rule calls changing must change decisions for the test to mean anything")
    }

    /// What the store, the console and a colleague catching up are told, edit by edit.
    func testOnlyWhatNamesOrLinksACreatorChangesAttribution() throws {
        var workspace = SampleProgram.generate(options: GeneratorOptions(seed: 7, today: Day(year: 2026, month: 3, day: 16)!))
        let creator = workspace.creators[3]
        func says(_ change: (inout Creator) -> Void) throws -> Bool {
            var edited = creator
            change(&edited)
            let applied = try workspace.apply(.updateCreator(edited), context: Self.context)
            defer { _ = try? workspace.apply(applied.undo, context: Self.context) }
            return Command.updateCreator(edited).mayChangeAttribution(replacing: applied)
        }
        XCTAssertFalse(try says { $0.address = PostalAddress(line1: "Kaiserstraße 9", city: "Frankfurt", postalCode: "60311", country: "DE") })
        XCTAssertFalse(try says { $0.payoutEmail = "payouts@example.com" })
        XCTAssertFalse(try says { $0.niches = ["pottery"] })
        XCTAssertTrue(try says { $0.name = "Somebody Else" })
        XCTAssertTrue(try says { $0.handle = "somebody_else" })
        XCTAssertTrue(try says { $0.aliases = ["Sunny"] })
        XCTAssertTrue(try says { $0.linkSlug = "elsewhere" })
        XCTAssertTrue(Command.adjustStock(sku: workspace.skus[0].id, delta: 1, reason: "recount").mayChangeAttribution == false)
    }
}
