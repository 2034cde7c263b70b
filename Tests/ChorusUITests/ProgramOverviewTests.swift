import ChorusCore
import ChorusGenerator
@testable import ChorusUI
import XCTest

/// A manager opens the Waves pane, looks at the live wave against the last, the weekly charts
/// and the budget, then compares cohorts; a coordinator seeding past the budget is asked first.
final class ProgramOverviewTests: XCTestCase {
    /// The demo program: three waves, a few thousand orders.
    private static let program = SampleProgram.generate(options: GeneratorOptions(today: Sample.today))

    private func ledger(_ workspace: Workspace) -> Ledger {
        Ledger(workspace, attribution: Attribution.compute(workspace), today: Sample.today)
    }

    func testTheOverviewComparesTheWaveUnderTheCursorWithTheOneBefore() throws {
        let workspace = Self.program
        let console = ConsoleDriver(workspace).press("7", "j", "v")
        XCTAssertEqual(console.state.waves.view, .overview)
        let frame = console.frame
        let (this, last) = (workspace.waves[1], workspace.waves[0])
        XCTAssertNotNil(frame.row(containing: "\(this.name) against \(last.name)"), console.dump)
        let kpis = ProgramKPIs(ledger(workspace), wave: this.id, budget: this.budget.minorUnits)
        let before = ProgramKPIs(ledger(workspace), wave: last.id, budget: last.budget.minorUnits)
        let roas = try XCTUnwrap(frame.row(containing: "ROAS"))
        XCTAssertTrue(frame.line(roas).contains(ProgramKPIs.multiple(kpis.roasBasisPoints)), frame.line(roas))
        XCTAssertTrue(frame.line(roas).contains(ProgramKPIs.multiple(before.roasBasisPoints)), frame.line(roas))
        let cost = try XCTUnwrap(frame.row(containing: "cost per active creator"))
        let money = { (value: Int64?) in Money(minorUnits: value ?? 0, currency: workspace.program.currency).decimalString }
        XCTAssertTrue(frame.line(cost).contains(money(kpis.costPerActiveCreator)), frame.line(cost))
        let arrow = (kpis.costPerActiveCreator ?? 0) > (before.costPerActiveCreator ?? 0) ? "↑ " : "↓ "
        XCTAssertTrue(frame.line(cost).contains(arrow + money(abs((kpis.costPerActiveCreator ?? 0) - (before.costPerActiveCreator ?? 0)))))
        let budget = WaveBudget(this, workspace: workspace, ledger: ledger(workspace))
        XCTAssertNotNil(frame.row(containing: "spent \(money(budget.spent)) + committed \(money(budget.committed))"), console.dump)
        XCTAssertNotNil(frame.row(containing: "top movers in margin: @"), console.dump)
        XCTAssertNotNil(frame.row(containing: "● direct revenue  ● assisted  ● spend"), console.dump)
        XCTAssertTrue(frame.lines.joined().unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "the weeks are drawn in braille")
    }

    func testAtTwoHundredColumnsTheChartsSitBesideTheKPIsWithTheBudgetLine() {
        let console = ConsoleDriver(Self.program, size: Size(width: 200, height: 60)).press("7", "j", "v")
        let frame = console.frame
        let kpiRow = frame.row(containing: "KPI ")
        XCTAssertNotNil(kpiRow)
        XCTAssertEqual(kpiRow, frame.row(containing: "● direct revenue"), "the chart starts beside the KPI table")
        XCTAssertNotNil(frame.row(containing: "TOP MOVERS IN MARGIN"), console.dump)
        XCTAssertNotNil(frame.row(containing: "● spend so far  ┄ budget \(Self.program.waves[1].budget)"), console.dump)
        XCTAssertTrue(frame.lines.allSatisfy { TextWidth.columns(of: $0) <= 200 })
    }

    func testWithoutColourTheWeeklyLinesBecomeATableAndTheMeterStillReads() {
        let frame = ConsoleDriver(Self.program, noColor: true).press("7", "j", "v").frame
        XCTAssertNotNil(frame.row(containing: "WEEK"))
        XCTAssertNotNil(frame.row(containing: "DIRECT REVENUE"))
        XCTAssertNotNil(frame.lines.first { $0.contains("▒") && $0.contains("committed") }, "spent, committed and left differ by glyph")
    }

