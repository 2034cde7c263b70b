import Foundation

extension Parallel {
    /// Makes pieces `0..<count` on all cores and hands them to `write` in order while the next
    /// are made: a file of hundreds of megabytes (a staged import, the orders of a snapshot, a
    /// report's list of ambiguous answers) goes out without ever being held whole. Once a write
    /// fails, nothing more is made or written and the failure is thrown.
    ///
    /// It is one `map` over the pieces, not the writing beside a `map` of the next few:
    /// libdispatch runs a `concurrentPerform` nested in another on a single thread, so on two
    /// cores the pieces were made one after another while the other core only wrote. No core
    /// waits for its turn to write either: a core that makes a piece leaves it, and the one
    /// already writing (else this one) writes every piece ready in order. Cores only wait when
    /// they would get more than a few pieces ahead of the writing. `write` is called on several
    /// threads, one call at a time, in piece order.
    ///
    /// `piece(index, &bytes)` fills `bytes`, handed over empty, with piece `index`. Once written,
    /// a piece's buffer is handed to a later piece with its room kept: a staged import's pieces
    /// are megabytes each, which the kernel otherwise maps and zeroes afresh for every piece. A
    /// buffer `write` kept is never overwritten: emptying it for reuse makes a new one.
    package static func writePieces<Failure: Error>(_ count: Int, making piece: (Int, inout [UInt8]) -> Void,
                                                    to write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let ahead = ProcessInfo.processInfo.activeProcessorCount
        let state = NSCondition()
        // All only touched while holding `state`.
        var made: [Int: [UInt8]] = [:], claimed = 0, written = 0, writing = false, failure: Failure?
        var spare: [[UInt8]] = []
        _ = map(count) { _ in
            // Pieces are claimed in order here rather than by `map`'s index, so the piece the
            // writing waits for is always one a core is making, never one held by a waiting core.
            // The buffer is moved, never shared, on its way to `piece` and back: a second
            // reference to it would make the piece's first append allocate afresh.
            var bytes: [UInt8] = []
            let claim: Int? = state.withLock {
                let index = claimed
                claimed += 1
                while index - written > ahead, failure == nil { state.wait() }
                guard failure == nil else { return nil }
                bytes = spare.popLast() ?? []
                return index
            }
            guard let index = claim else { return }
            piece(index, &bytes)
            state.lock()
            defer { state.unlock() }
            guard failure == nil else { return }
            made[index] = bytes
            bytes = []
            guard !writing else { return }
            writing = true
            while failure == nil {
                var ready: [[UInt8]] = []
                while let next = made.removeValue(forKey: written + ready.count) { ready.append(next) }
                guard !ready.isEmpty else { break }
                state.unlock()
                let result = Result { () throws(Failure) in for bytes in ready { try write(bytes) } }
                state.lock()
                written += ready.count
                while var used = ready.popLast() {
                    used.removeAll(keepingCapacity: true)
                    spare.append(used)
                }
                if case .failure(let error) = result {
                    failure = error
                    made = [:]
                }
                state.broadcast()
            }
            writing = false
        }
        if let failure { throw failure }
    }
}
