import ChorusCore
@testable import ChorusGenerator
@testable import ChorusUI
import XCTest

/// A stage change on a big wave moves on what is derived from its enrollments by what the change
/// replaced, instead of deriving it again (a quarter of a second at 900 000 creators): the
/// Pipeline's rows (kept for each of the last views shown), the waves paying on orders, the
/// budget line's fees. These tests prove that what is shown afterwards is exactly what deriving
/// from nothing shows: the same creators in the same order and the same counts per stage,
/// whatever the view, the sort, its direction and the filter, and the same budget.
final class MovedOnByChangesTests: XCTestCase {
    private static let stages: [PipelineStage] = [.prospect, .invited, .onboarding, .active, .seeded, .posted, .dropped]
    private static let filters = ["", "invited", "onboarding", "a", "lima", "an 7", "seeded creator", "prospect 1"]

    func testWhatRandomChangesMoveOnIsWhatDerivingFromNothingGives() throws {
        var random = SeededRandom(seed: 2026)
        var (moves, builds, unshelved, carried) = (0, 0, 0, 0)
        for trial in 0..<8 {
            var workspace = Self.program(&random)
            let derived = DerivedFigures()
            // Presorted on another thread from 50 rows, so kept orders are moved too; in every
            // other program, a wave under half the creators first has only its rows scored.
            let moving = PipelineRows(deferringColumnsFrom: trial % 2 == 0 ? 1_000_000 : 100, presortingFrom: 50)
            let budgetLines = [Sample.wave1, Sample.wave2].map { ($0, WaveBudgetLine()) }
            let shownWavesBudget = WaveBudgetLine()  // one line for the wave shown, switched with it
            var undos: [Command] = []
            var state = Self.state(&random)
            for _ in 0..<40 {
                // The view stays for a few changes, so the shown rows moved are what is compared,
                // and a few changes may land before it is shown again.
                if random.below(4) == 0 { state = Self.state(&random) }
                guard let command = Self.change(&random, workspace, undos: undos) else { continue }
                guard let applied = try? workspace.apply(command, context: CommandContext(now: Sample.now, actor: "test")) else { continue }
                undos.append(applied.undo)
                derived.record(command, applied: applied)
                guard random.below(3) > 0 else { continue }
                Self.moveOn(moving, workspace, derived, state)
                let fresh = Self.fromNothing(workspace, derived, state)
                Self.assertShown(moving, as: fresh, workspace, "\(command) shown by \(state.sort), filter \"\(state.filter.text)\"")
                XCTAssertEqual(derived.wavesPayingOnOrders(in: workspace), workspace.wavesPayingOnOrders, "moved on by what \(command) touched")
                for (wave, line) in budgetLines + [(state.waveID!, shownWavesBudget)] {
                    line.refresh(workspace, generation: derived.revision, wave: wave, ledger: nil,
                                 ownPlansPaying: derived.wavesWithOwnPlansPayingOnOrders(in: workspace), replaced: derived.enrollmentsReplaced(since:))
                    XCTAssertEqual(line.budget, WaveBudget(workspace.wave(wave)!, workspace: workspace, ledger: nil), "\(wave) after \(command)")
                }
                for row in [0, fresh.count / 2, fresh.count - 1] where row >= 0 && row < fresh.count {
                    XCTAssertEqual(moving.row(ofCreatorAt: fresh.creatorPosition(at: row)), row, "the shown row is found by its key")
                }
            }
            (moves, builds, unshelved) = (moves + moving.rebuilds.moves, builds + moving.rebuilds.rows, unshelved + moving.rebuilds.unshelved)
            carried += moving.rebuilds.columnsCarried
        }
        print("moved \(moves) times, built \(builds) times, shown again from the shelf \(unshelved) times, creators' edits carried \(carried) times")
        // Wave switches and the recruit view build; the stage changes and creators edited between move.
        XCTAssertGreaterThan(moves, 30, "stage changes were moved, not built again")
        XCTAssertGreaterThan(carried, 8, "creators edited were taken in one by one, not every creator scored and folded again")
        XCTAssertGreaterThan(unshelved, 4, "views gone back to were taken from the shelf and moved on")
    }

