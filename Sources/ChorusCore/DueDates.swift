/// When each creator's content is due, and who is late with it.
///
/// A creator's due date is their own (set with `:due` or `chorus due`) or else the wave's
/// earliest deliverable due date, so changing the wave moves everyone who kept the default.
public struct LateCreator: Hashable, Sendable {
    public var creatorID: CreatorID
    public var waveID: WaveID
    public var dueDate: Day
    public var daysLate: Int
}

/// A change to creators' due dates: a day, or so many days later than each one's current date.
public enum DueDateChange: Hashable, Sendable, Codable {
    case on(Day)
    case later(days: Int)

    /// `2027-01-15`, `+7d`, `+7`, `-2d`, as typed after `:due` or `chorus due`.
    public init?(_ text: String) {
        let text = text.trimmingWhitespace.lowercased()
        if let day = Day(text) { self = .on(day); return }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        var number = text.dropFirst()
        if number.last == "d" { number = number.dropLast() }
        guard let days = Int(number), days >= 0 else { return nil }
        self = .later(days: sign == "-" ? -days : days)
    }
}

extension Workspace {
    /// The creator's own due date in the wave, or the wave's earliest deliverable due date.
    public func dueDate(of enrollment: Enrollment) -> Day? {
        enrollment.dueDate ?? wave(enrollment.waveID)?.brief.deliverables.compactMap(\.dueDate).min()
    }

    /// A deliverable's due date for this creator: the wave's date, moved by as much as the
    /// creator's own date moved their first one, so `+7d` gives a week more for everything.
    public func dueDate(of deliverable: Deliverable, for enrollment: Enrollment) -> Day? {
        guard let own = enrollment.dueDate else { return deliverable.dueDate }
        guard let due = deliverable.dueDate, let first = wave(enrollment.waveID)?.brief.deliverables.compactMap(\.dueDate).min() else { return own }
        return due.adding(days: first.days(until: own))
    }

    /// How many days late one creator's content is on `today`, or nil when it is not late.
    public func daysLate(_ enrollment: Enrollment, today: Day) -> Int? {
        guard enrollment.stage.owesContent, let due = dueDate(of: enrollment), due < today,
              !submissions.contains(where: { $0.creatorID == enrollment.creatorID && $0.waveID == enrollment.waveID }) else { return nil }
        return due.days(until: today)
    }

    /// Creators whose content was due before `today` and who have submitted nothing in that wave;
    /// people still being recruited, those who left and those done are not late.
    public func lateCreators(today: Day, wave waveID: WaveID? = nil) -> [LateCreator] {
        var submitted: Set<EnrollmentKey> = []
        for submission in submissions { submitted.insert(EnrollmentKey(creatorID: submission.creatorID, waveID: submission.waveID)) }
        return enrollments.compactMap { enrollment in
            guard waveID == nil || enrollment.waveID == waveID, enrollment.stage.owesContent,
                  !submitted.contains(enrollment.key), let due = dueDate(of: enrollment), due < today else { return nil }
            return LateCreator(creatorID: enrollment.creatorID, waveID: enrollment.waveID, dueDate: due, daysLate: due.days(until: today))
        }
        .sorted { ($0.daysLate, $1.creatorID.rawValue) > ($1.daysLate, $0.creatorID.rawValue) }
    }
}

extension PipelineStage {
    /// Agreed to post and has not yet sent anything.
    public var owesContent: Bool { self == .onboarding || self == .active || self == .seeded }
}

extension ChangeRecorder {
    mutating func setDueDate(_ ids: [CreatorID], in waveID: WaveID, _ change: DueDateChange) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        let wave = try requireWave(waveID)
        var changed: [Enrollment] = []
        for id in Set(ids).sorted(by: { $0.rawValue < $1.rawValue }) {
            guard var enrollment = workspace.enrollment(id, in: waveID) else { throw DomainError("\(handle(id)) is not in \(wave.name)") }
            switch change {
            case .on(let day): enrollment.dueDate = day
            case .later(let days):
                guard let current = workspace.dueDate(of: enrollment) else {
                    throw DomainError("\(handle(id)) has no due date in \(wave.name) to move; give a date such as 2027-01-15")
                }
                enrollment.dueDate = current.adding(days: days)
            }
            changed.append(enrollment)
        }
        changed.forEach { put($0) }
        if changed.count == 1, let day = changed[0].dueDate { return "\(handle(changed[0].creatorID)) is now due \(day)" }
        return "changed the due date of \(Self.plural(changed.count, "creator")) in \(wave.name)"
    }
}
