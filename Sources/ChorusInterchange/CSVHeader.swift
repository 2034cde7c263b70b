/// The column names of a CSV file, looked up the way people write them.
///
/// Store exports change the case and spacing of their headers between versions ("Lineitem
/// SKU" vs "Lineitem sku"), so columns are found by name, ignoring case and surrounding
/// spaces, never by position.
public struct CSVHeader: Sendable, Hashable {
    public let names: [String]
    private let positions: [String: Int]

    public init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[Self.key(name)] == nil {
            positions[Self.key(name)] = index
        }
        self.positions = positions
    }

    public init(_ record: CSVRecord) {
        self.init(names: record.fields)
    }

    /// The header of the column at `index` (0-based), for naming the field in a row's error.
    public func name(at index: Int) -> String? { names.indices.contains(index) ? names[index] : nil }

    /// Position of the column called `name`; the first one when a name repeats.
    public func index(of name: String) -> Int? { positions[Self.key(name)] }

    /// The names in `required` that this header lacks, in the order given.
    public func missing(_ required: [String]) -> [String] {
        required.filter { index(of: $0) == nil }
    }

    private static func key(_ name: String) -> String {
        var text = Substring(name)
        while let first = text.first, first == " " { text = text.dropFirst() }
        while let last = text.last, last == " " { text = text.dropLast() }
        return text.lowercased()
    }
}

/// A CSV file read as a header and then data records, one at a time.
///
/// Records are streamed rather than collected because an order export can hold millions of
/// rows; `readNext(into:)` reuses one record's storage for the whole file.
public struct CSVTable: Sendable {
    public let header: CSVHeader
    /// The line the header is on (1 unless the file starts with blank lines).
    public let headerLine: Int
    private(set) var reader: CSVReader

    /// Reads the header row; throws `CSVError` when the file is empty or unreadable.
    public init(bytes: [UInt8], fileName: String) throws {
        try self.init(CSVReader(bytes: bytes, fileName: fileName))
    }

    /// Reads the header row of a file read in windows; throws `CSVError` when the file is
    /// empty or unreadable.
    public init(file: CSVFile, fileName: String) throws {
        try self.init(CSVReader(file: file, fileName: fileName))
    }

    private init(_ reader: CSVReader) throws {
        var reader = reader
        let fileName = reader.fileName
        guard let first = try reader.next() else { throw CSVError(.noHeader, fileName: fileName, line: 1, column: 0) }
        self.header = CSVHeader(first)
        reader.fieldLimits = header.names.map { ($0, FieldLimit.forColumn(named: $0)) }
        self.headerLine = first.line
        self.reader = reader
    }

    public var fileName: String { reader.fileName }

    /// Throws `CSVError.Kind.missingColumns` naming every required column the header lacks.
    public func requireColumns(_ names: [String]) throws {
        let missing = header.missing(names)
        if !missing.isEmpty { throw CSVError(.missingColumns(missing), fileName: fileName, line: headerLine, column: 0) }
    }

    /// The next data record, or nil at the end of the file.
    public mutating func next() throws -> CSVRecord? { try reader.next() }

    /// Reads the next data record into `record`, reusing its storage; false at the end of the file.
    public mutating func readNext(into record: inout CSVRecord) throws -> Bool { try reader.readNext(into: &record) }
}