    /// The big waves' rows are built on another thread after the first frame and shelved when
    /// first visited: whatever changed meanwhile (stages, creators edited, undos), the first
    /// visit shows what deriving from nothing shows, and later keys move those rows on as usual.
    func testABigWaveBuiltInTheBackgroundShowsOnItsFirstVisitWhatDerivingFromNothingGives() throws {
        var random = SeededRandom(seed: 41)
        var taken = 0
        for trial in 0..<12 {
            var workspace = Self.program(&random)
            let derived = DerivedFigures()
            // Every wave counts as big here; in every other program, the first wave shown has
            // only its rows scored, so the big waves wait for every creator's columns.
            let rows = PipelineRows(deferringColumnsFrom: trial % 2 == 0 ? 1_000_000 : 10, presortingFrom: 5)
            var state = Self.state(&random)
            (state.sourcing, state.lateOnly, state.waveID) = (false, false, trial % 3 == 0 ? Sample.wave2 : Sample.wave1)
            rows.refresh(workspace, generation: derived.revision, creatorsGeneration: derived.creatorsRevision, state: state, today: Sample.today)
            rows.prepareColumns(workspace, creatorsGeneration: derived.creatorsRevision)
            rows.prepareEnrollmentCreators(workspace)
            // Now and then changes land before the big waves are started (a colleague's, while
            // another pane is shown): they must be built from columns that stand for them.
            var undos: [Command] = []
            let other = state.waveID == Sample.wave1 ? Sample.wave2 : Sample.wave1
            if trial % 3 == 1, var creator = workspace.enrollments.first(where: { $0.waveID == other }).flatMap({ workspace.creator($0.creatorID) }) {
                // First by handle and by followers now: the rows must not keep the creator where it was.
                creator.handle = "aaa.first.\(trial)"
                creator.engagementRate = 0.5
                if !creator.profiles.isEmpty { creator.profiles[0].followers = 9_000_000 }
                let command = Command.updateCreator(creator)
                derived.record(command, applied: try workspace.apply(command, context: CommandContext(now: Sample.now, actor: "colleague")))
            }
            rows.prepareBigWaves(workspace, generation: derived.revision, creatorsGeneration: derived.creatorsRevision, shown: state.waveID)
            for step in 0..<(trial % 4 == 0 ? 0 : random.below(8) + 1) {
                Self.changeAtRandom(&random, &workspace, derived, &undos)
                if step % 3 == 2 { Self.moveOn(rows, workspace, derived, state) }  // the shown wave refreshed now and then, as keys do
            }
            for visit in 0..<4 {
                if visit > 0 { Self.changeAtRandom(&random, &workspace, derived, &undos) }
                state.waveID = state.waveID == Sample.wave1 ? Sample.wave2 : Sample.wave1
                state.sort = PipelineSort.allCases[random.below(PipelineSort.allCases.count)]
                state.filter = Filter(text: Self.filters[random.below(Self.filters.count)])
                Self.moveOn(rows, workspace, derived, state)
                Self.assertShown(rows, as: Self.fromNothing(workspace, derived, state), workspace, "trial \(trial), visit \(visit): \(state.waveID!) by \(state.sort)")
            }
            taken += rows.rebuilds.prebuilt
        }
        XCTAssertGreaterThan(taken, 6, "first visits were taken from the rows built in the background")
    }

    func testAStageMoveOnAWaveBuildsNothingAgainAndItsUndoPutsTheRowsBack() throws {
        let console = ConsoleDriver(ResponsivenessTests.big, size: Size(width: 120, height: 40))
        console.press("/").type("invited").press(.enter)
        let before = Self.shown(console.console.table, console.workspace)
        let start = console.console.tableRebuilds
        console.press("G", ">")
        XCTAssertEqual(console.console.table.count, before.count - 1, "the creator moved on to onboarding leaves the filter")
        console.press("z")
        XCTAssertEqual(Self.shown(console.console.table, console.workspace), before, "the undo puts them back where they were")
        let after = console.console.tableRebuilds
        XCTAssertEqual(after.rows, start.rows, "neither builds the wave's rows again")
        XCTAssertEqual(after.moves, start.moves + 2)
        XCTAssertEqual(after.order, start.order, "nor sorts them")
    }

