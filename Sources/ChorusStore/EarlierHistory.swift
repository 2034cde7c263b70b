/// A log that keeps, beside its entries, the records of what was done before it began: a
/// workspace moved from a folder onto a server brings its history along, though only the
/// newest state (not every command since the first) travels as something to replay.
public protocol KeepsEarlierHistory {
    /// The records from before the log's first entry, oldest first.
    func earlierHistory() throws -> [HistoryRecord]
}
