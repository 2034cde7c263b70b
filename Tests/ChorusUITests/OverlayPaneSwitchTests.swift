import ChorusCore
@testable import ChorusUI
import XCTest

/// A detail or help overlay belongs to the pane it was opened over: switching panes by digit,
/// Tab, Shift-Tab or the palette closes it, so the new pane's keys reach the new pane.
final class OverlayPaneSwitchTests: XCTestCase {
    /// Each overlay, opened from a fresh console on a workspace that has one by these keys.
    private let openers: [(name: String, workspace: () -> Workspace, keys: [Key])] = [
        ("help", LibrarySample.workspace, ["?"]),
        ("creator detail", LibrarySample.workspace, [.enter]),
        ("draft detail", { ApprovalsSample.workspace() }, ["3", .enter]),
        ("asset detail", LibrarySample.workspace, ["4", .enter]),
        ("ledger detail", LibrarySample.workspace, ["6", .enter]),
    ]

    /// Each way to get to the Seeding pane from wherever the overlay was opened.
    private func switches(from pane: Pane) -> [(name: String, keys: [Key])] {
        let tabs = (Pane.allCases.count + Pane.seeding.rawValue - pane.rawValue) % Pane.allCases.count
        let backTabs = (Pane.allCases.count - tabs) % Pane.allCases.count
        return [
            ("digit", ["2"]),
            ("Tab", Array(repeating: .tab, count: tabs)),
            ("Shift-Tab", Array(repeating: .backTab, count: backTabs)),
            ("palette", [":"] + "seeding".map { Key.character($0) } + [.enter]),
        ]
    }

    func testEveryOverlayClosesOnEveryPaneSwitchAndTheNewPaneGetsItsKeys() {
        for opener in openers {
            let probe = ConsoleDriver(opener.workspace(), size: Size(width: 120, height: 40))
            opener.keys.forEach { probe.press($0) }
            XCTAssertNotNil(probe.state.overlay, "\(opener.name) opens")
            for way in switches(from: probe.state.pane) {
                let console = ConsoleDriver(opener.workspace(), size: Size(width: 120, height: 40))
                opener.keys.forEach { console.press($0) }
                way.keys.forEach { console.press($0) }
                XCTAssertEqual(console.state.pane, .seeding, "\(opener.name), then \(way.name)")
                XCTAssertNil(console.state.overlay, "the \(opener.name) is closed by the \(way.name) switch")
                console.press("f")
                XCTAssertEqual(console.state.seeding.status, .queued, "f reaches Seeding after the \(opener.name) and \(way.name)")
            }
        }
    }
}
