import ChorusCore

/// Reads a file of post metrics (a platform export, a social listening tool, a spreadsheet
/// someone keeps) into readings for `.importMetrics`.
///
/// Rows find their asset by `asset_id`, or else by `post_url` as the creator posted it
/// (ignoring case, a trailing slash and any `?utm…` tail the sharing menu adds). Every row is
/// checked before anything is applied, and each problem names file, line and column and what
/// to write instead, because metrics arrive as long files and one typo must not cost the rest.
public struct MetricsImport: Sendable {
    public static let countColumns = ["views", "likes", "comments", "shares", "saves", "clicks"]

    public private(set) var readings: [MetricsReading] = []
    public private(set) var errors: [ImportRowError] = []

    /// Reads and checks the whole file against `workspace`'s assets.
    public init(bytes: [UInt8], fileName: String, workspace: Workspace) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        let idColumn = table.header.index(of: "asset_id"), urlColumn = table.header.index(of: "post_url")
        var missing = table.header.missing(["date"] + Self.countColumns)
        if idColumn == nil && urlColumn == nil { missing.insert("asset_id or post_url", at: 0) }
        if !missing.isEmpty { throw ImportFormatError(fileName: fileName, expected: "a post metrics file", missingColumns: missing) }
        let dateColumn = table.header.index(of: "date")!
        let countColumns = Self.countColumns.map { table.header.index(of: $0)! }

        var byURL: [String: AssetID] = [:]
        if urlColumn != nil {
            for asset in workspace.assets { if let url = asset.postURL { byURL[Self.urlKey(url)] = asset.id } }
        }
        var lines: [AssetID: Int] = [:]
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let fail = { (column: Int, message: String) in
                ImportRowError(fileName: fileName, line: record.line, column: column + 1, message: message, field: table.header.name(at: column))
            }
            var rowErrors: [ImportRowError] = []
            let asset = Self.asset(record, idColumn: idColumn, urlColumn: urlColumn, byURL: byURL, workspace: workspace, fail)
            if case .failure(let error) = asset { rowErrors.append(error) }
            let dateText = record[dateColumn].trimmingWhitespace
            let day = Day(dateText)
            if day == nil {
                rowErrors.append(fail(dateColumn, dateText.isEmpty ? "no date; write the day measured as YYYY-MM-DD"
                                                                   : "'\(dateText.excerpt)' is not a date; write YYYY-MM-DD"))
            }
            var counts: [Int] = []
            for (name, column) in zip(Self.countColumns, countColumns) {
                let text = record[column].trimmingWhitespace
                if let count = Int(text), count >= 0 {
                    counts.append(count)
                } else {
                    rowErrors.append(fail(column, text.isEmpty ? "no \(name); write 0 when there were none"
                                                               : "'\(text.excerpt)' is not a count of \(name); write a whole number like 1200"))
                }
            }
            if case .success(let id) = asset, let earlier = lines[id] {
                rowErrors.append(fail(idColumn ?? urlColumn!, "\(id) is already on line \(earlier); keep one row per asset"))
            }
            guard rowErrors.isEmpty, case .success(let id) = asset, let day else {
                errors += rowErrors
                continue
            }
            lines[id] = record.line
            readings.append(MetricsReading(asset: id, metrics: AssetMetrics(
                views: counts[0], likes: counts[1], comments: counts[2], shares: counts[3], saves: counts[4], clicks: counts[5],
                measuredOn: day)))
        }
    }

    private static func asset(_ record: CSVRecord, idColumn: Int?, urlColumn: Int?, byURL: [String: AssetID], workspace: Workspace,
                              _ fail: (Int, String) -> ImportRowError) -> Result<AssetID, ImportRowError> {
        if let idColumn, case let id = record[idColumn].trimmingWhitespace, !id.isEmpty {
            return workspace.asset(AssetID(id)) != nil ? .success(AssetID(id))
                : .failure(fail(idColumn, "no asset '\(id.excerpt)'; `chorus list assets` shows the ids"))
        }
        if let urlColumn, case let url = record[urlColumn].trimmingWhitespace, !url.isEmpty {
            return byURL[urlKey(url)].map { .success($0) }
                ?? .failure(fail(urlColumn, "no asset was posted at \(url); check the link or give the asset_id"))
        }
        return .failure(fail(idColumn ?? urlColumn!, "the row names no asset; give an asset_id or a post_url"))
    }

    /// The same post however the link was copied: no query, no trailing slash, any case.
    static func urlKey(_ url: String) -> String {
        var key = Substring(url.lowercased())
        if let query = key.firstIndex(where: { $0 == "?" || $0 == "#" }) { key = key[..<query] }
        while key.last == "/" { key = key.dropLast() }
        if key.hasPrefix("http://") { key = key.dropFirst(7) } else if key.hasPrefix("https://") { key = key.dropFirst(8) }
        if key.hasPrefix("www.") { key = key.dropFirst(4) }
        return String(key)
    }
}
