import Foundation

/// One computation on its own thread over values captured by the closure (a workspace is a
/// value: the console may change its own copy meanwhile without affecting this one). The owner
/// of derived figures and the Pipeline's search use it so a big program never blocks a key press.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `finished` is only touched under `lock`.
    /// The workspace revision the work was started for; a result for an older one is stale.
    package let generation: Int
    private let lock = NSLock()
    private var finished: Value?

    package init(generation: Int, _ work: @escaping @Sendable () -> Value) {
        self.generation = generation
        Thread.detachNewThread { [self] in
            let value = work()
            lock.withLock { finished = value }
        }
    }

    package var result: Value? { lock.withLock { finished } }

    /// The result, waiting for it if the work is still running.
    package func wait() -> Value {
        while true {
            if let value = result { return value }
            Thread.sleep(forTimeInterval: 0.001)
        }
    }
}
