import ChorusCore

/// Reads a rates file (`date, currency, rate`: 1 of `currency` is `rate` of the program's on
/// that day, as a bank or the ECB publishes them) into rates for `.importRates`. Rates are
/// kept as written, digit for digit, so a conversion matches a hand computation.
public struct ExchangeRatesImport: Sendable {
    public static let columns = ["date", "currency", "rate"]
    public private(set) var rates: [ExchangeRate] = []
    public private(set) var errors: [ImportRowError] = []

    public init(bytes: [UInt8], fileName: String, programCurrency: Currency) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        try ImportFormatError.require(Self.columns, in: table, expected: "a rates file")
        let dateColumn = table.header.index(of: "date")!, currencyColumn = table.header.index(of: "currency")!
        let rateColumn = table.header.index(of: "rate")!
        var lines: [String: Int] = [:]
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let fail = { (column: Int, message: String) in
                ImportRowError(fileName: fileName, line: record.line, column: column + 1, message: message, field: table.header.name(at: column))
            }
            var rowErrors: [ImportRowError] = []
            let dateText = record[dateColumn].trimmingWhitespace
            let day = Day(dateText)
            if day == nil { rowErrors.append(fail(dateColumn, "'\(dateText)' is not a date; write YYYY-MM-DD")) }
            let code = record[currencyColumn].trimmingWhitespace.uppercased()
            var currency: Currency?
            if code.utf8.count != 3 || !code.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) {
                rowErrors.append(fail(currencyColumn, "'\(code)' is not a currency code like USD"))
            } else if code == programCurrency.code {
                rowErrors.append(fail(currencyColumn, "\(code) is the program's own currency; it needs no rate"))
            } else {
                currency = Currency(code)
            }
            let rateText = record[rateColumn].trimmingWhitespace
            let rate = DecimalRate(rateText)
            if rate == nil {
                rowErrors.append(fail(rateColumn, "'\(rateText)' is not a rate; write how much 1 \(code.isEmpty ? "unit" : code) is in \(programCurrency), like 0.9234"))
            }
            if let day, let currency {
                if let earlier = lines["\(currency) \(day)"] {
                    rowErrors.append(fail(dateColumn, "the \(currency) rate of \(day) is already on line \(earlier)"))
                } else {
                    lines["\(currency) \(day)"] = record.line
                }
            }
            guard rowErrors.isEmpty, let day, let currency, let rate else { errors += rowErrors; continue }
            rates.append(ExchangeRate(day: day, currency: currency, rate: rate))
        }
    }
}
