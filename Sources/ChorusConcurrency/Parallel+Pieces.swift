import Foundation

extension Parallel {
    /// Makes pieces `0..<count` on all cores, a few at a time, and hands them to `write` in
    /// order, each few while the next few are made: a file of hundreds of megabytes (a staged
    /// import, the orders of a snapshot) goes to disk without ever being held whole.
    package static func writePieces<Failure: Error>(_ count: Int, making piece: (Int) -> [UInt8],
                                                    to write: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let atOnce = ProcessInfo.processInfo.activeProcessorCount
        func pieces(from first: Int) -> [[UInt8]] {
            let group = first..<min(first + atOnce, count)
            return map(group.count) { piece(group.lowerBound + $0) }
        }
        var ready = pieces(from: 0)
        var next = atOnce
        while !ready.isEmpty {
            let current = ready
            let (written, following) = both({ Result { () throws(Failure) in for bytes in current { try write(bytes) } } },
                                            { next < count ? pieces(from: next) : [] })
            try written.get()
            ready = following
            next += atOnce
        }
    }
}
