import Foundation

extension Parallel {
    /// Makes pieces `0..<count` on all cores and hands them to `write` in order, each core
    /// writing the piece it made once the one before it is written, then making its next: a
    /// file of hundreds of megabytes (a staged import, the orders of a snapshot, a report's
    /// list of ambiguous answers) goes out without ever being held whole, and one core writes
    /// while the others make. Once a write fails, nothing more is made or written and the
    /// failure is thrown.
    ///
    /// It is one `map` over the pieces, not the writing beside a `map` of the next few:
    /// libdispatch runs a `concurrentPerform` nested in another on a single thread, so on two
    /// cores the pieces were made one after another while the other core only wrote. `map`
    /// hands out pieces in order, so the piece a core waits for is always being made or written
    /// by another; `write` is called on several threads, one call at a time, in piece order.
    package static func writePieces<Failure: Error>(_ count: Int, making piece: (Int) -> [UInt8],
                                                    to write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let turns = NSCondition()
        // Both only touched while holding `turns`.
        var written = 0, failure: Failure?
        _ = map(count) { index in
            let bytes = turns.withLock { failure == nil } ? piece(index) : nil
            let mayWrite = turns.withLock {
                while written < index { turns.wait() }
                return failure == nil
            }
            let result = mayWrite ? bytes.map { bytes in Result { () throws(Failure) in try write(bytes) } } : nil
            turns.withLock {
                if case .failure(let error) = result { failure = error }
                written += 1
                turns.broadcast()
            }
        }
        if let failure { throw failure }
    }
}
