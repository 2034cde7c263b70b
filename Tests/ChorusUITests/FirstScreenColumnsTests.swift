import ChorusCore
import ChorusGenerator
@testable import ChorusUI
import XCTest

/// A big program opens on one wave's rows, scored and ranked alone; every other creator's fit
/// score, audience and alphabetical rank follow on another thread once the first frame is up.
/// These tests prove the rows come out exactly as when every creator is scored at once: the
/// same creators in the same order with the same scores, for every wave, sort and direction,
/// and after switching waves, orders arriving and creators changing.
final class FirstScreenColumnsTests: XCTestCase {
    private static let today = Day(year: 2026, month: 3, day: 16)!

    /// The rows as the pane draws them: creator, stage and score, in display order.
    private struct Row: Equatable { var position: Int, stage: PipelineStage, score: Double }

    private func rows(_ table: PipelineRows) -> [Row] {
        (0..<table.count).map { Row(position: table.creatorPosition(at: $0), stage: table.stage(at: $0), score: table.score(at: $0)) }
    }

    private func program(seed: UInt64) -> Workspace {
        var random = SystemRandomNumberGenerator()
        let creators = Int.random(in: 200...700, using: &random)
        return SampleProgram.generate(options: GeneratorOptions(creators: creators, orders: creators * 4, seed: seed, today: Self.today))
    }

    private func refresh(_ table: PipelineRows, _ workspace: Workspace, _ state: PipelineState, creatorsGeneration: Int = 1,
                         categoriesBought: CategoriesBought? = nil) {
        table.refresh(workspace, generation: creatorsGeneration, creatorsGeneration: creatorsGeneration, state: state, today: Self.today,
                      categoriesBought: categoriesBought)
    }

    func testEveryWavesFirstScreenShowsWhatScoringEveryCreatorShows() {
        for seed in UInt64(1)...4 {
            let workspace = program(seed: seed)
            var shownAlone = 0
            for wave in workspace.waves.rows {
                for sort in PipelineSort.allCases {
                    for reversed in [false, true] {
                        var state = PipelineState()
                        (state.waveID, state.sort, state.sortReversed) = (wave.id, sort, reversed)
                        let (first, everyone) = (PipelineRows(deferringColumnsFrom: 0), PipelineRows(deferringColumnsFrom: .max))
                        refresh(first, workspace, state)
                        refresh(everyone, workspace, state)
                        XCTAssertEqual(rows(first), rows(everyone), "seed \(seed), \(wave.name), sort \(sort), reversed \(reversed)")
                        XCTAssertEqual(first.stageCounts, everyone.stageCounts)
                        XCTAssertEqual(everyone.coverage, .everyCreator)
                        if first.coverage == .shownRows { shownAlone += 1 }
                    }
                }
            }
            XCTAssertGreaterThan(shownAlone, 0, "seed \(seed): some wave's first screen was scored alone")
        }
    }

    /// After the first screen: the other creators' columns computed on another thread (or,
    /// without it, when first needed), then other waves, the recruit view, a sort, the orders'
    /// categories re-scoring everyone, and the creators changing.
    func testWhatFollowsTheFirstScreenIsAsIfEveryCreatorHadBeenScoredAtOnce() {
        for seed in UInt64(5)...8 {
            let workspace = program(seed: seed)
            let derived = DerivedFigures()
            derived.prepare([.categoriesBought], workspace: workspace, today: Self.today)
            for inBackground in [true, false] {
                let (first, everyone) = (PipelineRows(deferringColumnsFrom: 0), PipelineRows(deferringColumnsFrom: .max))
                var state = PipelineState()
                state.waveID = workspace.waves.rows.last?.id
                var steps: [(String, PipelineState, Int, CategoriesBought?)] = [("first screen", state, 1, nil)]
                for wave in workspace.waves.rows {
                    state.waveID = wave.id
                    steps.append(("wave \(wave.name)", state, 1, nil))
                }
                state.sort = .followers
                steps.append(("by followers", state, 1, nil))
                state.sourcing = true
                steps.append(("recruit view", state, 1, nil))
                state.sourcing = false
                steps.append(("the orders' categories", state, 1, derived.categoriesBought))
                steps.append(("creators changed", state, 2, derived.categoriesBought))
                for (index, (step, state, creatorsGeneration, categories)) in steps.enumerated() {
                    refresh(first, workspace, state, creatorsGeneration: creatorsGeneration, categoriesBought: categories)
                    refresh(everyone, workspace, state, creatorsGeneration: creatorsGeneration, categoriesBought: categories)
                    XCTAssertEqual(rows(first), rows(everyone), "seed \(seed), \(step)")
                    XCTAssertEqual(first.nicheClusters.map(\.niche), everyone.nicheClusters.map(\.niche))
                    if index == 0, inBackground { first.prepareColumns(workspace, creatorsGeneration: creatorsGeneration) }
                }
                XCTAssertEqual(first.rebuilds.columns, everyone.rebuilds.columns, "completing the columns is no rebuild")
            }
        }
    }

