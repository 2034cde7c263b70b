import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// Writes a run's batch files for PayPal or Wise: one file when it fits the processor's row
/// limit (stdout or --output), else numbered parts beside --output, all checked before any is written.
enum ProcessorExport {
    static func write(_ run: PayoutRun, workspace: Workspace, processor: PayoutProcessor, to destination: ExportDestination) throws {
        let files = PayoutProcessorFiles(run, workspace: workspace, processor: processor,
                                         neutralizesFormulas: destination.neutralizesFormulas)
        for (creator, reason) in files.leftOut {
            let handle = workspace.creator(creator).map { "@" + $0.handle } ?? creator.rawValue
            Output.notice("not in the \(processor.label) file: \(handle) (\(reason))")
        }
        guard !files.parts.isEmpty else {
            throw CLIFailure(message: "no payment of run \(run.number) goes to \(processor.label): "
                             + "record payout methods with `chorus import payout-details` or in the creator's details")
        }
        if files.parts.count == 1 {
            try destination.writeCSV(files.parts[0])
        } else {
            guard let output = destination.output else {
                throw CLIFailure(message: "run \(run.number) needs \(files.parts.count) \(processor.label) files of at most "
                                 + "\(processor.rowsPerFile) rows; give --output NAME.csv to write NAME-part-1-of-\(files.parts.count).csv, …")
            }
            let paths = files.parts.indices.map { PayoutProcessorFiles.partPath(output, index: $0, of: files.parts.count) }
            try destination.requireWritable(paths)
            for (path, bytes) in zip(paths, files.parts) { try destination.writeCSV(bytes, to: path) }
            Output.notice("wrote " + zip(paths, files.rowCounts).map { "\($0) (\($1) rows)" }.joined(separator: ", "))
        }
        let total = Money(minorUnits: files.total, currency: workspace.program.currency)
        let count = files.rowCounts.reduce(0, +)
        Output.notice("exported payout run \(run.number) for \(processor.label): \(count) payment\(count == 1 ? "" : "s"), \(total)")
    }
}

/// `chorus payout reconcile RUN FILE`: the processor's report on a run, each payment marked
/// paid, left waiting, or returned to payable for the next run, all rows or none.
struct PayoutReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile", abstract: "Record PayPal's payout items report or Wise's batch result for a run.",
        discussion: """
        Columns by name: the item id (PayPal's Customer ID or sender_item_id, Wise's paymentReference) and Status. \
        SUCCESS or COMPLETED: paid. UNCLAIMED, PENDING, ONHOLD: still waiting, left in the run (never paid twice). \
        RETURNED, FAILED, BLOCKED, REFUNDED, REVERSED, CANCELLED, BOUNCED_BACK: returned to payable for the next run, \
        with the status as the reason. Today is CHORUS_NOW when set.
        """)

    @Argument(help: ArgumentHelp("The run's number.", valueName: "run")) var number: Int
    @Argument(help: ArgumentHelp("The processor's report (CSV).", valueName: "file")) var file: String
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                guard let run = store.workspace.payoutRun(number) else { throw CLIFailure(message: "there is no payout run \(number)") }
                let parsed = try PayoutResultsImport(bytes: bytes, fileName: name, run: run, today: Clock.now.day)
                _ = try FileImport.check(parsed.errors, skipInvalid: false)
                guard !parsed.results.isEmpty else { throw CLIFailure(message: "\(name) has no payment results") }
                try Output.print(try store.perform(.reconcilePayoutRun(number: number, results: parsed.results), context: Clock.context).summary)
            }
        }
    }
}

/// `chorus payout list [RUN]`: the runs with their status, or one run's payments and who was left out.
struct PayoutListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Payout runs with their status, or one run's payments.")

    @Argument(help: ArgumentHelp("A run's number, for its payments.", valueName: "run")) var number: Int?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var workspace: WorkspaceOption

    struct RunRow: ListRow {
        static let columns = ["run", "created", "paid", "status", "creators", "amount", "currency", "left_out"]
        var run: Int, created: String, paid: String?, status: String, creators: Int, amount: String, currency: String, leftOut: Int
        var cells: [String] { [String(run), created, paid ?? "", status, String(creators), amount, currency, String(leftOut)] }
    }

    struct PaymentRow: ListRow {
        static let columns = ["handle", "item_id", "amount", "currency", "method", "state", "reason"]
        var handle: String, itemId: String, amount: String, currency: String, method: String, state: String, reason: String
        var cells: [String] { [handle, itemId, amount, currency, method, state, reason] }
    }

    func run() throws {
        try reportingErrors {
            let store = try workspace.openForReading()
            let current = store.workspace
            // Amounts as decimals with the currency's digits and the currency in a column of its own, as in every export.
            let currency = current.program.currency
            let money = { Money(minorUnits: $0, currency: currency).decimalString }
            guard let number else {
                try Output.print(Listing(rows: current.payoutRuns.map {
                    RunRow(run: $0.number, created: $0.createdOn.description, paid: $0.paidOn?.description, status: $0.status,
                           creators: $0.payments.count, amount: money($0.total), currency: currency.code, leftOut: $0.leftOut?.count ?? 0)
                }).rendered(as: format))
                return
            }
            guard let run = current.payoutRun(number) else { throw CLIFailure(message: "there is no payout run \(number)") }
            let handle = { (id: CreatorID) in current.creator(id)?.handle ?? id.rawValue }
            let rows = run.payments.map { payment in
                PaymentRow(handle: handle(payment.creatorID), itemId: run.itemID(for: payment.creatorID), amount: money(payment.total),
                           currency: currency.code, method: current.creator(payment.creatorID)?.payoutProfile?.method?.label ?? "",
                           state: run.state(of: payment).label, reason: payment.outcome?.reason ?? "")
            } + (run.leftOut ?? []).map {
                PaymentRow(handle: handle($0.creatorID), itemId: "", amount: money($0.amount), currency: currency.code, method: "",
                           state: "left out", reason: $0.reason)
            }
            try Output.print(Listing(rows: rows).rendered(as: format))
        }
    }
}

