import ChorusCore
import Foundation

/// One box per distinct referral across every chunk of an orders file. Each chunk's reader
/// keeps its own set and asks here only for referrals new to it (a few thousand a chunk), so the
/// lock is rarely taken; without it, every chunk boxed its own copies: 72 000 boxes (9 MB) for
/// the 11 000 referrals of a million orders, and growing with the file rather than the program.
final class ReferralPool: @unchecked Sendable {
    // @unchecked: `referrals` is read and written only under `lock`.
    private let lock = NSLock()
    private var referrals: Set<OrderReferral> = []

    /// The box every chunk uses for `referral`'s fields.
    func share(_ referral: OrderReferral) -> OrderReferral {
        lock.withLock { referrals.insert(referral).memberAfterInsert }
    }
}
