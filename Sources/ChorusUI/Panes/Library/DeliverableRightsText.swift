import ChorusCore

/// The usage rights a wave's deliverables are agreed with, as one line of the wave form:
/// `organic-repost, paid-social; worldwide; 90 days` (add `; exclusive` for exclusive rights).
/// A brand agrees rights when it briefs creators; without them every draft fails the
/// usage-rights check, so a program started from nothing needs a way to write them down.
/// One line sets them for every deliverable of the wave, new ones included; deliverables agreed
/// differently show `as agreed per deliverable` and keep theirs unless the line is rewritten.
enum DeliverableRightsText {
    static let perDeliverable = "as agreed per deliverable"

    static func text(_ deliverables: [Deliverable]) -> String {
        let templates = deliverables.map(\.rights)
        guard let first = templates.first else { return "" }
        guard templates.allSatisfy({ $0 == first }) else { return perDeliverable }
        guard let template = first else { return "" }
        return [template.uses.map(\.slug).joined(separator: ", "), RightsForm.territoryText(template.territory),
                "\(template.durationDays) days"].joined(separator: "; ") + (template.exclusive ? "; exclusive" : "")
    }

    /// Empty means no rights agreed.
    static func template(_ text: String) throws -> RightsTemplate? {
        let parts = text.split(separator: ";").map { String($0).trimmingSpaces }
        if parts.allSatisfy(\.isEmpty) { return nil }
        guard parts.count == 3 || parts.count == 4 && parts[3].lowercased() == "exclusive" else {
            throw BriefText.Problem("write uses; territory; days, like organic-repost, paid-social; worldwide; 90 days")
        }
        let digits = parts[2].lowercased().replacingOccurrences(of: "days", with: "").replacingOccurrences(of: "d", with: "").trimmingSpaces
        guard let days = Int(digits), days > 0 else { throw BriefText.Problem("\"\(parts[2])\" is not a number of days; write 90 days") }
        return RightsTemplate(uses: try RightsForm.uses(parts[0]), territory: try RightsForm.territory(parts[1]), durationDays: days,
                              exclusive: parts.count == 4)
    }
}
