import ChorusCore

/// The two ratios as the Ledger and Leaderboard write them, so both panes read alike: ROAS as
/// a multiple (`3.70×`), ROI on contribution margin as a percentage, a dash without cost.
enum LedgerFigures {
    static func roas(_ hundredths: Int64?) -> String { hundredths.map(Ledger.roasText) ?? "—" }
    static func roi(_ basisPoints: Int64?) -> String { basisPoints.map(BasisPoints.percent) ?? "—" }
}
