/// One row of an import file that cannot be applied, and exactly where, so a person can open
/// the file at that line and column and fix it.
public struct ImportRowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var fileName: String
    public var line: Int
    /// 1-based field position; 0 when the problem is the row as a whole.
    public var column: Int
    public var message: String
    /// The column's header, when the reader knows it: "column 7 (Zip Code)" is found at a glance.
    public var field: String?

    public init(fileName: String, line: Int, column: Int, message: String, field: String? = nil) {
        self.fileName = fileName
        self.line = line
        self.column = column
        self.message = message
        self.field = field
    }

    public var description: String {
        var place = column > 0 ? "\(fileName), line \(line), column \(column)" : "\(fileName), line \(line)"
        if let field { place += " (\(field))" }
        return "\(place): \(message)"
    }

    /// At most `limit` errors as lines, then how many more there are: a file with 100 000 bad
    /// rows is one mistake repeated, and a screenful says so better than 100 000 lines.
    public static func summary(_ errors: [ImportRowError], limit: Int = 20) -> [String] {
        let shown = errors.prefix(limit).map(\.description)
        return errors.count > limit ? shown + ["… and \(errors.count - limit) more rows like these"] : shown
    }
}

/// A file that is not what the importer expects (a customers export given as orders), named
/// as such with every column it lacks.
public struct ImportFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public var fileName: String
    /// What the file should have been: "a Shopify orders export".
    public var expected: String
    public var missingColumns: [String]
    /// What to say instead of the missing columns, when no one layout is the one meant.
    public var detail: String?

    public var description: String {
        if let detail { return "\(fileName) is not \(expected): \(detail)" }
        let plural = missingColumns.count == 1 ? "column" : "columns"
        return "\(fileName) is not \(expected): missing \(plural) " + missingColumns.map { "'\(($0).excerpt)'" }.joined(separator: ", ")
    }

    /// Throws when `table` lacks any of `required`.
    static func require(_ required: [String], in table: CSVTable, expected: String) throws {
        let missing = table.header.missing(required)
        if !missing.isEmpty { throw ImportFormatError(fileName: table.fileName, expected: expected, missingColumns: missing) }
    }
}
