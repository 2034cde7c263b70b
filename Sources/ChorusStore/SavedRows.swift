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

    /// After a compaction of `written` made `manifest` current: the collections `current` still
    /// holds as they were written are in its files now; the others' notes are dropped with
    /// the files they named.
    mutating func noteCompaction(of written: Workspace, as manifest: Manifest, in folder: String, current: Workspace) {
        let before = Snapshot.rowsVersions(of: written), now = Snapshot.rowsVersions(of: current)
        files = [:]
        for collection in manifest.collections {
            guard let version = before[collection.name], version === now[collection.name] else { continue }
            note(collection.name, version, in: folder + "/" + collection.file, currency: written.program.currency)
        }
    }

    /// The files that hold `workspace`'s collections as they are, by collection name.
    func unchanged(in workspace: Workspace) -> [String: String] {
        var unchanged: [String: String] = [:]
        for (collection, version) in Snapshot.rowsVersions(of: workspace) {
            if let saved = files[collection], saved.version === version, saved.currency == workspace.program.currency {
                unchanged[collection] = saved.path
            }
        }
        return unchanged
    }
}
