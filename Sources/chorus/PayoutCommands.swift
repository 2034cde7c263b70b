import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus payout create|mark-paid`: finance's payout runs. `create` gathers everything payable
/// and unpaid today (`Payouts.due`) into the next numbered run; `mark-paid` records that the
/// bank paid it. Both are journaled commands, like every change.
struct PayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payout", abstract: "Create payout runs, record them paid, reconcile the processor's report.",
        subcommands: [PayoutCreateCommand.self, PayoutMarkPaidCommand.self, PayoutReconcileCommand.self, PayoutListCommand.self,
                      PayoutRequireTaxFormCommand.self])
}

struct PayoutCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Gather everything payable and unpaid into the next numbered payout run.",
        discussion: """
        Payable: commission on direct orders past the program's hold, bonus tiers reached, flat fees due (see the README's \
        Ledger rules). Each creator's unpaid balance must reach the program's minimumPayoutMinorUnits; smaller or \
        negative balances (a refund after payment) wait for a later run. With the program's requireTaxForm, creators \
        without a tax form on file are left out and listed. Today is CHORUS_NOW when set.
        """)

    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let current = store.workspace
            let ledger = Ledger(current, attribution: try store.attribution(), today: Clock.now.day)
            let run = Payouts.nextRun(current, ledger: ledger)
            for leftOut in run.leftOut ?? [] {
                let handle = current.creator(leftOut.creatorID).map { "@" + $0.handle } ?? leftOut.creatorID.rawValue
                Output.notice("left out \(handle), \(Money(minorUnits: leftOut.amount, currency: current.program.currency)): \(leftOut.reason)")
            }
            guard !run.payments.isEmpty else {
                throw CLIFailure(message: "nothing is payable and unpaid above the minimum payout today"
                                 + (run.leftOut == nil ? "" : " for creators with a tax form on file"))
            }
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

/// `chorus export payouts RUN --format csv|paypal|wise`: the run's own CSV for finance's
/// records, or the processor's batch files (`PayoutProcessorFiles`).
struct ExportPayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payouts", abstract: "Export a payout run: Chorus's CSV, or PayPal's or Wise's batch file.",
        discussion: """
        csv: handle, name, email, amount, currency, items. paypal: PayPal Payouts' batch file (no header; recipient, amount, \
        currency, item id, note, PAYPAL or VENMO), at most 5 000 rows a file. wise: Wise's batch template for payments by \
        email, at most 1 000 rows a file. More rows are split into NAME-part-1-of-N.csv, … (which needs --output). Only \
        payments still to send and creators whose payout method is that processor's are written; the others are listed.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, paypal, wise }

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
            if let processor = PayoutProcessor(rawValue: format.rawValue) {
                try ProcessorExport.write(payoutRun, workspace: store.workspace, processor: processor, to: destination)
                return
            }
            try destination.writeCSV(PayoutsCSV.write(payoutRun, workspace: store.workspace,
                                                       neutralizesFormulas: destination.neutralizesFormulas))
            Output.notice("exported payout run \(number): \(payoutRun.payments.count) creator\(payoutRun.payments.count == 1 ? "" : "s"), "
                          + "\(Money(minorUnits: payoutRun.total, currency: store.workspace.program.currency))")
        }
    }
}
