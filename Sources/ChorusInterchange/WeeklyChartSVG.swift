import ChorusCore

/// The console's program charts as one SVG picture for a slide: revenue and spend per week,
/// orders per week, and cumulative spend against the budget with the committed cost on top.
/// Plain SVG 1.1 with no script, fonts or external references, so it opens in any browser or
/// presentation tool; every text is escaped, since creator and wave names are anyone's input.
public struct WeeklyChartSVG {
    public let title: String
    public let series: WeeklySeries
    public let budget: WaveBudget?
    public let currency: Currency

    public init(title: String, series: WeeklySeries, budget: WaveBudget?, currency: Currency) {
        self.title = title
        self.series = series
        self.budget = budget
        self.currency = currency
    }

    static let width = 960, panelHeight = 260, margin = (left: 90, right: 30, top: 40, bottom: 40)
    /// Colour-blind-safe (Okabe–Ito) colours for the lines; the legend names each.
    static let colours = (direct: "#0072B2", assisted: "#56B4E9", spend: "#D55E00", orders: "#009E73", budget: "#444444", committed: "#E69F00")

    public var document: String {
        let height = 60 + 3 * Self.panelHeight
        var svg = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.width)\" height=\"\(height)\" viewBox=\"0 0 \(Self.width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">",
                   "<title>\(Self.escaped(title))</title>",
                   "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
                   "<text x=\"20\" y=\"32\" font-size=\"20\">\(Self.escaped(title))</text>"]
        let money = { (minorUnits: Int64) in Money(minorUnits: minorUnits, currency: self.currency).description }
        svg += panel(id: "revenue", heading: "Revenue and spend per week", top: 60, format: money, lines: [
            ("direct net revenue", series.directRevenue, Self.colours.direct, false),
            ("assisted net revenue", series.assistedRevenue, Self.colours.assisted, false),
            ("spend", series.spend, Self.colours.spend, false),
        ])
        svg += panel(id: "orders", heading: "Orders per week", top: 60 + Self.panelHeight, format: { String($0) }, lines: [
            ("orders", series.orders, Self.colours.orders, false),
        ])
        var cumulative: [(String, [Int64], String, Bool)] = [("cumulative spend", series.cumulativeSpend, Self.colours.spend, false)]
        if let budget {
            cumulative.append(("budget \(money(budget.budget))", Array(repeating: budget.budget, count: series.weeks.count), Self.colours.budget, true))
            if budget.committed > 0, let last = series.cumulativeSpend.last {
                // Committed cost is not spent in any week yet: it is drawn on top of the latest week.
                cumulative.append(("with \(money(budget.committed)) committed", series.cumulativeSpend.enumerated().map {
                    $0.offset == series.weeks.count - 1 ? last + budget.committed : $0.element }, Self.colours.committed, true))
            }
        }
        svg += panel(id: "budget", heading: "Cumulative spend against budget", top: 60 + 2 * Self.panelHeight, format: money, lines: cumulative)
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// One chart: axes, the week labels, one polyline per series and a legend.
    private func panel(id: String, heading: String, top: Int, format: (Int64) -> String,
                       lines: [(name: String, values: [Int64], colour: String, dashed: Bool)]) -> [String] {
        let left = Self.margin.left, right = Self.width - Self.margin.right
        let plotTop = top + Self.margin.top, plotBottom = top + Self.panelHeight - Self.margin.bottom
        let all = lines.flatMap(\.values) + [0]
        let low = all.min() ?? 0, high = max(all.max() ?? 0, low + 1)
        let count = series.weeks.count
        func x(_ index: Int) -> Int { count > 1 ? left + index * (right - left) / (count - 1) : left }
        func y(_ value: Int64) -> Int { plotBottom - Int((value - low) * Int64(plotBottom - plotTop) / (high - low)) }
        var out = ["<g class=\"chart\" id=\"\(id)\">",
                   "<text class=\"heading\" x=\"\(left)\" y=\"\(top + 24)\" font-size=\"15\">\(Self.escaped(heading))</text>",
                   "<line class=\"axis\" x1=\"\(left)\" y1=\"\(plotTop)\" x2=\"\(left)\" y2=\"\(plotBottom)\" stroke=\"#888\"/>",
                   "<line class=\"axis\" x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(right)\" y2=\"\(y(0))\" stroke=\"#888\"/>",
                   "<text class=\"value-label\" x=\"\(left - 6)\" y=\"\(plotTop + 4)\" text-anchor=\"end\">\(Self.escaped(format(high)))</text>",
                   "<text class=\"value-label\" x=\"\(left - 6)\" y=\"\(plotBottom + 4)\" text-anchor=\"end\">\(Self.escaped(format(low)))</text>"]
        if let first = series.weeks.first, let last = series.weeks.last {
            out.append("<text class=\"week-label\" x=\"\(left)\" y=\"\(plotBottom + 18)\">\(first)</text>")
            if count > 1 { out.append("<text class=\"week-label\" x=\"\(right)\" y=\"\(plotBottom + 18)\" text-anchor=\"end\">\(last)</text>") }
        }
        var legendX = left + 300
        for line in lines {
            let points = line.values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " ")
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            out.append("<polyline class=\"series\" data-series=\"\(Self.escaped(line.name))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"\(dash) points=\"\(points)\"/>")
            out.append("<rect class=\"legend-key\" x=\"\(legendX)\" y=\"\(top + 14)\" width=\"12\" height=\"12\" fill=\"\(line.colour)\"/>")
            out.append("<text class=\"legend\" x=\"\(legendX + 16)\" y=\"\(top + 24)\">\(Self.escaped(line.name))</text>")
            legendX += 28 + 7 * line.name.count
        }
        out.append("</g>")
        return out
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            // XML 1.0 allows no control characters but tab, newline and return.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
