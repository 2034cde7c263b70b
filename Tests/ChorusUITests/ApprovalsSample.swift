import ChorusCore
import Foundation

/// The small sample with an inbox: Wave 1's brief asks for #GlowUp and @glow, bans "miracle"
/// and agrees rights for its reel; five drafts wait for a decision, SU-0001 (the oldest,
/// from Tuesday: overdue on Monday) to SU-0005, by creators 1 to 5. Drafts named in `failing`
/// have no ad disclosure.
enum ApprovalsSample {
    static let reel: DeliverableID = "D-1"

    /// When each draft came in, oldest first; Sample.today is Monday 2025-03-10.
    static let submitted = ["2025-03-04T10:00:00Z", "2025-03-06T10:00:00Z", "2025-03-07T16:00:00Z", "2025-03-08T11:00:00Z",
                            "2025-03-10T08:00:00Z"]

    static func id(_ number: Int) -> SubmissionID { SubmissionID(formatID(prefix: "SU-", number: number)) }

    static func workspace(failing: Set<Int> = [], captions: [Int: String] = [:]) -> Workspace {
        var workspace = Sample.workspace()
        let context = CommandContext(now: Sample.now, actor: "test")
        var wave = workspace.wave(Sample.wave1)!
        wave.brief.requiredHashtags = ["GlowUp"]
        wave.brief.requiredMentions = ["glow"]
        wave.brief.bannedWords = ["miracle"]
        wave.brief.deliverables = [Deliverable(id: reel, platform: .instagram, format: .reel, dueDate: Sample.today.adding(days: 7),
                                               rights: RightsTemplate(uses: [.organicRepost, .paidSocial], territory: .worldwide, durationDays: 90))]
        let drafts = (1...5).map { number in
            let caption = captions[number] ?? (failing.contains(number) ? "Morning routine with @glow #GlowUp" : "#ad Morning routine with @glow #GlowUp")
            return Submission(id: id(number), creatorID: CreatorID(formatID(prefix: "CR-", number: number)), waveID: Sample.wave1,
                              deliverableID: reel, platform: .instagram, format: .reel, caption: caption,
                              assetRefs: ["drafts/\(number)/reel-v1.mp4"], submittedAt: Timestamp(submitted[number - 1])!)
        }
        do {
            try workspace.apply(.updateWave(wave), context: context)
            try workspace.apply(.addSubmissions(drafts), context: context)
        } catch {
            preconditionFailure("the approvals sample does not apply: \(error)")
        }
        return workspace
    }
}