    /// A coordinator renames a creator and gives them another handle in the edit form, with a
    /// filter typed, on a wave of 100 000: the creator's row is re-keyed where the handle sorts
    /// it and the filter finds them by their new name, and no other creator is scored, ranked
    /// or folded again, nor the wave's rows built. The undo puts everything back.
    func testACreatorEditedInTheFormIsReKeyedWithoutScoringEveryoneAgain() {
        let console = ConsoleDriver(ResponsivenessTests.big, size: Size(width: 120, height: 40))
        console.press("/").type("number 5").press(.enter)
        console.press("s", "s", "s", "s")  // by handle
        XCTAssertEqual(console.state.pipeline.sort, .handle)
        let before = Self.shown(console.console.table, console.workspace)
        let (start, folds) = (console.console.tableRebuilds, console.console.table.searchFolds)
        let cursor = console.state.pipeline.cursor
        let id = console.console.table.creatorID(at: cursor, in: console.workspace)!
        console.press("e")
        for _ in 0..<20 { console.press(.backspace) }
        console.type("aaa.first").press(.tab)
        for _ in 0..<40 { console.press(.backspace) }
        console.type("Number 5 Renamed").press(.control("s"))
        XCTAssertEqual(console.workspace.creator(id)?.handle, "aaa.first", "\(console.state.message?.text ?? "")")
        XCTAssertEqual(Self.shown(console.console.table, console.workspace), Self.shownFromNothing(console))
        XCTAssertEqual(console.console.table.creatorID(at: 0, in: console.workspace), id, "first by handle now")
        let after = console.console.tableRebuilds
        XCTAssertEqual(after.columns, start.columns, "no one else scored and ranked again")
        XCTAssertEqual(after.columnsCarried, start.columnsCarried + 1)
        XCTAssertEqual(after.rows, start.rows, "nor the wave's rows built")
        console.press("/").type(" renamed").press(.enter)
        XCTAssertEqual(Self.shown(console.console.table, console.workspace), ["\(id.rawValue) \(console.console.table.stage(at: 0).label)"],
                       "found by the new name")
        XCTAssertEqual(console.console.table.searchFolds, folds, "without folding every creator's text again")
        console.press("/")
        for _ in 0..<8 { console.press(.backspace) }
        console.press(.enter, "z")
        XCTAssertEqual(Self.shown(console.console.table, console.workspace), before, "the undo puts the row back where it was")
        XCTAssertEqual(console.console.tableRebuilds.columns, start.columns)
        XCTAssertEqual(console.console.table.searchFolds, folds)
    }

    func testALetterErasedShowsTheRowsOfTheShorterFilterAsTheyAreNow() {
        let console = ConsoleDriver(ResponsivenessTests.big, size: Size(width: 120, height: 40))
        console.press("G", "k", ">", "G", "k", "k", ">")  // two invited
        console.press("/").type("invited")
        let invited = console.console.table.count
        XCTAssertEqual(invited, console.console.table.stageCounts[.invited])
        console.press(.backspace)
        XCTAssertEqual(Self.shown(console.console.table, console.workspace), Self.shownFromNothing(console), "erased: the rows typed on the way")
        console.type("d").press(.enter, "g", ">")
        XCTAssertEqual(console.console.table.count, invited - 1, "moved on to onboarding, out of the filter")
        console.press("/", .backspace)
        XCTAssertEqual(Self.shown(console.console.table, console.workspace), Self.shownFromNothing(console),
                       "erased after a move: not the rows as they were before it")
    }

