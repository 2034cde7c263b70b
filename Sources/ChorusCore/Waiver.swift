/// The checks an approval waived, and why. An override lets content out that broke the brief,
/// so wherever the approved draft or its asset is shown or exported, the waiver goes with it:
/// whoever runs the asset later must see what was accepted and on whose word.
public struct Waiver: Hashable, Sendable {
    /// The failing checks as they read when waived.
    public var checks: [String]
    public var reason: String
    public var reviewer: String
    public var day: Day

    /// One line for a list, the reason before the checks so a narrow column still shows why:
    /// `waived 1 check: label on the post — ad disclosure missing (…)`.
    public var summary: String {
        "waived \(checks.count == 1 ? "1 check" : "\(checks.count) checks"): \(reason) — \(checks.joined(separator: "; "))"
    }
}

extension Submission {
    /// The waiver of the approval that let this draft out, if that approval was an override.
    public var waiver: Waiver? {
        guard status == .approved,
              let approval = reviews.last(where: { $0.action == .approved || $0.action == .approvedWithOverride }),
              approval.action == .approvedWithOverride else { return nil }
        return Waiver(checks: approval.overriddenChecks, reason: approval.note ?? "", reviewer: approval.reviewer, day: approval.at.day)
    }
}

extension Workspace {
    /// The waiver behind an asset: that of the approval which made it.
    public func waiver(of asset: Asset) -> Waiver? { asset.submissionID.flatMap(submission)?.waiver }
}
