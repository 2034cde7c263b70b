import ChorusCore
import Foundation

/// One box per distinct referral across every chunk of an orders file, and the bytes each was
/// read from. Each chunk's reader keeps its own set and asks here only for referrals new to it,
/// so the lock is rarely taken; without it, every chunk boxed its own copies: 72 000 boxes (9 MB)
/// for the 11 000 referrals of a million orders, and growing with the file rather than the
/// program.
///
/// The spellings: a chunk of 10 000 orders started knowing none of the referrals (it kept only
/// ranges of its own bytes), and a program of 200 000 creators spells a couple of thousand of
/// them in each chunk, every creator's code once or twice; reading those six strings afresh
/// and looking their box up was a tenth of decoding the orders. So a chunk
/// starts from what the chunks of earlier windows of the file read (`knownSpellings`), and
/// hands back what it adds, which joins them between windows (`publishLearned`): joined as each
/// chunk ended, the table was copied every time, since the chunk beside it held it.
final class ReferralPool: @unchecked Sendable {
    // @unchecked: `referrals`, `spellings` and `learned` are read and written only under `lock`.
    private let lock = NSLock()
    private var referrals: Set<OrderReferral> = []
    private var spellings = ReferralSpellings()
    private var learned: [ReferralSpellings] = []

    /// The box every chunk uses for `referral`'s fields.
    func share(_ referral: OrderReferral) -> OrderReferral {
        lock.withLock { referrals.insert(referral).memberAfterInsert }
    }

    /// The referrals the chunks of earlier windows read, by their bytes.
    var knownSpellings: ReferralSpellings { lock.withLock { spellings } }

    /// Keeps what a chunk read that `knownSpellings` did not hold, for `publishLearned`.
    func learn(_ spellings: ReferralSpellings) {
        guard !spellings.isEmpty else { return }
        lock.withLock { learned.append(spellings) }
    }

    /// Adds what the chunks learned to `knownSpellings`: between windows, when no chunk holds
    /// them, so the table grows in place.
    func publishLearned() {
        lock.withLock {
            for spellings in learned { self.spellings.add(spellings) }
            learned.removeAll()
        }
    }
}
