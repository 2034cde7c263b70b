import ChorusCore
@testable import ChorusUI
import XCTest

/// Creators are scored partly by what they bought, which means reading every order. When a
/// big order history arrives, the console's thread must not spend a second on that: the
/// categories are gathered on another thread and the scores follow when they are ready.
final class OrderHistoryScoringTests: XCTestCase {
    private static let serum = SKU(id: "SKU-SERUM", name: "Serum", unitCost: Money(minorUnits: 800, currency: .eur), stockOnHand: 10,
                                   category: "serums")

    /// One open wave seeding serums; Ana has bought serums (under her email in other letter case), Bo has not.
    private func program(orders: Int) -> Workspace {
        let sample = Sample.workspace()
        var waves = sample.waves.rows
        waves[0].brief.products = [BriefProduct(sku: Self.serum.id, quantity: 1)]
        var creators = sample.creators.rows
        creators[0].email = "ana@example.com"
        let placed = Timestamp(day: Sample.today, hour: 10)
        let history = (0..<orders).map { number in
            Order(id: OrderID("#\(number)"), email: number == 0 ? "Ana@Example.com" : "buyer\(number)@example.com", financialStatus: "paid",
                  createdAt: placed, subtotal: Money(minorUnits: 2_000, currency: .eur), refunded: .zero(.eur),
                  lines: [OrderLine(sku: Self.serum.id.rawValue, name: "Serum", quantity: 1, price: Money(minorUnits: 2_000, currency: .eur))])
        }
        return Workspace(program: sample.program, waves: waves, creators: creators, enrollments: sample.enrollments.rows,
                         skus: [Self.serum], orders: history)
    }

    private func anasScore(_ table: PipelineRows, _ workspace: Workspace) -> Double {
        let row = (0..<table.count).first { table.creatorID(at: $0, in: workspace) == workspace.creators[0].id }!
        return table.score(at: row)
    }

    func testABigHistoryIsGatheredOnAnotherThreadAndTheScoresFollow() {
        let table = PipelineRows()
        let derived = DerivedFigures()
        var state = PipelineState()
        state.waveID = Sample.wave1
        let before = program(orders: 0)
        derived.prepare([.categoriesBought], workspace: before, today: Sample.today)
        table.refresh(before, generation: 1, creatorsGeneration: 1, state: state, today: Sample.today, categoriesBought: derived.categoriesBought)
        let unbought = anasScore(table, before)

        let arrived = program(orders: DerivedFigures.backgroundThreshold + 1)
        derived.recordOrderHistoryAttached()
        derived.prepare([.categoriesBought], workspace: arrived, today: Sample.today)
        table.refresh(arrived, generation: 2, creatorsGeneration: 1, state: state, today: Sample.today, categoriesBought: derived.categoriesBought)
        XCTAssertTrue(derived.isComputing, "a big history is read on another thread")
        XCTAssertEqual(anasScore(table, arrived), unbought, "the old scores stand meanwhile")

        while !derived.collectFinished() { Thread.sleep(forTimeInterval: 0.005) }
        table.refresh(arrived, generation: 2, creatorsGeneration: 1, state: state, today: Sample.today, categoriesBought: derived.categoriesBought)
        XCTAssertFalse(derived.isComputing)
        XCTAssertGreaterThan(anasScore(table, arrived), unbought, "her serum order counts once gathered")
    }

    /// Someone waiting on the Leaderboard when a big history arrives: its attribution and
    /// ledger are derived first, and the creators are re-scored once the ledger is taken in,
    /// by the same categories as reading every order at once.
    func testOnTheLeaderboardTheLedgerComesBeforeTheScores() {
        let derived = DerivedFigures(isLoadingOrders: true)
        let arrived = program(orders: DerivedFigures.backgroundThreshold + 1)
        derived.recordOrderHistoryAttached()
        derived.prepare([.categoriesBought, .ledger], workspace: arrived, today: Sample.today)
        XCTAssertEqual(derived.computes.ledger, 1)
        XCTAssertEqual(derived.computes.categoriesBought, 0, "re-scoring waits for the ledger")

        while derived.ledger.value == nil {
            _ = derived.collectFinished()
            Thread.sleep(forTimeInterval: 0.005)
        }
        XCTAssertNil(derived.categoriesBought)
        derived.prepare([.categoriesBought, .ledger], workspace: arrived, today: Sample.today)
        XCTAssertEqual(derived.computes.categoriesBought, 1, "asked again once the ledger is in, the scores follow")
        while derived.isComputing {
            _ = derived.collectFinished()
            Thread.sleep(forTimeInterval: 0.005)
        }
        XCTAssertEqual(derived.categoriesBought?.byEmail, FitContext.categoriesBought(in: arrived))
        XCTAssertEqual(derived.computes.ledger, 1)
    }

    func testASmallHistoryIsScoredAtOnce() {
        let table = PipelineRows()
        let derived = DerivedFigures()
        var state = PipelineState()
        state.waveID = Sample.wave1
        derived.prepare([.categoriesBought], workspace: program(orders: 0), today: Sample.today)
        table.refresh(program(orders: 0), generation: 1, creatorsGeneration: 1, state: state, today: Sample.today, categoriesBought: derived.categoriesBought)
        let unbought = anasScore(table, program(orders: 0))
        let arrived = program(orders: 10)
        derived.recordOrderHistoryAttached()
        derived.prepare([.categoriesBought], workspace: arrived, today: Sample.today)
        table.refresh(arrived, generation: 2, creatorsGeneration: 1, state: state, today: Sample.today, categoriesBought: derived.categoriesBought)
        XCTAssertFalse(derived.isComputing)
        XCTAssertGreaterThan(anasScore(table, arrived), unbought)
    }
}
