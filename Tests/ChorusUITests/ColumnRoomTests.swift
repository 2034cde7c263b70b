import ChorusCore
@testable import ChorusUI
import XCTest

/// Spare width goes to the columns whose text is cut (a parcel's items, a draft's checks)
/// before names, and the items are the last column a narrow Seeding list gives up.
final class ColumnRoomTests: XCTestCase {
    /// SH-0002 holds two SKUs; the others one serum each.
    private func seeding() throws -> Workspace {
        var workspace = SeedingSample.workspace(queued: 3)
        try workspace.apply(.editShipment("SH-0002", items: [ShipmentItem(sku: SeedingSample.mist, quantity: 2),
                                                              ShipmentItem(sku: SeedingSample.serum, quantity: 1)], note: nil),
                            context: CommandContext(now: Sample.now, actor: "test"))
        return workspace
    }

    func testEveryItemOfAParcelShowsAt80And200Columns() throws {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            let console = ConsoleDriver(try seeding(), size: size).press("2")
            let row = try XCTUnwrap(console.frame.row(containing: "SH-0002"), console.dump)
            XCTAssertTrue(console.frame.lines[row].contains("MIST×2 SERUM×1"), "\(size.width) columns\n\(console.dump)")
            XCTAssertTrue(console.frame.lines[row].contains("@ben_makes"), "the name keeps its width\n\(console.dump)")
        }
    }

    func testAFailingChecksColumnGrowsToShowTheWholeCheck() throws {
        var workspace = ApprovalsSample.workspace()
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.brief.requiredHashtags = ["SummerGlowUpChallenge2025"]
        try workspace.apply(.updateWave(wave), context: CommandContext(now: Sample.now, actor: "test"))
        // 100 columns has no side panel; 200 has one and room beside it.
        for size in [Size(width: 100, height: 30), Size(width: 200, height: 60)] {
            let console = ConsoleDriver(workspace, size: size).press("3")
            let row = try XCTUnwrap(console.frame.lines.first { $0.contains("SU-0002  @ben_makes") }, console.dump)
            // The column's own 24 would cut it at "✗ #SummerGlowUpChalleng…".
            XCTAssertTrue(row.contains(size.width == 200 ? "✗ #SummerGlowUpChallenge2025 missing " : "✗ #SummerGlowUpChallenge2025 "),
                          "\(size.width) columns\n\(console.dump)")
            XCTAssertTrue(row.contains("@ben_makes "), console.dump)
        }
    }
}
