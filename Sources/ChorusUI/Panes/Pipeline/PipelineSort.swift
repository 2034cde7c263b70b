/// The Pipeline table's sort orders, cycled with `s`. Each sorts by a column precomputed for
/// every creator, so re-sorting 100 000 rows compares integers, not structs.
public enum PipelineSort: String, CaseIterable, Hashable, Sendable {
    /// By stage along the pipeline, best fit first within a stage: the daily working order.
    case stage
    case score
    case followers
    case engagement
    case handle

    var next: PipelineSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
