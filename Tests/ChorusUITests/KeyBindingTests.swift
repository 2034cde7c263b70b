import ChorusCore
@testable import ChorusUI
import XCTest

/// The key map is the one declaration of the keys: no key means two things in one scope, every
/// key the help and the status-bar hints offer in a pane does something there, and an action
/// asked for where it does not work says where it does, from its declaration.
final class KeyBindingTests: XCTestCase {
    func testNoTwoBindingsInOneScopeShareAKey() {
        for scope in KeyScope.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyMap.bindings where binding.scope == scope {
                for key in binding.keys {
                    XCTAssertNil(seen[key], "\(key.label) in \(scope.rawValue) is bound to \(String(describing: seen[key])) and \(binding.action)")
                    seen[key] = binding.action
                }
            }
        }
    }

    func testEveryKeyTheHelpAndHintsOfferInAPaneDoesSomethingThere() {
        for pane in Pane.allCases {
            let offered = KeyMap.sections(for: pane).flatMap(\.bindings)
            XCTAssertTrue(KeyMap.hints(for: pane).allSatisfy { hint in offered.contains { $0.keys.first?.label == hint.key } },
                          "the \(pane.title) pane's hints are in its help")
            for binding in offered where binding.action != .showPane(pane) {   // the pane's own digit: already there
                XCTAssertTrue(binding.keys.isEmpty || binding.keys.contains { KeyMap.action(for: $0, in: pane) == binding.action },
                              "the \(pane.title) pane's help offers \(binding.keyLabel) for \(binding.help), but it does something else there")
                for key in binding.keys {
                    XCTAssertTrue(doesSomething(key, in: pane), "\(key.label) (\(binding.help)) does nothing in the \(pane.title) pane")
                }
            }
        }
    }

    func testAnActionOfAnotherPaneSaysWhichPaneItWorksIn() {
        let console = ConsoleDriver(ApprovalsSample.workspace()).press("3", ":").type("pack").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "that works in the Seeding pane (2)"))
        console.press(":").type("payouts").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "that works in the Ledger pane (6)"))
        console.press(":").type("edit-creator").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "that works in the Pipeline pane (1) and in a creator's details (Enter)"))
        XCTAssertNil(KeyMap.notHere(.advanceStage, in: .approvals), "the Pipeline's commands act on the working wave's creators from anywhere")
        XCTAssertNil(KeyMap.notHere(.approveSubmissions, in: .approvals))
    }

    /// A key is one declaration: its words and what it does. Every key carries its handler —
    /// a pane's own, the list keys every pane shares, the global ones — so adding a key edits
    /// nothing but its binding (and the pane code the handler calls).
    func testEveryKeyCarriesWhatItDoes() {
        // Palette-only commands (`:codes`, `:slug`, `:due`, `:stock`) take the text typed after them.
        for scope in KeyScope.allCases {
            for binding in KeyMap.bindings where binding.scope == scope && !binding.keys.isEmpty {
                XCTAssertNotNil(binding.handler, "\(binding.keyLabel) in \(scope.rawValue) (\(binding.help)) does not say what it does")
            }
        }
    }

    /// Pressing a key runs what its binding declares: `f` in Approvals is its binding's handler.
    func testAKeyRunsTheHandlerItsBindingDeclares() {
        let console = ConsoleDriver(ApprovalsSample.workspace()).press("3")
        var expected = console.state
        let binding = KeyMap.bindings.first { $0.scope == .approvals && $0.keys == [.character("f")] }
        let effects = binding?.handler?(&expected, console.console.updateContext)
        console.press("f")
        XCTAssertEqual(effects?.count, 0)
        XCTAssertEqual(console.state.approvals.view, expected.approvals.view)
        XCTAssertEqual(console.state.message, expected.message)
        XCTAssertNotEqual(console.state.approvals.view, ConsoleDriver(ApprovalsSample.workspace()).press("3").state.approvals.view)
    }

    // MARK: - A pane with rows to act on, the cursor on its second row and nothing said yet

    private func console(in pane: Pane) -> ConsoleDriver {
        let console: ConsoleDriver
        switch pane {
        case .pipeline: console = ConsoleDriver()
        case .seeding: console = ConsoleDriver(SeedingSample.workspace())
        case .approvals: console = ConsoleDriver(ApprovalsSample.workspace())
        case .library: console = ConsoleDriver(LibrarySample.workspace())
        case .leaderboard, .ledger: console = ConsoleDriver(SeedingSample.workspace(queued: 0), size: Size(width: 140, height: 30))
        case .waves:
            var workspace = Sample.workspace()
            let next = workspace.nextWave(copying: workspace.wave(Sample.wave2)!)
            XCTAssertNoThrow(try workspace.apply(.createWave(next), context: CommandContext(now: Sample.now, actor: "test")))
            console = ConsoleDriver(workspace)
        }
        return console.press(.character(Character(String(pane.rawValue))), "j")
    }

    /// Presses `key` in `pane` (Esc after a filter, so there is a layer to back out of) and
    /// says whether the state, the workspace or the terminal heard of it.
    private func doesSomething(_ key: Key, in pane: Pane) -> Bool {
        let console = console(in: pane)
        if key == .escape { console.press("/").type("a").press(.enter) }
        XCTAssertNil(console.state.message, "\(pane.title): \(String(describing: console.state.message))")
        let before = console.state, performed = console.session.performed.count
        console.press(key)
        return console.state != before || console.session.performed.count != performed || !console.console.takeTerminalRequests().isEmpty
    }
}
