import ChorusCore
@testable import ChorusUI
import XCTest

/// Names from the outside world: escape sequences, carriage returns, bidi overrides, CJK and
/// emoji ZWJ sequences. The frame shows placeholders, columns stay aligned, and no cell holds
/// anything a terminal would act on.
final class HostileTextTests: XCTestCase {
    static let hostile: [Creator] = [
        Sample.creator(21, "owned", "\u{1b}]0;owned\u{07}\u{1b}[2J", followers: 900, engagement: 0.09, orders: 30),
        Sample.creator(22, "carriage", "Ann\rBob", followers: 800, engagement: 0.09, orders: 30),
        Sample.creator(23, "bidi", "abc\u{202E}fed", followers: 700, engagement: 0.09, orders: 30),
        Sample.creator(24, "cjk", "山田太郎さん", followers: 600, engagement: 0.09, orders: 30),
        Sample.creator(25, "family", "Fam 👨‍👩‍👧‍👦 ily", followers: 500, engagement: 0.09, orders: 30),
    ]

    private func console(_ size: Size = Size(width: 80, height: 24)) -> ConsoleDriver {
        ConsoleDriver(Sample.workspace(extraCreators: Self.hostile), size: size)
    }

    func testEscapeSequencesShowAsPlaceholders() {
        let frame = console().frame
        let row = frame.row(containing: "@owned")!
        XCTAssertEqual(frame.line(row), "  @owned       ␛]0;owned␇␛[2J prospect   nano         900  9.0% customer      55")
    }

    func testCarriageReturnAndBidiOverrideShowAsPlaceholders() {
        let frame = console().frame
        XCTAssertTrue(frame.line(frame.row(containing: "@carriage")!).contains("Ann␍Bob"))
        XCTAssertTrue(frame.line(frame.row(containing: "@bidi")!).contains("abc⇄fed"))
    }

    func testWideTextKeepsColumnsAligned() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let frame = console(size).frame
            let header = frame.row(containing: "Handle")!
            let stageColumn = frame.column(of: "Stage", inRow: header)!
            let sourceColumn = frame.column(of: "Source", inRow: header)!
            for handle in ["@owned", "@carriage", "@bidi", "@cjk", "@family", "@ana.lima"] {
                let row = frame.lines.firstIndex { $0.hasPrefix("  \(handle) ") }!
                XCTAssertEqual(frame.column(of: "prospect", inRow: row), stageColumn, "\(handle) at \(size)")
                XCTAssertEqual(frame.column(of: "customer", inRow: row), sourceColumn, "\(handle) at \(size)")
            }
            for y in 0..<size.height { XCTAssertEqual(Self.columns(frame, y), size.width, "row \(y) at \(size)") }
        }
    }

    func testCJKAndEmojiAreTwoColumnsAndNeverCut() {
        let frame = console().frame
        let cjk = frame.row(containing: "@cjk")!
        XCTAssertTrue(frame.line(cjk).contains("山田太郎さん   prospect"), frame.line(cjk))
        let family = frame.row(containing: "@family")!
        XCTAssertTrue(frame.line(family).contains("Fam 👨‍👩‍👧‍👦 ily     prospect"), frame.line(family))
        let x = frame.column(of: "👨‍👩‍👧‍👦", inRow: family)!
        XCTAssertTrue(frame[x + 1, family].isContinuation)
    }

    func testTruncationEndsWithAnEllipsisOnAGraphemeBoundary() {
        var grid = Grid(size: Size(width: 10, height: 1))
        grid.put("山田太郎さん", x: 0, y: 0, width: 6, role: .text)
        XCTAssertEqual(grid.line(0), "山田…")
        grid = Grid(size: Size(width: 10, height: 1))
        grid.put("ab👨‍👩‍👧‍👦cd", x: 0, y: 0, width: 4, role: .text)
        XCTAssertEqual(grid.line(0), "ab…")
        grid = Grid(size: Size(width: 10, height: 1))
        grid.put("e\u{301}e\u{301}e\u{301}", x: 0, y: 0, width: 2, role: .text)
        XCTAssertEqual(grid.line(0), "é…")
    }

    func testTruncateAndPadForAlignedTablesOutsideTheConsole() {
        XCTAssertEqual(TextWidth.truncate("山田太郎さん", toColumns: 7), "山田太…")
        XCTAssertEqual(TextWidth.pad("山田", toColumns: 6), "山田  ")
        XCTAssertEqual(TextWidth.columns(of: "a👨‍👩‍👧‍👦山"), 5)
    }

    func testNothingATerminalWouldActOnReachesTheFrame() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let driver = console(size)
            var frames = [driver.frame]
            for _ in 0..<12 {
                driver.press("j")
                frames.append(driver.frame)
            }
            frames.append(driver.press(.enter).frame)
            for frame in frames {
                for cell in frame.cells {
                    for scalar in cell.grapheme.unicodeScalars {
                        XCTAssertFalse(Self.isUnsafe(scalar), "U+\(String(scalar.value, radix: 16)) reached the frame")
                    }
                }
            }
        }
    }

    func testSanitizerPlaceholders() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1b}[31mb"), "a␛[31mb")
        XCTAssertEqual(TextSanitizer.sanitize("tab\there\nnew"), "tab␉here␊new")
        XCTAssertEqual(TextSanitizer.sanitize("\u{9b}31m"), "␦31m", "C1 CSI")
        XCTAssertEqual(TextSanitizer.sanitize("\u{2067}x\u{2069}\u{200F}"), "⇄x⇄⇄")
        XCTAssertEqual(TextSanitizer.sanitize("zero\u{200B}width"), "zero␦width")
        XCTAssertEqual(TextSanitizer.sanitize("\u{301}x"), " \u{301}x", "a lone combining mark gets a base")
        XCTAssertEqual(TextSanitizer.sanitize("👨‍👩‍👧‍👦 🇯🇵 ok"), "👨‍👩‍👧‍👦 🇯🇵 ok", "joiners and flags survive")
    }

    func testFilterFindsHostileNamesByTheirVisibleText() {
        let driver = console().press("/").type("山田")
        XCTAssertEqual(driver.frame.line(1), " Pipeline · Wave 1 (live) · 1 of 13 creators · filter \"山田\" · sort: stage")
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// Terminal columns a row takes: each grapheme's width, which must match the cells.
    static func columns(_ frame: Grid, _ y: Int) -> Int {
        (0..<frame.size.width).reduce(0) { total, x in
            frame[x, y].isContinuation ? total : total + TextWidth.columns(of: frame[x, y].grapheme)
        }
    }
}
