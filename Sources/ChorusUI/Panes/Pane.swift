/// The console's panes, in the order of their digit keys.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case pipeline = 1, seeding, approvals, library, leaderboard, ledger, waves

    public var title: String {
        switch self {
        case .pipeline: "Pipeline"
        case .seeding: "Seeding"
        case .approvals: "Approvals"
        case .library: "Library"
        case .leaderboard: "Leaderboard"
        case .ledger: "Ledger"
        case .waves: "Waves"
        }
    }

    /// What a pane over one wave says while the program has none: where a wave is started,
    /// and what else the pane can do meanwhile.
    static func noWavesYet(meanwhile: String? = nil) -> String {
        "No waves yet: \(Pane.waves.rawValue) then n starts one" + (meanwhile.map { "; " + $0 } ?? "") + "."
    }

    /// The pane after this one, wrapping; `by: -1` goes back (Tab and Shift-Tab).
    func cycled(by step: Int) -> Pane {
        let count = Pane.allCases.count
        return Pane(rawValue: ((rawValue - 1 + step) % count + count) % count + 1) ?? .pipeline
    }
}
