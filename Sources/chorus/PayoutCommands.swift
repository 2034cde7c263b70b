import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus payout create|mark-paid`: finance's payout runs. `create` gathers everything payable
/// and unpaid today (`Payouts.due`) into the next numbered run; `mark-paid` records that the
/// bank paid it. Both are journaled commands, like every change.
struct PayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payout", abstract: "Create payout runs and record them paid.",
        subcommands: [PayoutCreateCommand.self, PayoutMarkPaidCommand.self])
}

struct PayoutCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Gather everything payable and unpaid into the next numbered payout run.",
        discussion: """
        Payable: commission on direct orders past the program's hold, bonus tiers reached, flat fees due (see the README's \
        Ledger rules). Each creator's unpaid balance must reach the program's minimumPayoutMinorUnits; smaller or \
        negative balances (a refund after payment) wait for a later run. Today is CHORUS_NOW when set.
        """)

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let current = store.workspace
            let ledger = Ledger(current, attribution: try store.attribution(), today: Clock.now.day)
            let payments = Payouts.due(current, ledger: ledger)
            guard !payments.isEmpty else { throw CLIFailure(message: "nothing is payable and unpaid above the minimum payout today") }
            let number = (current.payoutRuns.map(\.number).max() ?? 0) + 1
            let run = PayoutRun(number: number, createdOn: Clock.now.day, payments: payments)
            try Output.print(try store.perform(.createPayoutRun(run), context: Clock.context).summary)
        }
    }
}

struct PayoutMarkPaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark-paid", abstract: "Record a payout run as paid today.")

    @Argument(help: ArgumentHelp("The run's number.", valueName: "run")) var number: Int
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            try Output.print(try store.perform(.markPayoutRunPaid(number: number, on: Clock.now.day), context: Clock.context).summary)
        }
    }
}

/// `chorus export payouts RUN --format csv`: one row per creator for the bank or payment tool.
struct ExportPayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payouts", abstract: "Export a payout run: handle, name, email, amount, currency, items (CSV).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }

    @Argument(help: ArgumentHelp("The run's number.", valueName: "run")) var number: Int
    @Option(help: "Output format.") var format: Format = .csv
    @OptionGroup var destination: ExportDestination
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try workspace.openForReading()
            guard let payoutRun = store.workspace.payoutRun(number) else {
                let known = store.workspace.payoutRuns.map { String($0.number) }.joined(separator: ", ")
                throw CLIFailure(message: "there is no payout run \(number); \(known.isEmpty ? "none has been created" : "runs: \(known)")")
            }
            try destination.writeCSV(PayoutsCSV.write(payoutRun, workspace: store.workspace,
                                                       neutralizesFormulas: destination.neutralizesFormulas))
            Output.notice("exported payout run \(number): \(payoutRun.payments.count) creator\(payoutRun.payments.count == 1 ? "" : "s"), "
                          + "\(Money(minorUnits: payoutRun.total, currency: store.workspace.program.currency))")
        }
    }
}
