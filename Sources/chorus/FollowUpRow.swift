import ChorusCore

/// A row of `chorus list creators --late`: whom to chase, why, the message that fits next and
/// the last one drafted or sent, so late deliverables and ghosting nudges read as one list.
struct FollowUpRow: ListRow {
    var id: String
    var handle: String
    var name: String
    var email: String?
    var wave: String
    var dueDate: String?
    var daysLate: Int?
    var followUp: String
    var nextMessage: String
    var lastMessage: String?

    init(_ followUp: FollowUp, workspace: Workspace, today: Day) {
        let creator = workspace.creator(followUp.creatorID)
        id = followUp.creatorID.rawValue
        handle = creator?.handle ?? followUp.creatorID.rawValue
        name = creator?.name ?? ""
        email = creator?.email
        wave = followUp.waveID.rawValue
        dueDate = followUp.dueDate?.description
        daysLate = followUp.daysLate
        self.followUp = followUp.reason
        nextMessage = followUp.nextMessage.rawValue
        lastMessage = workspace.enrollment(followUp.creatorID, in: followUp.waveID)?.lastCorrespondence?.label(today: today)
    }

    static let columns = ["id", "handle", "name", "wave", "due", "follow-up", "next message", "last message"]
    var cells: [String] { [id, "@" + handle, name, wave, dueDate ?? "", followUp, nextMessage, lastMessage ?? ""] }
}

extension Listings {
    /// `chorus list creators --late [--wave W2]`: late creators, most overdue first, then those a nudge is due for.
    func lateCreators(_ collection: ListCommand.Collection, wave: String?) throws -> Listing {
        guard collection == .creators else { throw CLIFailure(message: "--late is for creators: chorus list creators --late") }
        let waveID = try wave.map(resolveWave)
        return Listing(rows: workspace.followUps(today: today, wave: waveID).map { FollowUpRow($0, workspace: workspace, today: today) })
    }
}
