import XCTest
@testable import ChorusCore

/// The console and the store only recompute attribution after a command that may change what it
/// credits (`Command.mayChangeAttribution`); decisions kept on disk are reused across every
/// other journal entry. So a command that says it cannot change attribution must leave every
/// input the rules read exactly as it was, and so must its undo.
final class AttributionInputsTests: XCTestCase {
    /// Everything `Attribution` reads: settings, waves, codes, orders and answers, and of each
    /// creator their id and what names or links them (a payout method is not read).
    private struct Inputs: Equatable {
        struct CreditedAs: Equatable {
            var id: CreatorID, handle: String, name: String, aliases: [String], linkSlug: String?
        }
        var program: Program, waves: [Wave], creators: [CreditedAs], discountCodes: [DiscountCode]
        var orders: [Order], surveyResponses: [SurveyResponse]

        init(_ workspace: Workspace) {
            program = workspace.program
            waves = workspace.waves.rows
            creators = workspace.creators.map { CreditedAs(id: $0.id, handle: $0.handle, name: $0.name, aliases: $0.aliases, linkSlug: $0.linkSlug) }
            discountCodes = workspace.discountCodes.rows
            orders = workspace.orders.rows
            surveyResponses = workspace.surveyResponses.rows
        }
    }

    func testACommandThatSaysItCannotChangeAttributionLeavesItsInputsAlone() throws {
        var neutral = 0
        for command in CommandSamples.all {
            var workspace = ProgramFixture.workspace
            let before = Inputs(workspace)
            let applied = try workspace.run(command)
            let after = Inputs(workspace)
            if !command.mayChangeAttribution {
                neutral += 1
                XCTAssertEqual(after, before, "\(CommandSamples.kind(of: command)) says it cannot change attribution")
            }
            if !applied.undo.mayChangeAttribution {
                var undone = workspace
                _ = try undone.run(applied.undo)
                XCTAssertEqual(Inputs(undone), after, "the undo of \(CommandSamples.kind(of: command)) says it cannot change attribution")
            }
        }
        XCTAssertGreaterThan(neutral, 20, "pipeline, seeding, approval and library work is neutral")
    }
}
