import Foundation

/// Which of a file's columns holds which field, for a file whose headers are not the ones the
/// importer knows: an application form from Typeform, Google Forms or Jotform, whose headers
/// are the questions asked ("What is your Instagram handle?").
///
/// Written by hand as a JSON object from the file's header to the field it holds:
/// `{"What is your Instagram handle?": "handle", "Zip/Post code": "postal_code"}`. Columns the
/// map does not name keep their own header, so a file can mix mapped and known columns.
public struct ColumnMap: Sendable, Hashable {
    /// Field → the header that holds it.
    public let headers: [String: String]
    public let fileName: String

    /// Reads the map file, checking each target is one of `fields`.
    public init(bytes: [UInt8], fileName: String, fields: [String]) throws {
        self.fileName = fileName
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw ColumnMapError(message: "\(fileName) is not JSON; write one object from header to field, like {\"What is your Instagram?\": \"handle\"}")
        }
        guard let pairs = object as? [String: Any] else {
            throw ColumnMapError(message: "\(fileName) must be one JSON object from header to field, like {\"What is your Instagram?\": \"handle\"}")
        }
        var headers: [String: String] = [:]
        for header in pairs.keys.sorted() {
            guard let field = pairs[header] as? String else {
                throw ColumnMapError(message: "\(fileName): '\(header)' must map to a field name in quotes")
            }
            let key = field.trimmingCharacters(in: .whitespaces).lowercased()
            guard fields.contains(key) else {
                throw ColumnMapError(message: "\(fileName): '\(field)' (for '\(header)') is not a field; use one of \(fields.joined(separator: ", "))")
            }
            if let other = headers[key] {
                throw ColumnMapError(message: "\(fileName): '\(other)' and '\(header)' both map to \(key)")
            }
            headers[key] = header
        }
        self.headers = headers
    }

    /// Throws naming the first mapped header `table` does not have, with the ones it does.
    func requireHeaders(in table: CSVTable) throws {
        for header in headers.values.sorted() where table.header.index(of: header) == nil {
            let columns = table.header.names.map { "'\($0)'" }.joined(separator: ", ")
            throw ColumnMapError(message: "\(fileName): '\(header)' is not a column of \(table.fileName) (columns: \(columns))")
        }
    }

    /// The header to read `field` from: the mapped one, else the field's own name.
    func header(for field: String) -> String { headers[field] ?? field }
}

/// A column map that cannot be used, said in words.
public struct ColumnMapError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
