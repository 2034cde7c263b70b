import ChorusCore
@testable import ChorusUI
import XCTest

/// The chart widget, the sparkline and the budget meter, read back as text from a grid.
final class ChartTests: XCTestCase {
    private func draw(_ chart: Chart, width: Int, height: Int) -> Grid {
        var grid = Grid(size: Size(width: width, height: height))
        chart.draw(&grid, Rect(x: 0, y: 0, width: width, height: height))
        return grid
    }

    private func chart(_ series: [[Int64]], names: [String]? = nil, labels: [String]? = nil, noColor: Bool = false) -> Chart {
        let roles: [StyleRole] = [.success, .info, .warning]
        let count = series.map(\.count).max() ?? 0
        return Chart(series: series.enumerated().map { Chart.Series(name: names?[$0.offset] ?? "s\($0.offset)", values: $0.element,
                                                                     role: roles[$0.offset % roles.count]) },
                     labels: labels ?? (0..<count).map { "w\($0 + 1)" }, format: { String($0) }, reference: nil, noColor: noColor)
    }

    /// The braille dots of the cell at (x, y), as bits; 0 for a cell without dots.
    private func dots(_ grid: Grid, _ x: Int, _ y: Int) -> UInt32 {
        let value = grid[x, y].grapheme.unicodeScalars.first!.value
        return (0x2800...0x28FF).contains(value) ? value - 0x2800 : 0
    }

    func testARisingLineRunsFromTheBottomLeftToTheTopRightWithItsScaleOnTheAxis() {
        let grid = draw(chart([[0, 5, 10]]), width: 30, height: 6)
        XCTAssertEqual(grid.line(0), "● s0")
        // The axis is as wide as its widest label ("10"); the plot takes rows 1–3 and columns 3–29.
        XCTAssertTrue(grid.line(1).hasPrefix("10│"))
        XCTAssertTrue(grid.line(3).hasPrefix(" 0│"))
        XCTAssertEqual(grid.line(4), "  └" + String(repeating: "─", count: 27))
        XCTAssertEqual(grid.line(5), "   w1          w2           w3")
        XCTAssertEqual(dots(grid, 3, 3) & 0x40, 0x40, "the first week sits on the bottom-left dot")
        XCTAssertEqual(dots(grid, 29, 1) & 0x08, 0x08, "the last week reaches the top-right dot")
        XCTAssertEqual(dots(grid, 3, 1), 0, "nothing above the first week")
    }

    func testNegativeWeeksFallBelowAZeroLine() {
        let grid = draw(chart([[-10, 10]]), width: 24, height: 7)
        XCTAssertTrue(grid.line(1).hasPrefix(" 10│"))
        XCTAssertTrue(grid.line(4).hasPrefix("-10│"))
        let zeroRow = try! XCTUnwrap((1...4).first { grid.line($0).hasPrefix("  0│") })
        XCTAssertTrue(grid.line(zeroRow).contains("┈"), "a zero line across the plot")
        XCTAssertNotEqual(dots(grid, 4, 4), 0, "the losing week is drawn at the bottom")
    }

    func testAnEmptySeriesSaysSoAndOnePointIsOneDot() {
        XCTAssertEqual(draw(chart([[]]), width: 30, height: 6).line(1), "no weeks to show yet")
        let one = draw(chart([[7]], labels: ["2026-05-04"]), width: 30, height: 6)
        let drawn = (1...3).map { y in (2..<30).filter { x in dots(one, x, y) != 0 }.map { x in "\(x),\(y)" } }.joined()
        XCTAssertEqual(Array(drawn), ["2,1"], "one dot for one week, at the top left")
        XCTAssertEqual(one.line(5), "  2026-05-04")
    }

    func testWideAndNarrowTerminalsUseTheirWholeWidth() {
        for width in [16, 40, 200] {
            let grid = draw(chart([[1, 2, 3, 4, 5, 6, 7, 8]]), width: width, height: 8)
            XCTAssertEqual(grid.lines.map { TextWidth.columns(of: $0) <= width }, Array(repeating: true, count: 8))
            XCTAssertNotEqual(dots(grid, width - 1, 1), 0, "at \(width) columns the latest week is at the right edge")
        }
        XCTAssertTrue(draw(chart([[1, 2]]), width: 12, height: 8).line(0).hasPrefix("(no room"), "below the minimum it says so")
    }