    /// The orders arrive before anything needed the other creators' columns and before the
    /// thread computing them was started: everyone is scored once, with what they bought.
    func testOrdersArrivingRightAfterTheFirstScreenScoreEveryCreatorWithWhatTheyBought() {
        var scoredFirstScreenAlone = 0
        for seed in UInt64(9)...12 {
            let workspace = program(seed: seed)
            let derived = DerivedFigures()
            derived.prepare([.categoriesBought], workspace: workspace, today: Self.today)
            let (first, everyone) = (PipelineRows(deferringColumnsFrom: 0), PipelineRows(deferringColumnsFrom: .max))
            var state = PipelineState()
            state.waveID = workspace.waves.rows.last?.id
            refresh(first, workspace, state)
            refresh(everyone, workspace, state)
            guard first.coverage == .shownRows else { continue }
            scoredFirstScreenAlone += 1
            refresh(first, workspace, state, categoriesBought: derived.categoriesBought)
            refresh(everyone, workspace, state, categoriesBought: derived.categoriesBought)
            XCTAssertEqual(first.coverage, .everyCreator)
            XCTAssertEqual(rows(first), rows(everyone), "seed \(seed)")
            state.waveID = workspace.waves.rows.first?.id
            refresh(first, workspace, state, categoriesBought: derived.categoriesBought)
            refresh(everyone, workspace, state, categoriesBought: derived.categoriesBought)
            XCTAssertEqual(rows(first), rows(everyone), "seed \(seed), another wave")
        }
        XCTAssertGreaterThan(scoredFirstScreenAlone, 0, "some program's first screen was scored alone")
    }

    /// The first frame of a program big enough to defer the columns, beside the same console
    /// once it has scored every creator and rebuilt the same wave's rows from them.
    func testTheFirstFrameIsTheOneScoringEveryCreatorDraws() {
        let workspace = SampleProgram.generate(options: GeneratorOptions(creators: 6_000, orders: 6_000, seed: 3, today: Sample.today))
        let size = Size(width: 200, height: 60)
        let opened = ConsoleDriver(workspace, size: size)
        XCTAssertEqual(opened.console.table.coverage, .shownRows, "the first frame scores its wave's creators alone")
        let first = opened.frame

        let scoredEveryone = ConsoleDriver(workspace, size: size)
        let wave = scoredEveryone.state.pipeline.waveID
        for _ in workspace.waves.rows { scoredEveryone.press("w") }
        XCTAssertEqual(scoredEveryone.state.pipeline.waveID, wave, "round every wave and back")
        XCTAssertEqual(scoredEveryone.console.table.coverage, .everyCreator)
        let again = scoredEveryone.frame
        for y in 0..<(size.height - 1) { XCTAssertEqual(first.line(y), again.line(y), "line \(y)") }
    }

    func testTheOtherCreatorsAreScoredInTheBackgroundOnceTheFirstFrameIsUp() {
        let workspace = SampleProgram.generate(options: GeneratorOptions(creators: 6_000, orders: 6_000, seed: 4, today: Sample.today))
        let console = ConsoleDriver(workspace, size: Size(width: 200, height: 60))
        _ = console.frame
        XCTAssertEqual(console.console.table.coverage, .shownRows)
        XCTAssertTrue(console.console.isWorkingInBackground, "the Pipeline's preparation is still to come")
        _ = console.console.collectBackgroundWork()
        while console.console.isWorkingInBackground {
            _ = console.console.collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.005)
        }
        let columns = console.console.tableRebuilds.columns
        console.press("w")
        XCTAssertEqual(console.console.table.coverage, .everyCreator, "the next wave's rows read what the background computed")
        XCTAssertEqual(console.console.tableRebuilds.columns, columns)
    }

    func testOnAnotherPaneItsFiguresComeFirstAndThePipelineIsPreparedOnceTheyAreIn() {
        let workspace = SampleProgram.generate(options: GeneratorOptions(creators: 6_000, orders: DerivedFigures.backgroundThreshold + 2_000,
                                                                         seed: 5, today: Sample.today))
        let console = ConsoleDriver(workspace, size: Size(width: 200, height: 60))
        _ = console.press(Key.character(Character(String(Pane.leaderboard.rawValue)))).frame
        XCTAssertTrue(console.session.derived.isComputing, "a big program is attributed on another thread")
        _ = console.console.collectBackgroundWork()
        XCTAssertFalse(console.console.table.isPreparingInBackground, "the Leaderboard's attribution has the cores to itself")
        while console.session.derived.isComputing {
            _ = console.console.collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.005)
        }
        XCTAssertFalse(console.console.table.isPreparingInBackground)
        XCTAssertEqual(console.console.table.coverage, .shownRows)
        XCTAssertTrue(console.console.isWorkingInBackground, "the Pipeline's preparation is still to come")
        _ = console.console.collectBackgroundWork()
        XCTAssertTrue(console.console.table.isPreparingInBackground, "the figures are in: the Pipeline is prepared now")
    }
}