    /// A wave left with a filter typed, changed while another is shown, and gone back to with a
    /// letter erased: its rows come from the shelf, moved on, and the shorter filter's rows are
    /// worked out again, not taken from before the change.
    func testAWaveGoneBackToAfterAChangeElsewhereShowsItsRowsAsTheyAreNow() throws {
        var random = SeededRandom(seed: 7)
        var workspace = Self.program(&random)
        let derived = DerivedFigures()
        let rows = PipelineRows(deferringColumnsFrom: 1_000_000, presortingFrom: 50)
        var state = PipelineState()
        state.waveID = Sample.wave1
        func show(_ filter: String, on wave: WaveID) {
            state.waveID = wave
            state.filter = Filter(text: filter)
            Self.moveOn(rows, workspace, derived, state)
            XCTAssertEqual(Self.shown(rows, workspace), Self.shown(Self.fromNothing(workspace, derived, state), workspace), "\(wave), filter \"\(filter)\"")
        }
        show("i", on: Sample.wave1)
        show("in", on: Sample.wave1)
        show("", on: Sample.wave2)
        let invited = workspace.enrollments.filter { $0.waveID == Sample.wave1 && $0.stage == .invited }.map(\.creatorID)
        let command = Command.advanceStage(creators: Array(invited.prefix(3)), wave: Sample.wave1)
        derived.record(command, applied: try workspace.apply(command, context: CommandContext(now: Sample.now, actor: "test")))
        show("", on: Sample.wave2)
        show("i", on: Sample.wave1)
        XCTAssertEqual(rows.rebuilds.rows, 2, "each wave built once")
        XCTAssertEqual(rows.rebuilds.unshelved, 1)
        XCTAssertEqual(rows.rebuilds.moves, 1, "the wave gone back to was moved on")
    }

    /// One random change (`change`) applied and recorded, if it applies.
    private static func changeAtRandom(_ random: inout SeededRandom, _ workspace: inout Workspace, _ derived: DerivedFigures, _ undos: inout [Command]) {
        guard let command = change(&random, workspace, undos: undos),
              let applied = try? workspace.apply(command, context: CommandContext(now: Sample.now, actor: "test")) else { return }
        undos.append(applied.undo)
        derived.record(command, applied: applied)
    }

    /// Brings `rows` up to date by what changed since, as the Pipeline does after each key.
    private static func moveOn(_ rows: PipelineRows, _ workspace: Workspace, _ derived: DerivedFigures, _ state: PipelineState) {
        rows.refresh(workspace, generation: derived.revision, creatorsGeneration: derived.creatorsRevision, state: state,
                     today: Sample.today, touched: derived.enrollmentsReplaced(since:), edited: derived.creatorsReplaced(since:))
    }

    /// The rows `state` shows, derived from nothing.
    private static func fromNothing(_ workspace: Workspace, _ derived: DerivedFigures, _ state: PipelineState) -> PipelineRows {
        let fresh = PipelineRows(deferringColumnsFrom: 1_000_000)
        fresh.refresh(workspace, generation: derived.revision, creatorsGeneration: derived.creatorsRevision, state: state, today: Sample.today)
        return fresh
    }

    /// The same creators in the same order at the same stages, and the same counts per stage.
    private static func assertShown(_ rows: PipelineRows, as fresh: PipelineRows, _ workspace: Workspace, _ message: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(shown(rows, workspace), shown(fresh, workspace), message, file: file, line: line)
        XCTAssertEqual(rows.stageCounts, fresh.stageCounts, message, file: file, line: line)
    }

    private static func shownFromNothing(_ console: ConsoleDriver) -> [String] {
        let fresh = PipelineRows()
        fresh.refresh(console.workspace, generation: -1, creatorsGeneration: -1, state: console.state.pipeline, today: Sample.today)
        return shown(fresh, console.workspace)
    }

    // MARK: A random program and random changes to it

