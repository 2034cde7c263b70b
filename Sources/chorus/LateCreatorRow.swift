import ChorusCore

/// A row of `chorus list creators --late`: whose content is overdue, by how long, and the last
/// message they were sent, so the follow-up list reads as one.
struct LateCreatorRow: ListRow {
    var id: String
    var handle: String
    var name: String
    var email: String?
    var wave: String
    var dueDate: String
    var daysLate: Int
    var lastMessage: String?

    init(_ late: LateCreator, workspace: Workspace, today: Day) {
        let creator = workspace.creator(late.creatorID)
        id = late.creatorID.rawValue
        handle = creator?.handle ?? late.creatorID.rawValue
        name = creator?.name ?? ""
        email = creator?.email
        wave = late.waveID.rawValue
        dueDate = late.dueDate.description
        daysLate = late.daysLate
        lastMessage = workspace.enrollment(late.creatorID, in: late.waveID)?.lastCorrespondence?.label(today: today)
    }

    static let columns = ["id", "handle", "name", "wave", "due", "late", "last message"]
    var cells: [String] { [id, "@" + handle, name, wave, dueDate, "\(daysLate)d", lastMessage ?? ""] }
}

extension Listings {
    /// `chorus list creators --late [--wave W2]`, most overdue first.
    func lateCreators(_ collection: ListCommand.Collection, wave: String?) throws -> Listing {
        guard collection == .creators else { throw CLIFailure(message: "--late is for creators: chorus list creators --late") }
        let waveID = try wave.map(resolveWave)
        return Listing(rows: workspace.lateCreators(today: today, wave: waveID).map { LateCreatorRow($0, workspace: workspace, today: today) })
    }
}
