import ChorusCore

/// A draft open in the detail that a colleague decided meanwhile. The detail stays on it
/// (rather than sliding to the next pending draft under the same keys) and says what
/// happened; keys that would decide it are refused naming who did, so nobody approves the
/// next draft by mistake or decides this one twice.
public struct DecidedElsewhere: Hashable, Sendable {
    public var id: SubmissionID
    /// "approved by maria at 10:02".
    public var what: String

    /// The latest decision on `submission`, as it reads in the detail's title.
    init?(_ submission: Submission, today: Day?) {
        guard let review = submission.reviews.last else { return nil }
        let seconds = review.at.secondsSinceEpoch % 86_400
        let time = String(format: "%02d:%02d", Int(seconds / 3600), Int(seconds % 3600 / 60))
        let when = review.at.day == today ? "at \(time)" : "on \(review.at.day) at \(time)"
        let verb = review.action == .changesRequested ? "sent back for changes" : review.action.label
        id = submission.id
        what = "\(verb) by \(review.reviewer) \(when)"
    }

    /// The refusal of a key pressed on it.
    var refusal: String { "\(id) was \(what) while you had it open; nothing was changed — Esc closes it" }

    /// Whether `action` would decide the draft (or mark it for deciding).
    static func decides(_ action: Action) -> Bool {
        [.approveSubmissions, .requestChanges, .rejectSubmissions, .approveWithOverride, .recordResubmission, .toggleMark].contains(action)
    }
}
