import ArgumentParser
import ChorusCore
import Foundation

/// The `chorus` command: with no subcommand it opens the console on a workspace; the
/// subcommands are the headless side that scripts and cron jobs use.
@main
struct Chorus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chorus",
        abstract: "Run an always-on micro-influencer program from the keyboard.",
        discussion: """
        With no subcommand, opens the console on the workspace named by --workspace, \
        else $CHORUS_WORKSPACE, else \(WorkspaceLocation.defaultDescription). \
        `chorus --as NAME …` acts as another person where the program allows it (chorus people acting-as allow).
        """,
        version: ChorusVersion.current,
        subcommands: [
            OpenCommand.self, DemoCommand.self, InitCommand.self, ListCommand.self, ImportCommand.self, ExportCommand.self,
            ReportCommand.self, CheckCommand.self, ApproveCommand.self, RequestChangesCommand.self, RejectCommand.self,
            ResubmitCommand.self, RecordPostCommand.self, PayoutCommand.self, ParcelCommand.self, ResolveCommand.self, AliasCommand.self, HistoryCommand.self,
            StockCommand.self,
            GenerateCommand.self, CompactCommand.self, BenchCommand.self, KeysCommand.self, StressAppendCommand.self,
            OutboxCommand.self, DueCommand.self,
            PeopleCommand.self, MigrateCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// `chorus -w DIR SUBCOMMAND …` as well as `chorus SUBCOMMAND … -w DIR`. A file-size limit
    /// (`ulimit -f`) would otherwise kill the process with SIGXFSZ mid-write, saying nothing;
    /// ignored, the write fails with EFBIG and the error names the file. Large blocks get pages
    /// of their own before anything is allocated (`SystemAllocator`), so what opening frees goes back.
    static func main() {
        SystemAllocator.giveLargeBlocksTheirOwnPages()
        signal(SIGXFSZ, SIG_IGN)
        let (actingAs, arguments) = ActingPerson.extracted(Array(CommandLine.arguments.dropFirst()))
        ActingPerson.requested = actingAs
        main(LeadingWorkspaceOption.moved(arguments))
    }
}
