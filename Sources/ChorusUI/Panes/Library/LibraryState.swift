import ChorusCore

/// The Library pane's own state: cursor and marks over the assets shown, and the filters a
/// paid or site team narrows the library with. Marks are asset ids, so they survive
/// re-sorting and filtering.
public struct LibraryState: Hashable, Sendable, ListPaneState {
    /// Its filter: words that must all match (a `#tag`, an `@handle`, a platform, a wave, caption text).
    public var list = ListState<AssetID>()
    public var rights: RightsFilter = .all
    /// `u`: only assets usable today for this use in this country.
    public var usable: UsableFor?
    /// `w`: one wave's assets, or every wave's.
    public var wave: WaveID?
    public var sort: LibrarySort = .views
    /// `I`: the sort turned round.
    public var sortReversed = false

    public init() {}
}

/// Which rights status the Library shows (`f` cycles); expiring first, because that is the
/// one that needs a person before a licence lapses.
public enum RightsFilter: Hashable, Sendable, CaseIterable {
    case all, expiring, expired, active, none

    public var label: String {
        switch self {
        case .all: "all"
        case .none: "no rights"
        default: String(describing: self)
        }
    }

    func admits(_ status: RightsStatus) -> Bool {
        switch self {
        case .all: true
        case .expiring: status == .expiring
        case .expired: status == .expired
        case .active: status == .active
        case .none: status == .none
        }
    }

    var next: RightsFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The Library's orders, best first: performance, then recency, then the licence's end (soonest first).
public enum LibrarySort: String, Hashable, Sendable, CaseIterable {
    case views, engagement, clicks, posted, rightsEnd = "rights end"

    var next: LibrarySort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
