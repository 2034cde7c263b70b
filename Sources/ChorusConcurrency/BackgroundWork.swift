import Foundation

/// One computation off the key path, over values captured by the closure, whose result the
/// owner collects between key presses (`result`) or waits for when it cannot go on without it
/// (`wait()`). Every module runs such work through this one type: the owner of derived figures,
/// the Pipeline's search, the order history loading behind an open console.
///
/// It is a thread, not a `Task`: the work is seconds of CPU (attributing a million orders,
/// reading them from disk) that would hold a cooperative-pool thread the whole time, and its
/// owners are synchronous loops that look for a result between key presses, so `async` would
/// buy nothing but a bridge back.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `finished` is only touched while holding `done`.
    private let done = NSCondition()
    private var finished: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let value = work()
            done.withLock {
                finished = value
                done.broadcast()
            }
        }
    }

    /// The result once the work has finished; nil while it runs.
    package var result: Value? { done.withLock { finished } }

    /// The result if the work finishes within `budget`; nil if it still runs then.
    package func wait(upTo budget: Duration) -> Value? {
        let (seconds, attoseconds) = budget.components
        let deadline = Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) / 1e18)
        return done.withLock {
            while finished == nil, done.wait(until: deadline) {}
            return finished
        }
    }

    /// The result, waiting for it if the work is still running.
    package func wait() -> Value {
        done.withLock {
            while finished == nil { done.wait() }
            return finished!
        }
    }
}
