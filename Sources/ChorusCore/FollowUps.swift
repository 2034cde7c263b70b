/// The one list of creators to chase: those past their due date with nothing submitted, and
/// those whose parcel arrived and who have gone quiet (the ghosting nudges), each with the
/// message that fits next. `chorus list creators --late` and the Pipeline's `L` show it.
public struct FollowUp: Hashable, Sendable {
    public var creatorID: CreatorID
    public var waveID: WaveID
    /// Their own due date, when they have one.
    public var dueDate: Day?
    /// Days past the due date; nil when the follow-up is a nudge before the due date.
    public var daysLate: Int?
    /// "5d late", "nudge 2 · 11d", "ghosting 15d".
    public var reason: String
    public var nextMessage: MessageKind
}

extension Workspace {
    /// Late creators first (most overdue first), then the quiet ones a nudge is due for; a
    /// creator both late and quiet is listed once, as late.
    public func followUps(today: Day, wave waveID: WaveID? = nil) -> [FollowUp] {
        var list = lateCreators(today: today, wave: waveID).map {
            FollowUp(creatorID: $0.creatorID, waveID: $0.waveID, dueDate: $0.dueDate, daysLate: $0.daysLate,
                     reason: "\($0.daysLate)d late", nextMessage: .late)
        }
        var listed = Set(list.map { EnrollmentKey(creatorID: $0.creatorID, waveID: $0.waveID) })
        let nudges: [MessageKind] = [.nudge1, .nudge2, .nudge3]
        let flags = FollowThrough.flags(in: self, today: today, settings: program.settings).values
            .sorted { $0.shipmentID.rawValue < $1.shipmentID.rawValue }
        var quiet: [(FollowUp, Int)] = []
        for flag in flags {
            guard case .noSubmission(let days, let nudge, _) = flag.kind, let shipment = shipment(flag.shipmentID),
                  waveID == nil || shipment.waveID == waveID,
                  let enrollment = enrollment(shipment.creatorID, in: shipment.waveID), enrollment.stage.owesContent,
                  listed.insert(enrollment.key).inserted else { continue }
            quiet.append((FollowUp(creatorID: shipment.creatorID, waveID: shipment.waveID, dueDate: dueDate(of: enrollment), daysLate: nil,
                                   reason: flag.label, nextMessage: nudges[min(nudge, nudges.count) - 1]), days))
        }
        list += quiet.sorted { $0.1 > $1.1 }.map(\.0)
        return list
    }
}
