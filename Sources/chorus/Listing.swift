import ArgumentParser
import ChorusInterchange
import ChorusUI
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

/// Rows of one kind, printable as an aligned table, a spreadsheet-safe CSV or JSON.
struct Listing {
    let columns: [String]
    let cells: [[String]]
    let encodeJSON: () throws -> Data

    init<Row: ListRow>(rows: [Row]) {
        columns = Row.columns
        cells = rows.map(\.cells)
        encodeJSON = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(rows)
        }
    }

    func rendered(as format: OutputFormat) -> String {
        switch format {
        case .json: return (try? encodeJSON()).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        case .csv: return CSVWriter.document(header: columns, rows: cells).trimmingTrailingNewline
        case .table: return table()
        }
    }

    /// Columns padded to terminal width per grapheme, so CJK and emoji names stay aligned;
    /// control characters are shown as placeholders so a hostile name cannot drive the terminal.
    func table() -> String {
        let header = columns.map { $0.uppercased() }
        let safe = cells.map { $0.map { TextSanitizer.sanitize($0) } }
        var widths = header.map { TextWidth.columns(of: $0) }
        for row in safe {
            for (index, cell) in row.enumerated() { widths[index] = min(48, max(widths[index], TextWidth.columns(of: cell))) }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                let fitted = TextWidth.truncate(cell, toColumns: widths[index])
                return index == row.count - 1 ? fitted : TextWidth.pad(fitted, toColumns: widths[index])
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        let body = safe.map(line)
        let footer = "\(cells.count) row\(cells.count == 1 ? "" : "s")"
        return ([line(header)] + body + [footer]).joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