/// `chorus import payout-details FILE`: payout method and tax-form status per creator.
struct ImportPayoutDetailsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payout-details", abstract: "Set creators' payout method and tax-form status from a CSV.",
        discussion: """
        Columns: handle, method (paypal, venmo, wise, bank), tax_form (W-9, W-8BEN, none), tax_form_received (YYYY-MM-DD), \
        tax_country (two letters). An empty cell keeps what is on file. A tax id column (TIN, SSN, EIN…) is refused: \
        Chorus keeps the form's status, never the number.
        """)

    @Argument(help: ArgumentHelp("The payout details CSV file.", valueName: "file")) var file: String
    @Flag(help: "Apply the valid rows and list the invalid ones, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                let parsed = try PayoutDetailsImport(bytes: bytes, fileName: name, workspace: store.workspace)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard !parsed.details.isEmpty else { throw CLIFailure(message: "\(name) has no payout details to import") }
                try Output.print(try store.perform(.setPayoutDetails(parsed.details), context: Clock.context).summary + skipped)
            }
        }
    }
}

/// `chorus report payouts --year 2026`: what each creator was paid in the year, flagged at the
/// US 1099-NEC threshold, with their tax form's status.
struct ReportPayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payouts", abstract: "Per creator, what was paid in a year, with the 1099-NEC flag and the tax form's status.",
        discussion: """
        A payment counts in the year it was paid (its reconciled day, else the day its run was marked paid). \
        form_1099 is yes at or above 600.00 USD paid in the year; for a program paying in another currency it is empty.
        """)

    @Option(help: ArgumentHelp("The calendar year.", valueName: "year")) var year: Int
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var workspace: WorkspaceOption

    struct Row: ListRow {
        static let columns = ["handle", "name", "paid", "currency", "payments", "form_1099", "tax_form", "tax_country"]
        var handle: String, name: String, paid: String, currency: String, payments: Int, form1099: Bool?, taxForm: String, taxCountry: String?
        var cells: [String] {
            [handle, name, paid, currency, String(payments), form1099.map { $0 ? "yes" : "no" } ?? "", taxForm, taxCountry ?? ""]
        }
    }

    func run() throws {
        try reportingErrors {
            let store = try workspace.openForReading()
            let current = store.workspace
            let report = PayoutYear(current, year: year)
            let rows = report.rows.map { row in
                let creator = current.creator(row.creatorID)
                return Row(handle: creator?.handle ?? row.creatorID.rawValue, name: creator?.name ?? "",
                           paid: Money(minorUnits: row.paid, currency: report.currency).decimalString, currency: report.currency.code,
                           payments: row.payments,
                           form1099: row.reachesThreshold, taxForm: creator?.taxFormStatus ?? "no form",
                           taxCountry: creator?.payoutProfile?.taxCountry)
            }
            try Output.print(Listing(rows: rows).rendered(as: format))
            if report.currency != .usd, format == .table {
                Output.notice("the 1099-NEC threshold is in US dollars; this program pays in \(report.currency.code)")
            }
        }
    }
}

/// `chorus payout require-tax-form yes|no`: the program's `requireTaxForm`, one journaled change.
struct PayoutRequireTaxFormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "require-tax-form", abstract: "Whether runs leave out creators without a tax form on file (W-9, W-8BEN or none needed).")

    enum Answer: String, ExpressibleByArgument, CaseIterable { case yes, no }

    @Argument(help: ArgumentHelp("yes or no.", valueName: "answer")) var answer: Answer
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            var program = store.workspace.program
            program.settings.requireTaxForm = answer == .yes
            _ = try store.perform(.updateProgram(program), context: Clock.context)
            try Output.print(answer == .yes ? "payout runs now leave out creators without a tax form on file"
                                            : "payout runs no longer ask for a tax form")
        }
    }
}