    func testCJKNamesAndLabelsKeepTheirColumns() {
        let grid = draw(chart([[1, 3], [2, 1]], names: ["直接売上", "支出"], labels: ["第1週", "第2週"]), width: 30, height: 6)
        XCTAssertEqual(grid.line(0), "● 直接売上  ● 支出")
        XCTAssertEqual(grid.line(5), "  第1週                  第2週")
        XCTAssertTrue(grid.cells[30 * 5 + 3].isContinuation, "a wide label takes two columns")
    }

    func testUnderLangCTheChartIsDrawnInASCII() {
        let grid = draw(chart([[0, 5, 10, 5, -3]]), width: 30, height: 8)
        let ascii = grid.lines.map { String($0.map(ASCIIFallback.character)) }
        XCTAssertTrue(ascii.allSatisfy { $0.allSatisfy(\.isASCII) })
        XCTAssertTrue(ascii[1...5].joined().contains { "'.:".contains($0) }, "dots become ' . :")
        XCTAssertTrue(ascii[1].hasPrefix("10|"))
        XCTAssertEqual(String(Sparkline.text([0, 1, 2, 3, 4, 5, 6, 7], width: 8).map(ASCIIFallback.character)), "__.--=##")
        XCTAssertEqual(ASCIIFallback.character(for: "−"), "-", "a loss in the movers keeps its sign")
    }

    func testWithoutColourSeveralLinesBecomeATableOfTheLatestWeeks() {
        let weeks = (1...10).map { "w\($0)" }
        let grid = draw(chart([Array(1...10), Array(11...20)], names: ["direct", "spend"], labels: weeks, noColor: true), width: 30, height: 5)
        XCTAssertEqual(grid.line(1), "WEEK       DIRECT        SPEND")
        XCTAssertEqual(grid.line(2), "w8              8           18")
        XCTAssertEqual(grid.line(4), "w10            10           20")
        // One line needs no colour to be read: it stays a chart.
        let single = draw(chart([Array(1...10)], noColor: true), width: 30, height: 5)
        XCTAssertTrue(single.line(1).contains("│"))
    }

    func testSparklinesScaleToTheRowAndShowLosingWeeksLowest() {
        XCTAssertEqual(Sparkline.text([0, 1, 2, 3, 4, 5, 6, 7], width: 8), "▁▂▃▄▅▆▇█")
        XCTAssertEqual(Sparkline.text([0, 0, 0], width: 3), "▁▁▁")
        XCTAssertEqual(Sparkline.text([5], width: 4), "   █", "fewer weeks than cells: padded on the left")
        XCTAssertEqual(Sparkline.text([-4, 0, 4], width: 3), "▁▄█", "a loss below break-even")
        XCTAssertEqual(Sparkline.text(Array(0...20), width: 3).count, 3, "only the latest weeks")
        XCTAssertEqual(Sparkline.text([], width: 2), "  ")
    }

    func testTheBudgetMeterSplitsSettledAndCommittedSpend() {
        var workspace = Workspace(program: Program(name: "P", brand: "B", currency: .eur, landingURL: "https://b.example"))
        let wave = Wave(id: "W1", name: "Spring", slug: "spring", status: .live, startDate: nil, endDate: nil,
                        budget: Money(minorUnits: 10_000, currency: .eur), brief: Brief(), incentivePlan: IncentivePlan(commissionBasisPoints: 1_000))
        workspace = Workspace(program: workspace.program, waves: [wave], shipments: [
            Shipment(id: "SH-1", creatorID: "CR-1", waveID: "W1", items: [], status: .delivered,
                     productCost: Money(minorUnits: 5_000, currency: .eur), createdAt: Timestamp(day: Day("2026-01-05")!)),
            Shipment(id: "SH-2", creatorID: "CR-1", waveID: "W1", items: [], status: .queued,
                     productCost: Money(minorUnits: 2_500, currency: .eur), createdAt: Timestamp(day: Day("2026-01-05")!)),
        ])
        let meter = BudgetMeter(budget: WaveBudget(wave, workspace: workspace, ledger: nil), currency: .eur)
        var grid = Grid(size: Size(width: 20, height: 2))
        meter.draw(&grid, Rect(x: 0, y: 0, width: 20, height: 2))
        XCTAssertEqual(grid.line(0), "██████████▒▒▒▒▒░░░░░")
        XCTAssertEqual(meter.summary, "spent 50.00 + committed 25.00 of 100.00 EUR, 25.00 left (commission still computing)")

        var gifting = wave
        gifting.incentivePlan = IncentivePlan()
        XCTAssertEqual(BudgetMeter(budget: WaveBudget(gifting, workspace: workspace, ledger: nil), currency: .eur).summary,
                       "spent 50.00 + committed 25.00 of 100.00 EUR, 25.00 left", "a wave that pays no commission has none to wait for")
    }
}
