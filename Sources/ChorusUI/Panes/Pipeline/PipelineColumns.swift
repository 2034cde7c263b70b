import ChorusCore

/// The Pipeline table's columns and their widths at a given width. Fixed columns keep their
/// width; handle and name share what is left, and the name goes first when room is short.
struct PipelineColumns {
    enum Column: CaseIterable {
        case handle, name, stage, tier, followers, engagement, source, score

        var title: String {
            switch self {
            case .handle: "Handle"
            case .name: "Name"
            case .stage: "Stage"
            case .tier: "Tier"
            case .followers: "Followers"
            case .engagement: "Eng"
            case .source: "Source"
            case .score: "Score"
            }
        }

        var fixedWidth: Int? {
            switch self {
            case .handle, .name: nil
            case .stage: 10
            case .tier: 5
            // Sortable columns have room for the sort mark after their title.
            case .followers: SortMark.width(9, title: title)
            case .engagement: 5
            case .source: 9
            case .score: SortMark.width(5, title: title)
            }
        }

        var isNumeric: Bool { self == .followers || self == .engagement || self == .score }
    }

    /// Columns for the mark: `● ` on marked rows.
    static let markWidth = 2

    private(set) var layout: [(column: Column, x: Int, width: Int)] = []

    init(x: Int, width: Int) {
        let fixed = Column.allCases.compactMap(\.fixedWidth).reduce(0, +)
        var columns = Column.allCases
        var gaps = columns.count - 1
        var flexible = width - Self.markWidth - fixed - gaps
        if flexible < 24 {
            columns.removeAll { $0 == .name }
            gaps -= 1
            flexible += 1
        }
        let handleWidth = columns.contains(.name) ? min(32, max(12, flexible * 2 / 5)) : max(6, flexible)
        let nameWidth = flexible - handleWidth
        var column = x + Self.markWidth
        for item in columns {
            let itemWidth = item.fixedWidth ?? (item == .handle ? handleWidth : nameWidth)
            layout.append((item, column, itemWidth))
            column += itemWidth + 1
        }
    }

    /// The text of one cell for a creator in a stage with a score.
    static func text(_ column: Column, creator: Creator, stage: PipelineStage, score: Double) -> String {
        if creator.isLead { return leadText(column, creator) }
        return switch column {
        case .handle: "@" + creator.handle
        case .name: creator.name
        case .stage: stage.label
        case .tier: creator.tier.rawValue
        case .followers: compactCount(creator.followers)
        case .engagement: Percentage.text(creator.engagementRate)
        case .source: creator.sources.first?.label ?? "—"
        case .score: String(Int(score.rounded()))
        }
    }

    /// A lead's row (recruit view): no handle, tier, audience or score to show yet.
    private static func leadText(_ column: Column, _ lead: Creator) -> String {
        switch column {
        case .handle: "lead · no handle"
        case .name: lead.name
        case .stage: "lead"
        case .source: lead.sources.first?.label ?? "—"
        case .tier, .followers, .engagement, .score: "—"
        }
    }

    /// `950`, `12.3K`, `1.2M`: follower counts as people say them.
    static func compactCount(_ count: Int) -> String {
        switch count {
        case ..<1_000: return String(count)
        case ..<1_000_000: return tenths(count, per: 1_000) + "K"
        default: return tenths(count, per: 1_000_000) + "M"
        }
    }

    private static func tenths(_ count: Int, per unit: Int) -> String {
        let tenths = (count * 10 + unit / 2) / unit
        return tenths % 10 == 0 || tenths >= 1_000 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
