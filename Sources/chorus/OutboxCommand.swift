import ArgumentParser
import ChorusCore
import ChorusOutbox
import ChorusStore
import Foundation

/// `chorus outbox …`: drafts messages from the workspace's templates for a mail client or an
/// email tool to send. Chorus never sends; it records what was drafted and, when told, sent.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Draft messages to creators from templates (.eml and a Klaviyo CSV); Chorus never sends.",
        subcommands: [OutboxBuildCommand.self, OutboxMarkSentCommand.self, OutboxTemplatesCommand.self])
}

extension MessageKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

struct OutboxBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Preview one message per creator; --write puts them in outbox/DATE-KIND/.",
        discussion: """
        Without --creator, everyone in the wave whom the kind still fits: a nudge goes to creators whose parcel \
        arrived that many days ago and who have sent nothing; late to creators past their due date; nobody gets \
        the same kind twice. invite and apply are marketing and are refused for anyone who has not accepted it. \
        apply also goes to every lead (a customer with no handle yet) who accepted marketing, by email.
        """)

    @Option(help: ArgumentHelp("The kind of message: \(MessageKind.names).", valueName: "kind")) var kind: MessageKind
    @Option(help: ArgumentHelp("The wave (id, slug or name).", valueName: "wave")) var wave: String
    @Option(name: .customLong("creator"), help: ArgumentHelp("Only this creator (repeatable): @handle, or a lead's email.", valueName: "handle"))
    var creators: [String] = []
    @Flag(help: "Write the .eml files and klaviyo.csv and record the drafts (without it, only a preview).") var write = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let now = Clock.now
            let store = write ? try WritableWorkspace.open(workspace.url) : try workspace.openForReading()
            defer { if write { store.close() } }
            let current = store.workspace
            let waveID = try Listings(workspace: current, today: now.day).resolveWave(wave)
            let chosen = creators.isEmpty ? nil : try OutboxCreators.resolve(creators, in: current)
            let plan = current.outboxPlan(kind, wave: waveID, creators: chosen, today: now.day)
            if let refusal = plan.refusal { throw CLIFailure(message: refusal + "; leave them out with --creator") }
            let template = try TemplateFolder(workspaceFolder: workspace.url).template(kind)
            let drafts = OutboxDrafts(plan: plan, template: template, workspace: current, now: now)
            try Output.print(OutboxPreview.text(drafts, workspace: current))
            // Drafts recorded earlier today whose files are missing: a build whose writing failed.
            let unwritten = write ? current.recordedDrafts(kind, wave: waveID, creators: chosen, on: now.day)
                .map { OutboxDrafts(plan: $0.plan, template: template, workspace: current, now: $0.draftedAt) }
                .filter { !$0.drafts.isEmpty && !$0.isWritten(under: workspace.url, on: now.day) } : []
            guard !drafts.drafts.isEmpty || !unwritten.isEmpty else { return try Output.print("nothing to write") }
            guard write else { return try Output.print("nothing written; add --write to write \(counted(drafts.drafts.count, ".eml file")) and klaviyo.csv") }
            // Recorded first, so a refusal or a colleague's conflicting change leaves no files behind.
            let recorded = drafts.drafts.isEmpty ? nil
                : try store.perform(.draftMessages(kind: kind, wave: waveID, creators: drafts.drafts.map(\.creator.id)),
                                    context: CommandContext(now: now, actor: Clock.actor)).summary
            let earlier = unwritten.reduce(0) { $0 + $1.drafts.count }
            let said = [recorded, earlier == 0 ? nil : "wrote the \(counted(earlier, ".eml file")) recorded earlier today again"].compactMap { $0 }
            let folder: URL?
            do {
                let rewritten = try unwritten.map { try $0.write(under: workspace.url, now: now) }.last
                folder = drafts.drafts.isEmpty ? rewritten : try drafts.write(under: workspace.url, now: now)
            } catch {
                throw CLIFailure(message: "\(recorded.map { $0 + ", but the" } ?? "the") files could not be written: \(error); "
                                 + "run the same command again to write them")
            }
            try Output.print("\(said.joined(separator: "; ")); written to \(folder?.path ?? "")")
        }
    }
}

struct OutboxMarkSentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark-sent", abstract: "Record that messages went out (default: every unsent draft of the kind in the wave).")

    @Option(help: ArgumentHelp("The kind of message: \(MessageKind.names).", valueName: "kind")) var kind: MessageKind
    @Option(help: ArgumentHelp("The wave (id, slug or name).", valueName: "wave")) var wave: String
    @Option(name: .customLong("creator"), help: ArgumentHelp("Only this creator (repeatable): @handle, or a lead's email.", valueName: "handle"))
    var creators: [String] = []
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let current = store.workspace
            let waveID = try Listings(workspace: current, today: Clock.now.day).resolveWave(wave)
            let ids = creators.isEmpty
                ? current.enrollments.filter { $0.waveID == waveID && $0.correspondence.contains { $0.kind == kind && $0.sentAt == nil } }.map(\.creatorID)
                    + current.leads.filter { $0.invitationToApply?.kind == kind && $0.invitationToApply?.sentAt == nil }.map(\.id)
                : try OutboxCreators.resolve(creators, in: current)
            if ids.isEmpty { throw CLIFailure(message: "no \(kind.label) message is waiting to be sent in \(wave); build them with chorus outbox build") }
            try Output.print(try store.perform(.markMessagesSent(kind: kind, wave: waveID, creators: ids), context: Clock.context).summary)
        }
    }
}

struct OutboxTemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Write the default template of every kind that has no file in templates/ yet.")

    @Option(help: ArgumentHelp("Who messages are from: \"Brand <creators@brand.example>\".", valueName: "mailbox")) var from: String
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let folder = TemplateFolder(workspaceFolder: workspace.url)
            let written = try folder.writeMissingDefaults(from: from)
            try Output.print(written.isEmpty ? "every template is already in \(folder.url.path)"
                         : "wrote \(written.count) templates to \(folder.url.path): \(written.map(\.rawValue).joined(separator: ", "))")
        }
    }
}

/// What `outbox build` shows before anything is written: each message as it will read, then
/// who was left out and why.
enum OutboxPreview {
    static func text(_ drafts: OutboxDrafts, workspace: Workspace) -> String {
        var lines: [String] = []
        for draft in drafts.drafts {
            lines.append("── To: \(draft.message.toName) <\(draft.message.toAddress)>")
            lines.append("   Subject: \(draft.message.subject)")
            lines += draft.message.body.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "   " + $0 }
        }
        for skip in drafts.plan.skipped + drafts.unreachable { lines.append("skipped: \(skip.reason)") }
        lines.append("\(drafts.drafts.count) \(drafts.plan.kind.label) message\(drafts.drafts.count == 1 ? "" : "s") for \(workspace.wave(drafts.plan.waveID)?.name ?? drafts.plan.waveID.rawValue)")
        return lines.joined(separator: "\n")
    }
}
