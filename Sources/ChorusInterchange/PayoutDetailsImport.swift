import ChorusCore

/// Reads finance's payout details file (`chorus import payout-details FILE`): per creator, by
/// handle, the payout method, the tax form kind and the day it arrived, and the tax country.
///
/// Status only: a file with a tax id column (TIN, SSN, EIN, ITIN, tax_id) is refused whole, as
/// Chorus never stores tax ids. An empty cell leaves what is on file, like the creators import.
public struct PayoutDetailsImport: Sendable {
    public static let columns = ["handle", "payout_email", "method", "tax_form", "tax_form_received", "tax_country"]
    static let taxIDColumns = ["tin", "ssn", "ein", "itin", "tax_id", "tax id", "taxid", "tax_number", "vat_id"]

    public private(set) var details: [PayoutDetails] = []
    public private(set) var errors: [ImportRowError] = []

    public init(bytes: [UInt8], fileName: String, workspace: Workspace) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        if let taxID = Self.taxIDColumns.first(where: { table.header.index(of: $0) != nil }) {
            let column = table.header.index(of: taxID)! + 1
            throw ImportRowError(fileName: fileName, line: table.headerLine, column: column,
                                 message: "the file has a tax id column ('\(taxID)'); Chorus keeps the form's status only, "
                                        + "never a tax id: remove that column and import again")
        }
        try ImportFormatError.require(["handle"], in: table, expected: "a payout details file")
        var column: [String: Int] = [:]
        for name in Self.columns { column[name] = table.header.index(of: name) }
        var seen: [CreatorID: Int] = [:]
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let line = record.line
            let cell = { (name: String) -> String? in
                guard let index = column[name] else { return nil }
                let value = record[index].trimmingWhitespace
                return value.isEmpty ? nil : value
            }
            let fail = { (name: String, message: String) in
                ImportRowError(fileName: fileName, line: line, column: (column[name] ?? -1) + 1, message: message)
            }
            do {
                guard let handle = cell("handle") else { throw fail("handle", "the row has no handle") }
                guard let creator = workspace.creator(handle: handle) else {
                    throw fail("handle", "no creator @\(Creator.normalizedHandle(handle).excerpt); `chorus list creators` shows the handles")
                }
                if let earlier = seen[creator.id] { throw fail("handle", "@\(creator.handle) is already on line \(earlier)") }
                seen[creator.id] = line
                var profile = creator.payoutProfile ?? PayoutProfile()
                if let text = cell("method") {
                    guard let method = PayoutProfile.Method(named: text) else {
                        throw fail("method", "'\(text.excerpt)' is not a payout method; write paypal, venmo, wise or bank")
                    }
                    profile.method = method
                }
                if let text = cell("tax_form") {
                    guard let form = PayoutProfile.TaxForm(named: text) else {
                        throw fail("tax_form", "'\(text.excerpt)' is not a tax form; write W-9, W-8BEN or none")
                    }
                    profile.taxForm = form
                }
                if let text = cell("tax_form_received") {
                    guard let day = Day(text) else { throw fail("tax_form_received", "'\(text.excerpt)' is not a date; write YYYY-MM-DD") }
                    profile.taxFormReceived = day
                }
                if let text = cell("tax_country") {
                    guard text.count == 2, CountryCodes.isKnown(text) else {
                        throw fail("tax_country", "'\(text.excerpt)' is not a two-letter country code; write US, DE, GB…")
                    }
                    profile.taxCountry = text.uppercased()
                }
                let email = cell("payout_email")
                if let email, !ContactDetails.isEmail(email) {
                    throw fail("payout_email", "'\(email.excerpt)' is not an email address")
                }
                details.append(PayoutDetails(creatorID: creator.id, profile: profile, payoutEmail: email))
            } catch let error as ImportRowError {
                errors.append(error)
            }
        }
    }
}
