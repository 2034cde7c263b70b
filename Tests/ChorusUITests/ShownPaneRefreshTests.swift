import ChorusCore
@testable import ChorusUI
import XCTest

/// Only the pane on screen rebuilds its rows after a change: packing a parcel does not re-sort
/// the Pipeline, which catches up when it is shown again, its cursor still on its creator.
final class ShownPaneRefreshTests: XCTestCase {
    func testAChangeInTheSeedingPaneRebuildsThePipelineOnlyWhenItIsShownAgain() {
        let console = ConsoleDriver(SeedingSample.workspace()).press("j", "j")
        let creator = console.console.table.creatorID(at: console.state.pipeline.cursor, in: console.workspace)
        console.press("2")
        let before = console.console.tableRebuilds.rows
        console.press("p")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .packed)
        XCTAssertEqual(console.console.tableRebuilds.rows, before, "the Pipeline is not on screen: its rows wait")
        console.press("1")
        XCTAssertEqual(console.console.tableRebuilds.rows, before + 1, "shown again, it catches up once")
        XCTAssertEqual(console.console.table.creatorID(at: console.state.pipeline.cursor, in: console.workspace), creator)
    }
}