    func testCohortsCycleThroughEveryGroupingAndMatchTheReport() throws {
        let workspace = Self.program
        let console = ConsoleDriver(workspace, size: Size(width: 120, height: 40)).press("7", "v", "v")
        XCTAssertEqual(console.state.waves.view, .cohorts)
        XCTAssertNotNil(console.frame.row(containing: "Cohorts by tier · all waves · b: by source"), console.dump)
        let tiers = Cohorts(ledger(workspace), workspace: workspace, by: .tier)
        for group in tiers.groups {
            let row = try XCTUnwrap(console.frame.lines.first { $0.hasPrefix(" \(group.name) ") }, console.dump)
            XCTAssertTrue(row.contains(Money(minorUnits: group.cost, currency: workspace.program.currency).decimalString), row)
            XCTAssertTrue(row.contains(ProgramKPIs.multiple(group.kpis.roasBasisPoints)), row)
        }
        for dimension in ["source", "incentive", "niche", "country", "tier"] {
            console.press("b")
            XCTAssertNotNil(console.frame.row(containing: "Cohorts by \(dimension) "), dimension)
            XCTAssertEqual(console.state.message?.text, "cohorts by \(dimension)")
        }
        console.press("v")
        XCTAssertEqual(console.state.waves.view, .brief)
        XCTAssertNotNil(console.frame.row(containing: "Budget"))
    }

    /// The three views share the list with `/` and the brief's J/K: the overview is of the wave
    /// under the cursor of the filtered list, J/K only scroll the brief, and the brief keeps its results.
    func testTheOverviewFollowsTheFilteredListAndTheBriefKeepsItsScrollAndResults() {
        let workspace = Self.program
        let (last, this) = (workspace.waves[0], workspace.waves[1])
        let console = ConsoleDriver(workspace).press("7", "/").type(this.id.rawValue).press(.enter, "v")
        XCTAssertEqual(WavesPane.shown(workspace, filter: console.state.waves.filter).first?.id, this.id, console.dump)
        XCTAssertNotNil(console.frame.row(containing: "\(this.name) against \(last.name)"), console.dump)
        console.press("J")
        XCTAssertEqual(console.state.waves.detailScroll, 0)
        XCTAssertEqual(console.state.message?.text, "J/K scroll the brief; v shows it")
        console.press("v", "v")
        XCTAssertEqual(console.state.waves.view, .brief)
        XCTAssertNotNil(console.frame.row(containing: "Results"), console.dump)
    }

    func testThePaletteOpensTheOverviewFromAnotherPane() {
        let console = ConsoleDriver(Self.program).press(":").type("overview").press(.enter)
        XCTAssertEqual(console.state.pane, .waves)
        XCTAssertEqual(console.state.waves.view, .overview)
    }

    func testSeedingThatWouldGoOverTheBudgetAsksFirstAndSaysByHowMuch() throws {
        var workspace = SeedingSample.workspace(queued: 0)
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        let spent = WaveBudget(wave, workspace: workspace, ledger: ledger(workspace)).total
        wave.budget = Money(minorUnits: spent + 3_000, currency: .eur)   // room for 30.00 more
        try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))

        // One parcel (12.50 serum + 2 × 4.00 mist = 20.50) fits: queued at once.
        let one = ConsoleDriver(workspace).press("S")
        XCTAssertNil(one.state.prompt)
        XCTAssertEqual(one.workspace.shipments.count, 1)

        // Two (41.00) go 11.00 over: asked first, nothing queued until y.
        let console = ConsoleDriver(workspace).press(" ", " ", "S")
        guard case .confirm(let question)? = console.state.prompt?.purpose else {
            return XCTFail("the budget question is open: \(console.dump)")
        }
        XCTAssertEqual(question.question, "11.00 EUR over budget: queue 2 parcels (41.00 EUR)?")
        guard case .run(let effects) = question.yes, case .command(.queueShipments(let requests), .plain)? = effects.first else {
            return XCTFail("y queues the parcels: \(question)")
        }
        XCTAssertEqual(requests.count, 2)
        XCTAssertTrue(console.frame.line(23).hasPrefix(" 11.00 EUR over budget: queue 2 parcels (41.00 EUR)? y/n"),
                      console.frame.line(23))
        XCTAssertTrue(console.workspace.shipments.isEmpty)
        console.press("n")
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.state.message?.text, "nothing queued; the wave stays within its budget")
        XCTAssertTrue(console.workspace.shipments.isEmpty)
        console.press("S", "j")
        XCTAssertNotNil(console.state.prompt, "other keys keep asking")
        console.press("y")
        XCTAssertEqual(console.workspace.shipments.count, 2)
        XCTAssertEqual(console.state.message, StatusMessage(.success, "queued 2 shipments"))
    }
}
