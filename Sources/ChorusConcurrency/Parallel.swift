import Dispatch
import Foundation

/// Runs independent pieces of work on all cores: decoding a million orders is CPU-bound, and a
/// workspace opens about twice as fast on two cores when each decodes its own chunk of rows.
@usableFromInline package enum Parallel {
    /// Pieces to split a job into: a few per core (`perCore`) so an unlucky core does not hold
    /// up the rest, but never pieces smaller than `minimumSize` units of work.
    package static func pieceCount(for size: Int, minimumSize: Int, perCore: Int = 2) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount * perCore, size / max(1, minimumSize)))
    }

    /// `(0..<count).map(body)`, with the calls spread over cores; results come back in index
    /// order. `body` must be safe to call concurrently: callers pass closures that only read
    /// shared, immutable bytes (a file's buffer) and build their own values, or write only their
    /// own stretch of one array (`array`). That contract is
    /// what the `nonisolated(unsafe)` below stands for, since the buffers are unsafe pointers the
    /// compiler cannot prove Sendable; each call writes only its own result slot.
    @usableFromInline package static func map<Result>(_ count: Int, _ body: (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(body) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                nonisolated(unsafe) let base = slots.baseAddress!
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (base + index).pointee = body(index)
                }
            }
        }
        return results.map { $0! }
    }

    /// `count` elements made in `pieces` runs on separate cores, each run writing its stretch of
    /// the one array in place: arrays of their own, joined afterwards, copied every element a
    /// second time (ten million credits or figures). `fill` is given its range and the array's
    /// first slot, and must initialize exactly the slots of its range.
    @usableFromInline package static func array<Element>(count: Int, pieces: Int, _ fill: (Range<Int>, UnsafeMutablePointer<Element>) -> Void) -> [Element] {
        precondition(pieces > 0, "an array is made in one piece at least")
        guard count > 0 else { return [] }
        return [Element](unsafeUninitializedCapacity: count) { slots, initialized in
            nonisolated(unsafe) let first = slots.baseAddress!
            _ = map(pieces) { piece in fill((count * piece / pieces)..<(count * (piece + 1) / pieces), first) }
            initialized = count
        }
    }

    /// `0..<count` in halves, one per core, or whole when it is small (below 4 096 units the
    /// second thread costs more than it saves): the split of per-creator columns at open.
    /// `minimum`: the smallest count worth halving, for units bigger than a row.
    @usableFromInline package static func halves(of count: Int, minimum: Int = 4_096) -> [Range<Int>] {
        let pieces = count < max(2, minimum) ? 1 : 2
        return (0..<pieces).map { piece in (count * piece / pieces)..<(count * (piece + 1) / pieces) }
    }

    /// Calls `body` with each of `halves(of: count)` on a core of its own; each call must write
    /// only its own slots.
    @usableFromInline package static func inHalves(_ count: Int, minimum: Int = 4_096, _ body: (Range<Int>) -> Void) {
        let halves = halves(of: count, minimum: minimum)
        _ = map(halves.count) { body(halves[$0]) }
    }

    /// Runs two different jobs at once, one per core, and returns both results.
    package static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        let results = map(2) { index in index == 0 ? Either<First, Second>.first(first()) : .second(second()) }
        guard case .first(let a) = results[0], case .second(let b) = results[1] else { fatalError("results come back in index order") }
        return (a, b)
    }
}

private enum Either<First, Second> {
    case first(First)
    case second(Second)
}
