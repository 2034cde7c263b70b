/// The messages Chorus drafts for a coordinator to send: one template each in the workspace's
/// `templates/` folder, named by the raw value (`nudge-2.md`).
public enum MessageKind: String, Hashable, Sendable, Codable, CaseIterable {
    case invite
    case apply
    case brief
    case shipped
    case nudge1 = "nudge-1"
    case nudge2 = "nudge-2"
    case nudge3 = "nudge-3"
    case late
    case changesRequested = "changes-requested"
    case approved
    case rightsRenewal = "rights-renewal"
    case payout

    /// Asking someone to join is marketing: only people who accepted it may get one. Telling a
    /// creator about their parcel, content or money is part of a relationship they agreed to.
    public var isMarketing: Bool { self == .invite || self == .apply }

    /// How the Pipeline and messages name it: "nudge 2", "changes requested".
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// The kind a person types (`nudge-1`, `nudge 1`, `Late`).
    public init?(named text: String) {
        let wanted = text.trimmingWhitespace.lowercased().replacingOccurrences(of: " ", with: "-")
        guard let kind = MessageKind(rawValue: wanted) else { return nil }
        self = kind
    }

    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// One message drafted for a creator in a wave, and when it went out. Kept on the enrollment so
/// undo, the journal and the Pipeline see it like the stage.
public struct Correspondence: Hashable, Sendable, Codable {
    public var kind: MessageKind
    public var draftedAt: Timestamp
    public var sentAt: Timestamp?

    public init(kind: MessageKind, draftedAt: Timestamp, sentAt: Timestamp? = nil) {
        self.kind = kind
        self.draftedAt = draftedAt
        self.sentAt = sentAt
    }

    /// "nudge 2 drafted 3d ago", "invite sent 2026-12-01".
    public func label(today: Day) -> String {
        if let sentAt { return "\(kind.label) sent \(sentAt.day)" }
        let days = draftedAt.day.days(until: today)
        return "\(kind.label) drafted " + (days <= 0 ? "today" : "\(days)d ago")
    }
}

extension Enrollment {
    /// The latest message drafted or sent, for the Pipeline's follow-up column.
    public var lastCorrespondence: Correspondence? { correspondence.max { ($0.sentAt ?? $0.draftedAt) < ($1.sentAt ?? $1.draftedAt) } }

    public func hasDrafted(_ kind: MessageKind) -> Bool { correspondence.contains { $0.kind == kind } }
}
