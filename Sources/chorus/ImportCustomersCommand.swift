import ArgumentParser
import ChorusCore
import ChorusInterchange
import ChorusStore

/// `chorus import customers FILE.csv`: recruits creators from the brand's own customers —
/// Shopify's customers export (either layout) or a CRM or loyalty list — merging each person
/// with the creators already known, as one undoable change, and listing every conflict.
struct ImportCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "Import creators from a Shopify customers export or a CRM/loyalty list.",
        discussion: """
        The layout is detected from the header: Shopify's older export (Accepts Marketing, Address1, …), its newer \
        one (Customer ID, Accepts Email Marketing, Default Address …), Klaviyo's profile export (Email, First Name, \
        Last Name, Phone Number, Email Marketing Consent as SUBSCRIBED/UNSUBSCRIBED/NEVER_SUBSCRIBED, City, Country, \
        Zip Code), or a generic list with the columns \(CustomerListLayout.crmColumns.joined(separator: ", ")) \
        (email required). Other headers (a Google Forms or Jotform export) are read with --map map.json: \
        {"Your email": "email", "Instagram username": "instagram", …}. Handles come from the handle, \
        instagram, tiktok and youtube columns, from tags (ig:@name, tt:@name, yt:@name) and from notes; a customer \
        with an email but no handle is kept as a lead, never counted as a creator, to invite to apply. \
        People already known (same email, or same handle on the same platform) are merged: the newest import wins \
        for contact fields, order totals are never added up, and each replaced value is listed.
        """)

    @Argument(help: ArgumentHelp("The customers CSV file.", valueName: "file")) var file: String
    @Option(help: "What kind of list a generic file is: loyalty, crm, referral, … (Shopify exports are customerList).")
    var source: CreatorSource?
    @Option(help: ArgumentHelp("A JSON object from this file's headers to the generic list's columns.", valueName: "map.json"))
    var map: String?
    @Flag(help: "Apply the valid rows and list the invalid ones, instead of applying nothing.") var skipInvalid = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let columnMap = try map.map { path in
                let (bytes, name) = try FileImport.read(path)
                return try ColumnMap(bytes: bytes, fileName: name, fields: CustomerListLayout.crmColumns)
            }
            try FileImport.into(workspace.url, from: file) { bytes, name, store in
                let parsed = try CustomersImport(bytes: bytes, fileName: name, workspace: store.workspace, source: source, map: columnMap)
                let skipped = try FileImport.check(parsed.errors, skipInvalid: skipInvalid)
                guard let command = parsed.command else { throw CLIFailure(message: "\(name) has no customers with a social handle or an email to import") }
                let applied = try FileImport.perform(command, rows: parsed.creators.count, on: store)
                try Output.print(applied.summary + skipped)
                for line in parsed.report() { try Output.print(line) }
            }
        }
    }
}

extension CreatorSource: ExpressibleByArgument {
    public init?(argument: String) {
        guard let source = CreatorSource.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() || $0.label.lowercased() == argument.lowercased() })
        else { return nil }
        self = source
    }
}
