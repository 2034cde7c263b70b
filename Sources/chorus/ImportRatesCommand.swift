import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus import rates FILE.csv`: dated exchange rates into the program's currency, which
/// orders (and shipping costs) in other currencies are converted at.
struct ImportRatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: "Import dated exchange rates into the program's currency.",
        discussion: """
        Columns: date (YYYY-MM-DD), currency (USD), rate (how much 1 of that currency is in the program's, e.g. 0.9234). \
        An order is converted at the rate of its day, or else the latest before it; each amount is converted on its own \
        and rounded half away from zero to the cent. A rate for a currency and day already known is replaced; orders \
        already imported keep the rate they were converted at.
        """)

    @Argument(help: ArgumentHelp("The rates CSV file.", valueName: "file")) var file: String
    @Flag(help: "Apply the valid rows and list the invalid ones, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                let parsed = try ExchangeRatesImport(bytes: bytes, fileName: name, programCurrency: store.workspace.program.currency)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard !parsed.rates.isEmpty else { throw CLIFailure(message: "\(name) has no rates to import") }
                let applied = try store.perform(.importRates(parsed.rates), context: Clock.context)
                try Output.print(applied.summary + skipped)
            }
        }
    }
}
