import ChorusCore
import ChorusInterchange
import Foundation

/// The messages of one outbox build, rendered but not yet written: what the console previews
/// and the CLI prints before `--write`.
public struct OutboxDrafts: Sendable {
    public struct Draft: Sendable {
        public var creator: Creator
        public var fields: [String: String]
        public var message: EmailMessage
    }

    public var plan: OutboxPlan
    public var drafts: [Draft]
    /// Creators the plan chose who cannot be emailed, with the reason.
    public var unreachable: [OutboxPlan.Skip]

    /// Renders `template` for everyone `plan` chose who has an email address.
    public init(plan: OutboxPlan, template: MessageTemplate, workspace: Workspace, now: Timestamp) {
        self.plan = plan
        drafts = []
        unreachable = []
        let folder = Self.folderName(plan.kind, now.day)
        let domain = template.from.split(separator: "@").last.map { String($0.filter { $0 != ">" }) } ?? "chorus.invalid"
        for id in plan.recipients {
            guard let creator = workspace.creator(id) else { continue }
            guard let address = creator.email?.trimmingWhitespace, address.contains("@") else {
                unreachable.append(OutboxPlan.Skip(creatorID: id, reason: "\(creator.reference) has no email address"))
                continue
            }
            let fields = workspace.mergeFields(for: creator, wave: plan.waveID)
            let rendered = template.render(fields)
            let message = EmailMessage(from: template.from, toName: creator.name, toAddress: address, subject: rendered.subject,
                                       body: rendered.body, date: now,
                                       messageID: "\(folder).\(Self.fileStem(creator)).\(now.secondsSinceEpoch)@\(domain)")
            drafts.append(Draft(creator: creator, fields: fields, message: message))
        }
    }

    /// A creator's file is named by their link slug; a lead has none, so by their id (`cr-00003`).
    static func fileStem(_ creator: Creator) -> String { creator.isLead ? creator.id.rawValue.lowercased() : creator.effectiveLinkSlug }

    /// `2026-12-04-nudge-1`: one folder per day and kind, sorting by date.
    public static func folderName(_ kind: MessageKind, _ day: Day) -> String { "\(day)-\(kind.rawValue)" }

    /// The Klaviyo list import: Email, First Name, Last Name, then every merge field as a custom
    /// property, so a Klaviyo template can say `{{ person|lookup:'due_date' }}`.
    public var klaviyoCSV: String {
        let properties = MergeField.names.filter { $0 != MergeField.firstName.rawValue }
        let rows = drafts.map { draft in
            [draft.message.toAddress, draft.creator.firstName, draft.creator.lastName] + properties.map { draft.fields[$0] ?? "" }
        }
        // Klaviyo stores cells as typed, so the spreadsheet guard that puts ' before @handle
        // would reach creators' inboxes; this file is for the import, not for a spreadsheet.
        var writer = CSVWriter(lineEnding: .crlf, neutralizesFormulas: false)
        writer.writeRow(["Email", "First Name", "Last Name"] + properties)
        rows.forEach { writer.writeRow($0) }
        return writer.text
    }

    /// Writes one `.eml` per creator and `klaviyo.csv` into `outbox/DATE-KIND/` under
    /// `workspaceFolder`, and returns that folder. An existing file of the same name is replaced.
    public func write(under workspaceFolder: URL, now: Timestamp) throws -> URL {
        let folder = Self.folder(plan.kind, now.day, under: workspaceFolder)
        try PrivateFiles.makeFolder(folder.deletingLastPathComponent())
        try PrivateFiles.makeFolder(folder)
        for draft in drafts {
            try PrivateFiles.write(draft.message.eml, to: folder.appendingPathComponent("\(Self.fileStem(draft.creator)).eml"))
        }
        try PrivateFiles.write(klaviyoCSV, to: folder.appendingPathComponent("klaviyo.csv"))
        return folder
    }

    /// Whether every file `write(under:now:)` writes for drafts made on `day` is there: not
    /// when the drafts were recorded and writing them failed.
    public func isWritten(under workspaceFolder: URL, on day: Day) -> Bool {
        let folder = Self.folder(plan.kind, day, under: workspaceFolder)
        let names = drafts.map { "\(Self.fileStem($0.creator)).eml" } + ["klaviyo.csv"]
        return names.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    static func folder(_ kind: MessageKind, _ day: Day, under workspaceFolder: URL) -> URL {
        workspaceFolder.appendingPathComponent("outbox").appendingPathComponent(folderName(kind, day))
    }
}
