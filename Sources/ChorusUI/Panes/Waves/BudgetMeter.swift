import ChorusCore

/// A wave's budget as one bar: settled spend (`█`), committed spend (`▒`: parcels queued or
/// packed, fees and credit due, commission in its hold) and what is left (`░`), with the figures
/// in words after it. The glyphs, not only the colours, tell the parts apart, so the meter
/// reads the same under `NO_COLOR`; over budget, the whole bar is a warning.
struct BudgetMeter {
    let budget: WaveBudget
    let currency: Currency

    func draw(_ grid: inout Grid, _ rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let words = summary
        // The words need about 64 columns; the bar takes what is left, up to 40.
        let barWidth = rect.width >= 60 ? max(8, min(40, rect.width - 66)) : rect.width
        let over = budget.remaining < 0
        let (spent, committed) = cells(width: barWidth)
        grid.put(String(repeating: "█", count: spent), x: rect.x, y: rect.y, role: over ? .danger : .info)
        grid.put(String(repeating: "▒", count: committed), x: rect.x + spent, y: rect.y, role: over ? .danger : .warning)
        grid.put(String(repeating: "░", count: barWidth - spent - committed), x: rect.x + spent + committed, y: rect.y, role: .mutedText)
        if rect.width >= 60 {
            grid.put(" " + words, x: rect.x + barWidth, y: rect.y, width: rect.width - barWidth, role: over ? .danger : .text)
        } else if rect.height > 1 {
            grid.put(words, x: rect.x, y: rect.y + 1, width: rect.width, role: over ? .danger : .text)
        }
    }

    /// `spent 351.95 + committed 303.00 of 5000.00 EUR, 4345.05 left`.
    var summary: String {
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: currency) }
        let left = budget.remaining >= 0 ? "\(money(budget.remaining).decimalString) left" : "\(money(-budget.remaining).decimalString) over"
        let partial = budget.includesCommission ? "" : " (commission still computing)"
        return "spent \(money(budget.spent).decimalString) + committed \(money(budget.committed).decimalString) of \(money(budget.budget)), \(left)\(partial)"
    }

    /// Cells for the settled and committed parts; a part above zero gets at least one cell.
    func cells(width: Int) -> (spent: Int, committed: Int) {
        let scale = max(budget.budget, budget.total, 1)
        func share(_ amount: Int64) -> Int {
            guard amount > 0 else { return 0 }
            return max(1, Int(amount * Int64(width) / scale))
        }
        let spent = min(width, share(budget.spent))
        return (spent, min(width - spent, share(budget.committed)))
    }
}
