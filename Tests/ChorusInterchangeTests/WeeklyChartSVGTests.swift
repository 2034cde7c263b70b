import ChorusCore
import ChorusInterchange
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The SVG picture parsed back with Foundation's XMLParser: names with markup in them stay text.
final class WeeklyChartSVGTests: XCTestCase {
    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var texts: [String] = []
        var seriesNames: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(name)
            if let series = attributes["data-series"] { seriesNames.append(series) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    func testAHostileTitleAndOneWeekStillMakeAValidPicture() {
        var series = WeeklySeries(from: Day("2026-05-04")!, to: Day("2026-05-06")!)
        series.spend[0] = 1_250
        series.directRevenue[0] = 9_900
        let title = "Glow & <Co> \"Spring\"\u{1B}[31m"
        let svg = WeeklyChartSVG(title: title, series: series, budget: nil, currency: .eur).document
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), String(describing: parser.parserError))
        XCTAssertEqual(collector.elements.first, "svg")
        XCTAssertEqual(collector.elements.filter { $0 == "g" }.count, 3)
        XCTAssertEqual(collector.seriesNames, ["direct net revenue", "assisted net revenue", "spend", "orders", "cumulative spend"])
        XCTAssertTrue(collector.texts.joined().contains("Glow & <Co> \"Spring\"\u{FFFD}[31m"), "markup is text, the escape is gone")
        XCTAssertTrue(collector.texts.contains("99.00 EUR"), "the axis shows the top amount")
    }
}
