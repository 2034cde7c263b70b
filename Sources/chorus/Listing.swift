import ArgumentParser
import ChorusInterchange
import ChorusUI
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

/// Rows of one kind, printable as an aligned table, a spreadsheet-safe CSV or JSON.
///
/// Handles are data without the `@` in CSV and JSON, as in every export (a cell starting with
/// `@` is a formula to a spreadsheet); the table, which is for people, shows `@handle` like the
/// console.
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

    /// `raw`: CSV cells exactly as stored, without the formula guard, for scripts (`--raw`).
    func rendered(as format: OutputFormat, raw: Bool = false) -> String {
        switch format {
        case .json: return (try? encodeJSON()).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        case .csv: return CSVWriter.document(header: columns, rows: cells, neutralizesFormulas: !raw).trimmingTrailingNewline
        case .table: return table()
        }
    }

    /// Columns padded to terminal width per grapheme, so CJK and emoji names stay aligned;
    /// control characters are shown as placeholders so a hostile name cannot drive the terminal.
    func table() -> String {
        let header = columns.map { $0.uppercased() }
        let handleColumn = columns.firstIndex(of: "handle")
        let safe = cells.map { row in
            row.enumerated().map { index, cell in
                TextSanitizer.sanitize(index == handleColumn && !cell.isEmpty ? "@" + cell : cell)
            }
        }
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
