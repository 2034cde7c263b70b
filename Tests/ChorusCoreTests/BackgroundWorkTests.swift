import ChorusConcurrency
import Foundation
import XCTest

/// The one helper for work off the key path: the owner looks for the result between key
/// presses without ever blocking, and waits only when it cannot go on without it.
final class BackgroundWorkTests: XCTestCase {
    func testTheResultIsNothingWhileTheWorkRunsAndArrivesOnceItFinishes() {
        let mayFinish = DispatchSemaphore(value: 0)
        let work = BackgroundWork<Int> {
            mayFinish.wait()
            return 42
        }
        XCTAssertNil(work.result, "looking between key presses does not wait for the work")
        mayFinish.signal()
        XCTAssertEqual(work.wait(), 42, "an owner that cannot go on without it waits for it")
        XCTAssertEqual(work.result, 42, "and it stays there to collect")
    }

    /// A console waits a few milliseconds for a small catch-up and leaves a big one running.
    func testWaitingWithABudgetGivesUpWhileTheWorkRunsAndGetsItOnceItIsDone() {
        let mayFinish = DispatchSemaphore(value: 0)
        let work = BackgroundWork<Int> {
            mayFinish.wait()
            return 7
        }
        let start = Date()
        XCTAssertNil(work.wait(upTo: .milliseconds(20)), "still running when the budget is spent")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.019)
        mayFinish.signal()
        XCTAssertEqual(work.wait(upTo: .seconds(10)), 7)
        XCTAssertEqual(work.wait(upTo: .zero), 7, "a finished result is had without waiting")
    }

    func testEveryoneWaitingForTheSameWorkGetsItsOneResult() {
        let mayFinish = DispatchSemaphore(value: 0)
        let runs = RunCount()
        let attribution = BackgroundWork<String> {
            runs.increment()
            mayFinish.wait()
            return "decided once"
        }
        // The ledger waits for the attribution already running instead of deciding it again.
        let ledger = BackgroundWork<String> { "ledger over " + attribution.wait() }
        mayFinish.signal()
        XCTAssertEqual(ledger.wait(), "ledger over decided once")
        XCTAssertEqual(attribution.wait(), "decided once")
        XCTAssertEqual(runs.value, 1)
    }
}

private final class RunCount: @unchecked Sendable {
    // @unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
