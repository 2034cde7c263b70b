import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus approve|request-changes|reject|resubmit|record-post`: the approval inbox's decisions for scripts.
/// They send the same commands as the console's keys, so the same checks refuse the same
/// drafts; a batch is all or nothing, and any refusal exits non-zero naming the draft.
enum ReviewDecision {
    static func perform(_ command: Command, in workspace: WorkspaceOption) throws {
        let store = try WritableWorkspace.open(workspace.url)  // a folder or a server, as every CLI write
        defer { store.close() }
        try Output.print(try store.perform(command, context: Clock.context).summary)
    }

    static func ids(_ texts: [String]) -> [SubmissionID] { texts.map { SubmissionID($0.uppercased()) } }
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve drafts; each becomes a library asset with its agreed rights.",
        discussion: """
        A draft failing a compliance check (ad disclosure, required hashtags and mentions, banned words, usage rights) is \
        refused with the checks named, and then nothing is approved. --override approves one failing draft anyway and \
        records the reason, who and when in its review history.
        """)

    @Argument(help: ArgumentHelp("Submission ids, e.g. SU-0012.", valueName: "id")) var ids: [String]
    @Option(help: ArgumentHelp("Approve despite failing checks, for this recorded reason (one id only).", valueName: "reason"))
    var override: String?
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let ids = ReviewDecision.ids(ids)
            if let override {
                guard ids.count == 1 else { throw CLIFailure(message: "--override approves one draft at a time, each with its own reason") }
                try ReviewDecision.perform(.approveWithOverride(ids[0], reason: override), in: workspace)
            } else {
                try ReviewDecision.perform(.approve(ids), in: workspace)
            }
        }
    }
}

struct RequestChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request-changes", abstract: "Send drafts back to their creators with a note.")

    @Argument(help: ArgumentHelp("Submission ids.", valueName: "id")) var ids: [String]
    @Option(help: ArgumentHelp("What the creator should change (required).", valueName: "text")) var note: String
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors { try ReviewDecision.perform(.requestChanges(ReviewDecision.ids(ids), note: note), in: workspace) }
    }
}

struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject drafts for good, with a reason.")

    @Argument(help: ArgumentHelp("Submission ids.", valueName: "id")) var ids: [String]
    @Option(help: ArgumentHelp("Why (required).", valueName: "text")) var reason: String
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors { try ReviewDecision.perform(.reject(ReviewDecision.ids(ids), reason: reason), in: workspace) }
    }
}

struct ResubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit", abstract: "Record a creator's new round of a draft sent back for changes.",
        discussion: "The draft comes back to the pending inbox with round + 1; the old caption is kept for the diff.")

    @Argument(help: ArgumentHelp("The submission id.", valueName: "id")) var id: String
    @Option(help: ArgumentHelp("The new caption.", valueName: "text")) var caption: String
    @Option(help: ArgumentHelp("The new on-screen text (kept as it was if not given).", valueName: "text")) var onScreenText: String?
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try ReviewDecision.perform(.resubmit(ReviewDecision.ids([id])[0], caption: caption, onScreenText: onScreenText), in: workspace)
        }
    }
}

struct RecordPostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-post", abstract: "Record where an approved draft went live; the creator moves to posted.",
        discussion: "The library asset made on approval gets the URL and the day, for its metrics and rights.")

    @Argument(help: ArgumentHelp("The submission id.", valueName: "id")) var id: String
    @Option(help: ArgumentHelp("The post's URL.", valueName: "url")) var url: String
    @Option(help: ArgumentHelp("The day it went live, like 2026-11-20 (default: today).", valueName: "day")) var postedOn: String?
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let day = try postedOn.map { text in
                guard let day = Day(text) else { throw CLIFailure(message: "--posted-on '\(text)' is not a day like 2026-11-20") }
                return day
            } ?? Clock.now.day
            try ReviewDecision.perform(.recordPost(ReviewDecision.ids([id])[0], url: url, postedOn: day), in: workspace)
        }
    }
}
