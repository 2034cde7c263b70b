import ChorusCore
import Foundation

extension Timestamp {
    /// The current time, for the store's own records (snapshot and lock times). The domain never
    /// reads a clock; the store is I/O and may.
    static var now: Timestamp { Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }
}
