import ChorusCore

/// Which snapshot file holds each of the workspace's collections exactly, by the version of
/// the table it was read or written with (`EntityTable.rowsVersion`): a compaction links those
/// files into its generation instead of encoding and writing rows that have not changed (a
/// million creators after an order import; ten million orders after a creator was edited).
///
/// A file's bytes also depend on the program's currency (amounts in it are bare numbers), so
/// a note holds only while the currency is the one the file was written in.
struct SavedRows {
    private var files: [String: Saved] = [:]

    private struct Saved {
        var version: RowsVersion
        var path: String
        var currency: Currency
    }

    /// Notes that the file at `path` holds `collection` as `version` has it, amounts in `currency`.
    mutating func note(_ collection: String, _ version: RowsVersion, in path: String, currency: Currency) {
        files[collection] = Saved(version: version, path: path, currency: currency)
    }

    /// Notes the files of a generation read or written for `workspace`, of the collections in
    /// `collections` (all of them, unless some were not read).
    mutating func note(_ workspace: Workspace, in folder: String, _ manifest: Manifest, only collections: Set<String>? = nil) {
        let versions = Snapshot.rowsVersions(of: workspace)
        for collection in manifest.collections where collections?.contains(collection.name) ?? true {
            guard let version = versions[collection.name] else { continue }
            note(collection.name, version, in: folder + "/" + collection.file, currency: workspace.program.currency)
        }
    }

    /// Notes the orders and survey answers `loader` read, as `history` holds them.
    mutating func note(_ history: OrderHistory, readBy loader: OrderHistoryLoader) {
        note(OrderRowCodec.collection, history.orders.rowsVersion, in: loader.orders.path, currency: loader.currency)
        note(SurveyResponseRowCodec.collection, history.surveyResponses.rowsVersion, in: loader.surveyResponses.path, currency: loader.currency)
    }

    /// After a compaction of `written` made `manifest` current: its files hold the collections
    /// as they were written, which `current` holds still or with rows added since (commands
    /// performed while it was written); the notes of the files before are dropped with them.
    mutating func noteCompaction(of written: Workspace, as manifest: Manifest, in folder: String) {
        let versions = Snapshot.rowsVersions(of: written)
        files = [:]
        for collection in manifest.collections {
            guard let version = versions[collection.name] else { continue }
            note(collection.name, version, in: folder + "/" + collection.file, currency: written.program.currency)
        }
    }

    /// The files that hold `workspace`'s collections as they are, or their first rows when rows
    /// were only added since, by collection name.
    func reusable(in workspace: Workspace) -> [String: ReusedFile] {
        var reusable: [String: ReusedFile] = [:]
        for (collection, version) in Snapshot.rowsVersions(of: workspace) {
            guard let saved = files[collection], saved.currency == workspace.program.currency else { continue }
            if saved.version === version {
                reusable[collection] = ReusedFile(path: saved.path, heldRows: nil)
            } else if let held = version.rowsHeld(by: saved.version), held > 0 {
                reusable[collection] = ReusedFile(path: saved.path, heldRows: held)
            }
        }
        return reusable
    }
}

/// A snapshot file a compaction builds on: one that holds a collection as it is, linked into
/// the new generation, or (`heldRows`) one that holds its first rows, the others having been
/// added since, which the new file copies before the added rows.
package struct ReusedFile: Sendable, Equatable {
    var path: String
    /// The collection's first rows the file holds; nil when it holds them all.
    var heldRows: Int?
}
