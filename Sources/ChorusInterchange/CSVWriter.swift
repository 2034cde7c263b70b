import ChorusCore

/// Builds RFC 4180 CSV as UTF-8 bytes, one field at a time.
///
/// Exports are opened by people in Excel, Numbers or Google Sheets, and a spreadsheet runs a
/// cell that starts with `=`, `+`, `-` or `@` as a formula: a creator named
/// `=HYPERLINK("http://evil","click")` would become a live link in finance's ledger. So by
/// default every text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// written with a leading `'`, which spreadsheets show as text and do not evaluate. Plain
/// numbers such as `-12.50` are left alone: they cannot run as formulas, and a refund must
/// stay a number finance can sum.
///
/// Fields are appended in order and `endRow()` closes a row; fields are quoted only when they
/// hold a comma, a quote or a line break, with quotes doubled. Output is bytes, not `String`,
/// so a million-row export never builds one giant string.
public struct CSVWriter: Sendable {
    /// How rows end: `\n` for Unix tools and git, `\r\n` for strict RFC 4180 consumers.
    public enum LineEnding: Sendable, Hashable {
        case lf, crlf
    }

    public let lineEnding: LineEnding
    public let neutralizesFormulas: Bool
    /// The CSV written so far.
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0
    /// The last currency written and its minor digits: looking digits up is a string switch,
    /// and an export writes the same currency millions of times.
    private var lastCurrency: (currency: Currency, minorDigits: Int)?

    public init(lineEnding: LineEnding = .lf, neutralizesFormulas: Bool = true, reservingCapacity capacity: Int = 0) {
        self.lineEnding = lineEnding
        self.neutralizesFormulas = neutralizesFormulas
        bytes.reserveCapacity(capacity)
    }

    /// The CSV written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A whole document as text (header row, then rows), neutralized unless asked not to; for
    /// listings and small exports.
    public static func document(header: [String], rows: [[String]], lineEnding: LineEnding = .lf,
                                neutralizesFormulas: Bool = true) -> String {
        var writer = CSVWriter(lineEnding: lineEnding, neutralizesFormulas: neutralizesFormulas)
        writer.writeRow(header)
        for row in rows { writer.writeRow(row) }
        return writer.text
    }

    /// Writes one whole row of text fields.
    public mutating func writeRow(_ fields: [String]) {
        for field in fields { append(field) }
        endRow()
    }

    /// Appends a text field, quoting and neutralizing it as needed.
    public mutating func append(_ text: String) {
        startField()
        var text = text
        text.withUTF8 { appendText($0) }
    }

    /// Appends a text field, or an empty one for nil.
    public mutating func append(_ text: String?) {
        if let text { append(text) } else { appendEmpty() }
    }

    /// Appends `count` empty fields.
    public mutating func appendEmpty(_ count: Int = 1) {
        guard count > 0 else { return }
        let separators = fieldsInRow > 0 ? count : count - 1
        if separators > 0 { bytes.append(contentsOf: repeatElement(Byte.comma, count: separators)) }
        fieldsInRow += count
    }

    /// Closes the current row.
    public mutating func endRow() {
        if lineEnding == .crlf { bytes.append(Byte.carriageReturn) }
        bytes.append(Byte.newline)
        fieldsInRow = 0
    }

    /// The cell as this writer would store it before quoting: with a `'` in front when a
    /// spreadsheet would otherwise run it as a formula.
    public static func neutralized(_ cell: String) -> String {
        needsNeutralizing(Array(cell.utf8)[...]) ? "'" + cell : cell
    }

    // MARK: Internals shared with the typed appends

    mutating func minorDigits(of currency: Currency) -> Int {
        if let last = lastCurrency, last.currency == currency { return last.minorDigits }
        lastCurrency = (currency, currency.minorDigits)
        return currency.minorDigits
    }

    /// Writes the separator before a field when it is not the row's first.
    mutating func startField() {
        if fieldsInRow > 0 { bytes.append(Byte.comma) }
        fieldsInRow += 1
    }

    /// Appends bytes known to need neither quoting nor neutralizing (digits, dates).
    mutating func appendRaw(_ byte: UInt8) { bytes.append(byte) }

    mutating func appendRaw(_ raw: some Collection<UInt8>) { bytes.append(contentsOf: raw) }

    private mutating func appendText(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard !utf8.isEmpty else { return }
        let prefixQuote = neutralizesFormulas && Self.needsNeutralizing(utf8)
        var needsQuotes = false
        for byte in utf8 where byte == Byte.comma || byte == Byte.quote || byte == Byte.newline || byte == Byte.carriageReturn {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if prefixQuote { bytes.append(Byte.apostrophe) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(Byte.quote)
        if prefixQuote { bytes.append(Byte.apostrophe) }
        for byte in utf8 {
            if byte == Byte.quote { bytes.append(Byte.quote) }
            bytes.append(byte)
        }
        bytes.append(Byte.quote)
    }

    /// A cell starting with a formula trigger, unless it is a plain number like `-12.50`.
    static func needsNeutralizing<C: Collection<UInt8>>(_ utf8: C) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case Byte.equals, Byte.plus, Byte.at, Byte.tab, Byte.carriageReturn: return true
        case Byte.minus: return !isPlainNegativeNumber(utf8.dropFirst())
        default: return false
        }
    }

    /// Digits with at most one decimal point and at least one digit: `12`, `12.50`, `.5`.
    private static func isPlainNegativeNumber<C: Collection<UInt8>>(_ rest: C) -> Bool {
        var sawDigit = false
        var sawPoint = false
        for byte in rest {
            if byte >= Byte.zero && byte <= Byte.nine {
                sawDigit = true
            } else if byte == Byte.period && !sawPoint {
                sawPoint = true
            } else {
                return false
            }
        }
        return sawDigit
    }
}

/// The ASCII bytes CSV reading and writing care about.
enum Byte {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let tab = UInt8(ascii: "\t")
    static let apostrophe = UInt8(ascii: "'")
    static let equals = UInt8(ascii: "=")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let at = UInt8(ascii: "@")
    static let period = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let space = UInt8(ascii: " ")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
}
