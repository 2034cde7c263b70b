import ArgumentParser
import ChorusCore

/// `--wave` as every report, export and listing takes it: one help text, one way of finding
/// the wave by id, slug or name, and one message when none matches.
struct WaveOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only this wave (id, slug or name).", valueName: "wave")) var wave: String?

    /// The wave asked for, or nil for all of them.
    func resolved(in workspace: Workspace, today: Day) throws -> WaveID? {
        try wave.map { try Listings(workspace: workspace, today: today).resolveWave($0) }
    }
}

/// `--wave`, `--format table|csv|json` and `--raw`, as the reports and `chorus list` take them;
/// exports take `--raw` with their file options (`ExportDestination`).
struct ReportOptions: ParsableArguments {
    @OptionGroup var waves: WaveOption
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(help: "With --format csv: cells exactly as stored, without the leading ' that keeps spreadsheets from running them.")
    var raw = false

    var wave: String? { waves.wave }

    /// Refuses `--raw` without CSV before anything is read, rather than ignoring it.
    func requireCSVForRaw() throws {
        if raw && format != .csv { throw CLIFailure(message: "--raw is for CSV; add --format csv") }
    }
}
