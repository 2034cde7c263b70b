import Foundation
import XCTest

/// `chorus report cohorts` and `chorus report weekly` on the sample program, read back the way a
/// script or a slide tool would: JSON, Python's `csv` module and Python's `xml.etree` parser.
final class ProgramReportsCommandLineTests: XCTestCase {
    private var workspace: URL!
    private var scratch: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        scratch = try ChorusProcess.temporaryFolder("chorus-reports")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: scratch)
    }

    private func chorus(_ arguments: [String]) throws -> String {
        let result = try ChorusProcess.run(arguments + ["-w", workspace.path])
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    private func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try chorus(arguments).utf8))
    }

    /// Sums a decimal-string column in hundredths, exactly.
    private func hundredths(_ rows: [[String: Any]], _ key: String) -> Int {
        rows.reduce(0) { total, row in
            let text = row[key] as? String ?? "0"
            let parts = text.split(separator: ".")
            let sign = text.hasPrefix("-") ? -1 : 1
            return total + sign * (abs(Int(parts[0]) ?? 0) * 100 + (parts.count > 1 ? Int(parts[1]) ?? 0 : 0))
        }
    }

    func testTiersAndIncentivesEachAddUpToTheLedger() throws {
        let ledger = try XCTUnwrap(try json(["export", "ledger", "--format", "json"]) as? [String: Any])
        let total = try XCTUnwrap(ledger["total"] as? [String: Any])
        for dimension in ["tier", "incentive", "country"] {
            let rows = try XCTUnwrap(try json(["report", "cohorts", "--by", dimension, "--format", "json"]) as? [[String: Any]])
            XCTAssertGreaterThan(rows.count, 1, dimension)
            XCTAssertEqual(hundredths(rows, "cost"), hundredths([total], "total_cost"), dimension)
            XCTAssertEqual(hundredths(rows, "directNetRevenue"), hundredths([total], "direct_net_revenue"), dimension)
            XCTAssertEqual(hundredths(rows, "contributionMargin"), hundredths([total], "contribution_margin"), dimension)
            XCTAssertEqual(rows.reduce(0) { $0 + ($1["directOrders"] as? Int ?? 0) }, total["direct_orders"] as? Int, dimension)
        }
    }

    func testEveryGroupingAsACSVAndOneWaveAtATime() throws {
        for dimension in ["tier", "source", "incentive", "niche", "country"] {
            let file = scratch.appendingPathComponent("\(dimension).csv")
            try chorus(["report", "cohorts", "--by", dimension, "--format", "csv"]).write(to: file, atomically: true, encoding: .utf8)
            let script = "import csv, sys\nrows = list(csv.reader(open(sys.argv[1], newline='')))\nprint(rows[0][0], rows[0][-1], len(rows) - 1)"
            let read = try Spawn.run("/usr/bin/env", ["python3", "-c", script, file.path])
            let words = String(decoding: read.stdout, as: UTF8.self).split(separator: " ")
            XCTAssertEqual(words.prefix(2), ["group", "roi_on_margin_percent"], dimension)
            XCTAssertGreaterThan(Int(words.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0, 0, dimension)
        }
        let spring = try XCTUnwrap(try json(["report", "cohorts", "--by", "tier", "--wave", "W1", "--format", "json"]) as? [[String: Any]])
        let all = try XCTUnwrap(try json(["report", "cohorts", "--by", "tier", "--format", "json"]) as? [[String: Any]])
        XCTAssertLessThan(hundredths(spring, "cost"), hundredths(all, "cost"), "one wave is part of the program")
        let table = try chorus(["report", "cohorts", "--by", "tier"])
        XCTAssertTrue(table.hasPrefix("GROUP  CREATORS"), table)
        XCTAssertTrue(table.contains("\nnano "), table)

        let wrong = try ChorusProcess.run(["report", "cohorts", "--by", "colour", "-w", workspace.path])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("'tier', 'source', 'incentive', 'niche' or 'country'"), wrong.stderr)
        let noWave = try ChorusProcess.run(["report", "cohorts", "--by", "tier", "--wave", "W9", "-w", workspace.path])
        XCTAssertTrue(noWave.stderr.contains("no wave 'W9'"), noWave.stderr)
    }

    func testTheWeeklyPictureIsWellFormedSVGWithEveryChart() throws {
        let weeks = try XCTUnwrap(try json(["report", "weekly", "--wave", "W2", "--format", "json"]) as? [[String: Any]])
        XCTAssertGreaterThan(weeks.count, 3)
        let file = scratch.appendingPathComponent("weekly.svg")
        try chorus(["report", "weekly", "--wave", "W2", "--format", "svg"]).write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import json, sys, xml.etree.ElementTree as ET
        ns = {'s': 'http://www.w3.org/2000/svg'}
        root = ET.parse(sys.argv[1]).getroot()
        charts = {}
        for g in root.findall('s:g', ns):
            charts[g.get('id')] = [(p.get('data-series'), len(p.get('points').split()), p.get('stroke-dasharray'))
                                   for p in g.findall('s:polyline', ns)]
        print(json.dumps({'tag': root.tag, 'title': root.find('s:title', ns).text, 'charts': charts}))
        """
        let read = try Spawn.run("/usr/bin/env", ["python3", "-c", script, file.path])
        XCTAssertEqual(read.status, 0, String(decoding: read.stderr, as: UTF8.self))
        let picture = try XCTUnwrap(JSONSerialization.jsonObject(with: read.stdout) as? [String: Any])
        XCTAssertEqual(picture["tag"] as? String, "{http://www.w3.org/2000/svg}svg")
        XCTAssertTrue((picture["title"] as? String ?? "").contains("as of 2026-11-21"))
        let charts = try XCTUnwrap(picture["charts"] as? [String: [[Any]]])
        XCTAssertEqual(Set(charts.keys), ["revenue", "orders", "budget"])
        XCTAssertEqual(charts["revenue"]?.map { $0[0] as? String }, ["direct net revenue", "assisted net revenue", "spend"])
        for (_, lines) in charts { for line in lines { XCTAssertEqual(line[1] as? Int, weeks.count, "a point per week") } }
        let budget = try XCTUnwrap(charts["budget"])
        XCTAssertEqual(budget.first?[0] as? String, "cumulative spend")
        XCTAssertTrue((budget[1][0] as? String ?? "").hasPrefix("budget "), "the wave's budget is drawn")
        XCTAssertEqual(budget[1][2] as? String, "6 4", "dashed, so it reads without colour")
    }
}
