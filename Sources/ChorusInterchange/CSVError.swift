/// Why a CSV file could not be read, and exactly where, so a person can open the file and fix it.
///
/// Store exports are edited by hand in spreadsheets before import; "line 4 812, column 7" is
/// the difference between a two-minute fix and giving up.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A quoted field is never closed; `line` is where its opening quote is.
        case unbalancedQuote
        /// Bytes that are not UTF-8 (often a file saved as Latin-1 or Windows-1252).
        case invalidUTF8
        /// Text after a closing quote, as in `"abc"def`.
        case textAfterClosingQuote
        /// The file has no header row.
        case noHeader
        /// Required columns are not in the header.
        case missingColumns([String])
        /// A field longer than its column's `FieldLimit`.
        case fieldTooLong(column: String, bytes: Int, limit: FieldLimit)
        /// The file could not be read on from this line (a disk error, or it was cut short meanwhile).
        case unreadable(String)
        /// The file was written to while it was read, so its rows may be half old, half new.
        case changedWhileRead
    }

    public var kind: Kind
    public var fileName: String
    /// 1-based line of the file.
    public var line: Int
    /// 1-based column, counted in fields as a spreadsheet shows them (0 when not about one field).
    public var column: Int

    public init(_ kind: Kind, fileName: String, line: Int, column: Int) {
        self.kind = kind
        self.fileName = fileName
        self.line = line
        self.column = column
    }

    public var description: String {
        let place = column > 0 ? "\(fileName), line \(line), column \(column)" : "\(fileName), line \(line)"
        switch kind {
        case .unbalancedQuote:
            return "\(place): a quoted field starts here and is never closed"
        case .invalidUTF8:
            return "\(place): the text is not UTF-8; save the file as UTF-8 and import it again"
        case .textAfterClosingQuote:
            return "\(place): text follows a closing quote; quotes inside a field must be doubled (\"\")"
        case .noHeader:
            return "\(fileName): the file is empty; expected a header row"
        case .missingColumns(let names):
            return "\(place): missing column\(names.count == 1 ? "" : "s") " + names.map { "'\($0.excerpt)'" }.joined(separator: ", ")
        case .fieldTooLong(let column, let bytes, let limit):
            return "\(place): the '\(column.excerpt)' field is \(bytes) bytes long, more than the \(limit.bytes) bytes allowed for "
                + "\(limit.label); shorten it and import again"
        case .unreadable(let reason):
            return "\(place): the file could not be read on from here (\(reason)); import it again"
        case .changedWhileRead:
            return "\(fileName): the file changed while it was read, so nothing was imported; import it again once "
                + "whatever is writing it has finished"
        }
    }
}