    private static func program(_ random: inout SeededRandom) -> Workspace {
        let extra = (0..<random.below(150) + 60).map { index in
            Sample.creator(100 + index, "creator.\(index)", index % 5 == 0 ? "Ana Lima \(index)" : "Creator \(index)",
                           followers: random.below(60_000), engagement: Double(random.below(90)) / 1_000,
                           orders: random.below(4))
        }
        var workspace = Sample.workspace(extraCreators: extra)
        let context = CommandContext(now: Sample.now, actor: "setup")
        for id in [Sample.wave1, Sample.wave2] {
            var wave = workspace.wave(id)!
            (wave.incentivePlan.flatFee, wave.incentivePlan.storeCredit) = (Money(minorUnits: 2_500, currency: .eur), Money(minorUnits: 1_000, currency: .eur))
            _ = try? workspace.apply(.updateWave(wave), context: context)
        }
        for creator in extra where random.below(3) == 0 {
            _ = try? workspace.apply(.enroll(creators: [creator.id], wave: Sample.wave2, stage: stages[random.below(stages.count)]),
                                     context: context)
        }
        return workspace
    }

    /// Either wave, any sort either way round, a filter; now and then only the late, or the
    /// recruit view.
    private static func state(_ random: inout SeededRandom) -> PipelineState {
        var state = PipelineState()
        state.waveID = random.below(3) == 0 ? Sample.wave2 : Sample.wave1
        state.sort = PipelineSort.allCases[random.below(PipelineSort.allCases.count)]
        state.sortReversed = random.below(3) == 0
        state.filter = Filter(text: filters[random.below(filters.count)])
        state.lateOnly = random.below(8) == 0
        state.sourcing = random.below(8) == 0
        return state
    }

    /// A stage change in either wave, an enrollment, an undo, a promotion with a plan of the
    /// creator's own, now and then a wave's fee or a creator edited: a name the filter finds, a
    /// handle that ranks them elsewhere, an audience that sorts them elsewhere.
    private static func change(_ random: inout SeededRandom, _ workspace: Workspace, undos: [Command]) -> Command? {
        let wave = random.below(4) == 0 ? Sample.wave2 : Sample.wave1
        let inWave = workspace.enrollments.filter { $0.waveID == wave }.map(\.creatorID)
        let some = (0..<random.below(6) + 1).compactMap { _ in inWave.isEmpty ? nil : inWave[random.below(inWave.count)] }
        switch random.below(12) {
        case 0...3: return .advanceStage(creators: Array(Set(some)), wave: wave)
        case 4, 5: return .revertStage(creators: Array(Set(some)), wave: wave)
        case 6: return .exitPipeline(creators: Array(Set(some)), wave: wave, stage: .dropped, reason: "no reply")
        case 7:
            let out = workspace.creators.rows.map(\.id).filter { workspace.enrollment($0, in: wave) == nil }
            guard let first = out.first else { return nil }
            return .enroll(creators: [first], wave: wave, stage: stages[random.below(stages.count)])
        case 8: return undos.last
        case 10:
            guard var edited = workspace.wave(wave) else { return nil }
            edited.incentivePlan.flatFee = Money(minorUnits: Int64(random.below(5)) * 1_000, currency: .eur)
            return .updateWave(edited)
        case 9: return .promote(creators: Array(Set(some)), wave: wave == Sample.wave1 ? Sample.wave2 : Sample.wave1,
                                change: IncentiveChange(commissionBasisPoints: 500))
        default:
            guard var creator = some.first.flatMap(workspace.creator) else { return nil }
            switch random.below(3) {
            case 0: creator.name += " Lima"
            case 1: creator.handle = ["aa", "mm", "creator.5", "zz"][random.below(4)] + ".\(random.below(1_000))"
            default:
                creator.engagementRate = Double(random.below(90)) / 1_000
                if !creator.profiles.isEmpty { creator.profiles[0].followers = random.below(60_000) }
            }
            return .updateCreator(creator)
        }
    }

    private static func shown(_ rows: PipelineRows, _ workspace: Workspace) -> [String] {
        (0..<rows.count).map { "\(rows.creatorID(at: $0, in: workspace)!.rawValue) \(rows.stage(at: $0).label)" }
    }
}
