import ChorusCore
@testable import ChorusUI
import XCTest

/// Only the pane on screen refreshes its rows after a change: packing a parcel does not touch
/// the Pipeline, which catches up when it is shown again, its cursor still on its creator.
final class ShownPaneRefreshTests: XCTestCase {
    func testAChangeInTheSeedingPaneRebuildsThePipelineOnlyWhenItIsShownAgain() {
        let console = ConsoleDriver(SeedingSample.workspace()).press("j", "j")
        let creator = console.console.table.creatorID(at: console.state.pipeline.cursor, in: console.workspace)
        console.press("2")
        let before = console.console.tableRebuilds
        console.press("p")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .packed)
        XCTAssertEqual(console.console.tableRebuilds, before, "the Pipeline is not on screen: its rows wait")
        console.press("1")
        XCTAssertEqual(console.console.tableRebuilds, before, "shown again, it catches up: a packed parcel moved no creator's stage")
        XCTAssertEqual(console.console.table.creatorID(at: console.state.pipeline.cursor, in: console.workspace), creator)
    }
}
