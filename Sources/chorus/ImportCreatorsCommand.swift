import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus import creators FILE.csv`: adds new creators and updates existing ones (same handle,
/// ignoring case and @), with any discount codes the file names, as one undoable change.
struct ImportCreatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creators", abstract: "Import or update creators from a CSV file.",
        discussion: """
        Columns (by name): handle (required), name, email, platform, followers, engagement_rate (4.5% or 0.045), \
        niches (separated by ;), country (ISO code or English name), source (customerList, loyalty, crm, inbound, \
        marketplace, referral), discount_code, link_slug, address1, address2, city, region, postal_code, phone, \
        payout_email. Empty cells leave existing values alone. followers are counted on platform (default: the \
        creator's biggest, else instagram). A file with other headers (an application form's questions) is read \
        with --map map.json: {"What is your Instagram handle?": "handle", "Zip/Post code": "postal_code", …}.
        """)

    @Argument(help: ArgumentHelp("The creators CSV file.", valueName: "file")) var file: String
    @Option(help: "The type of the store discounts behind discount_code: percent or fixed.") var codeType: DiscountCode.Kind = .percent
    @Option(help: ArgumentHelp("Their value: a percentage (15) or an amount (10.00).", valueName: "value")) var codeValue = "10"
    @Option(help: ArgumentHelp("A JSON object from this file's headers to the columns above.", valueName: "map.json")) var map: String?
    @Flag(help: "Apply the valid rows and list the invalid ones, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let columnMap = try map.map { path in
                let (bytes, name) = try FileImport.read(path)
                return try ColumnMap(bytes: bytes, fileName: name, fields: CreatorsImport.columns)
            }
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                guard let value = codeType.value(from: codeValue, currency: store.workspace.program.currency) else {
                    throw CLIFailure(message: "--code-value '\(codeValue)' is not \(codeType == .percent ? "a percentage like 15" : "an amount like 10.00")")
                }
                let parsed = try CreatorsImport(bytes: bytes, fileName: name, workspace: store.workspace,
                                                codeTerms: DiscountTerms(kind: codeType, value: value), map: columnMap)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard let command = parsed.command else { throw CLIFailure(message: "\(name) has no creators to import") }
                let applied = try FileImport.perform(command, rows: parsed.creators.count, on: store)
                try Output.print(applied.summary + skipped)
            }
        }
    }
}

extension DiscountCode.Kind: ExpressibleByArgument {}
