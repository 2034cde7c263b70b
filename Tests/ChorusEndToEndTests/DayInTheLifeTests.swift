import Foundation
import XCTest

/// Whole working stretches, one per role, on a fresh copy of the demo program, in the real
/// binary under tmux. Each runs twice: on a roomy terminal resized half-way (the window is
/// dragged while people work), and on the smallest supported one, 80×24. What the screen
/// shows is waited for, never slept on; the outcome is read back through the CLI's JSON.
final class DayInTheLifeTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    // MARK: Ops coordinator

    func testACoordinatorTriagesTheInboxWhileTheWindowIsResized() throws {
        try coordinatorMorning(columns: 120, rows: 40, resizeTo: (200, 60))
    }

    func testACoordinatorTriagesTheInboxAtEightyByTwentyFour() throws {
        try coordinatorMorning(columns: 80, rows: 24, resizeTo: nil)
    }

    /// Ten drafts with single keys: approvals, changes requested with a note on two, a reject,
    /// an undisclosed ad refused and approved with a recorded reason, one approval undone, then
    /// the overdue drafts that are left.
    private func coordinatorMorning(columns: Int, rows: Int, resizeTo: (Int, Int)?) throws {
        let preview = try ChorusProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: preview) }
        XCTAssertEqual(try ChorusProcess.run(["init", preview.path, "--sample"]).status, 0)
        let pending = try submissions(in: preview, "--status", "pending")
        XCTAssertGreaterThanOrEqual(pending.count, 10)
        let ids = pending.map { $0["id"] as! String }
        let passes = pending.map { $0["compliance"] as? String == "pass" }
        let overdue = Set(pending.filter { $0["overdue"] as? Bool == true }.map { $0["id"] as! String })

        let console = try TmuxSession(columns: columns, rows: rows, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("Pipeline")
        try console.press("3")
        var left = pending.count
        try console.waitFor("Approvals · \(left) pending")
        func decided() throws {
            left -= 1
            try console.waitFor("Approvals · \(left) pending")
        }
        /// `a` on the draft under the cursor; a failing one is refused, and then approved with `o`.
        func approve(_ index: Int, reason: String) throws {
            try console.press("a")
            if !passes[index] {
                try console.waitFor("not approved: \(ids[index])")
                try console.press("o")
                try console.type(reason)
                try console.press("Enter")
            }
            try decided()
        }
        func requestChanges(_ note: String) throws {
            try console.press("c")
            try console.type(note)
            try console.press("Enter")
            try decided()
        }

        try approve(0, reason: "disclosed in the video")
        try approve(1, reason: "disclosed in the video")
        try requestChanges("Please open with #ad")
        try approve(3, reason: "disclosed in the video")
        if let (width, height) = resizeTo { try console.resize(columns: width, rows: height) }
        try approve(4, reason: "disclosed in the video")
        try approve(5, reason: "disclosed in the video")
        try requestChanges("Show the SPF label in frame")
        try approve(7, reason: "the platform's paid-partnership label is on")
        try console.press("x")
        try console.type("Shows a competitor's product")
        try console.press("Enter")
        try decided()
        // The next draft in full before deciding: at 80×24 its brief (due date, rights) is a PgDn away.
        try console.press("Enter")
        try console.waitFor("Enter or Esc closes")
        try console.press("PageDown")
        _ = try console.waitUntil("the brief's due date and rights are on screen") { $0.contains("Due ") && $0.contains("Rights ") }
        try console.press("Escape")
        try approve(9, reason: "disclosed in the spoken intro")
        try console.press("z")
        left += 1
        try console.waitFor("Approvals · \(left) pending")
        try console.press("f")
        let stillOverdue = overdue.subtracting(ids[0..<9]).count
        try console.waitFor("Approvals · \(stillOverdue) overdue")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        XCTAssertFalse(passes[0..<10].allSatisfy { $0 }, "the demo's ten oldest drafts include an undisclosed ad to refuse")
        let after = Dictionary(uniqueKeysWithValues: try submissions(in: workspace).map { ($0["id"] as! String, $0) })
        func status(_ index: Int) -> String? { after[ids[index]]?["status"] as? String }
        XCTAssertEqual([0, 1, 3, 4, 5, 7].map(status), Array(repeating: "approved", count: 6))
        XCTAssertEqual(status(2), "changesRequested")
        XCTAssertEqual(after[ids[2]]?["lastNote"] as? String, "Please open with #ad")
        XCTAssertEqual(status(6), "changesRequested")
        XCTAssertEqual(status(8), "rejected")
        XCTAssertEqual(status(9), "pending", "the last approval was undone")
        let override = try XCTUnwrap(after[ids[7]]?["lastDecision"] as? [String: Any])
        if !passes[7] {
            XCTAssertEqual(override["action"] as? String, "approvedWithOverride")
            XCTAssertEqual(override["note"] as? String, "the platform's paid-partnership label is on")
            XCTAssertEqual(override["by"] as? String, "e2e")
        }
    }

    // MARK: Seeding staff

    func testSeedingStaffShipTheWaveWhileTheWindowIsResized() throws {
        try seedingAfternoon(columns: 120, rows: 40, resizeTo: (200, 60))
    }

    func testSeedingStaffShipTheWaveAtEightyByTwentyFour() throws {
        try seedingAfternoon(columns: 80, rows: 24, resizeTo: nil)
    }

    /// Parcels for four marked creators of the live wave, packed, shipped with a scanner (one
    /// number misread and scanned again, one label already used and set aside, a stray scan
    /// after the run dropped), two delivered by id from the palette, one address problem flagged,
    /// then read, its address corrected and re-shipped with a new number.
    private func seedingAfternoon(columns: Int, rows: Int, resizeTo: (Int, Int)?) throws {
        let console = try TmuxSession(columns: columns, rows: rows, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("Pipeline")
        let before = Set(try shipments("--status", "queued").map { $0["id"] as! String })
        try console.press("/")
        try console.type("onboarding")
        try console.press("Enter", "Space", "Space", "Space", "Space", "S")
        try console.waitFor("queued 4 shipments")
        let parcels = try shipments("--status", "queued").map { $0["id"] as! String }.filter { !before.contains($0) }.sorted()
        XCTAssertEqual(parcels.count, 4)

        try console.press("2")
        try console.waitFor("Seeding")
        func mark(_ ids: [String]) throws {
            for id in ids {
                try console.press("/", "C-u")
                try console.type(id)
                try console.press("Enter", "Space")
            }
        }
        try mark(parcels)
        try console.press("p")
        try console.waitFor("packed 4 shipments")
        if let (width, height) = resizeTo { try console.resize(columns: width, rows: height) }
        try mark(parcels)
        try console.press("s")
        try console.waitFor("Ship 4 parcels with carrier")
        try console.press("Enter")
        let good = ["1Z999AA10123459001", "1Z999AA10123459002", "1Z999AA10123459003"]
        try console.waitFor("1/4 \(parcels[0])")
        try console.type(good[0])
        try console.press("Enter")
        try console.waitFor("2/4 \(parcels[1])")
        try console.type("12345")   // a misread: the scanner beeps, and the label is scanned again
        try console.press("Enter")
        try console.waitFor("does not look like a UPS tracking number")
        try console.waitFor("2/4 \(parcels[1])")
        try console.type(good[1])
        try console.press("Enter")
        try console.waitFor("3/4 \(parcels[2])")
        try console.type(good[0])   // a label already used
        try console.press("Enter")
        try console.waitFor("already used by shipment \(parcels[0])")
        try console.press("Tab")    // set the box aside
        try console.waitFor("4/4 \(parcels[3])")
        try console.type(good[2])
        try console.press("Enter")
        try console.waitFor("Shipped 3 of 4 with UPS")
        try console.waitFor("skipped after: tracking number")
        try console.press("Escape")
        // Esc and a key typed within curses' escape delay read as Alt and that key: wait, as a person would.
        try console.waitUntil("the summary to close") { !$0.contains("Shipped 3 of 4") }

        // The scanner fires once more after the run: a burst of keys outside the prompt must
        // not switch panes (1) or redo (Z); it is dropped with a word of why.
        try console.type("1Z999AA10123459009\r")
        try console.waitFor("a scan arrived outside the tracking prompt: press s to ship")
        let afterScan = try console.screen()
        XCTAssertTrue(afterScan.contains("Seeding ·"), "still in the Seeding pane\n\(afterScan)")

        // Delivered by id from the palette, wherever the cursor is.
        try console.press(":")
        try console.type("deliver \(parcels[0]) \(parcels[3])")
        try console.press("Enter")
        try console.waitFor("marked 2 shipments delivered")
        try mark([parcels[1]])
        try console.press("!")
        try console.waitFor("Exception (address problem")
        try console.type("Flat number missing")
        try console.press("Enter")
        try console.waitFor("flagged 1 shipment")

        // The flagged parcel read in full, its address corrected and sent out again with a new number.
        try console.press("Enter")
        let flagged = try console.waitFor("History")
        XCTAssertTrue(flagged.contains("address problem — Flat number missing"), "the flag and its note are on the parcel\n\(flagged)")
        XCTAssertTrue(flagged.contains("Address "), "the address to correct is on the parcel\n\(flagged)")
        try console.press("Escape")   // alone: Esc and R sent together read as Alt-R
        try console.waitUntil("the parcel to close") { !$0.contains("History") }
        try console.press("R")
        try console.waitFor("Resolve \(parcels[1]) for @")
        try console.press("Tab", "C-u")   // Street 2: the flat number the carrier could not find
        try console.type("Flat 4")
        try console.press("Tab", "Tab", "Tab", "Tab", "Tab", "C-u")
        try console.type("reship")
        try console.press("Tab", "C-u")
        try console.type("DHL")
        try console.press("Tab")
        let again = "JD014600009999999902"
        try console.type(again)
        try console.press("C-s")
        try console.waitFor("\(parcels[1]) re-shipped with DHL \(again)")
        try console.press("Enter")
        try console.waitFor("History")
        try console.press("PageDown")
        // At 80×24 the last history line wraps before the number.
        let resolved = try console.waitUntil("the re-shipment at the end of the parcel's history") {
            $0.contains("shipped (address problem resolved) with DHL") && $0.contains("Earlier    \(good[1])") && $0.contains(again)
        }
        XCTAssertTrue(resolved.contains("exception: address problem — Flat number missing"), "the flag stays in the history\n\(resolved)")
        try console.press("Escape")
        try console.waitUntil("the parcel to close") { !$0.contains("History") }
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let after = Dictionary(uniqueKeysWithValues: try shipments().map { ($0["id"] as! String, $0) })
        XCTAssertEqual(after[parcels[0]]?["status"] as? String, "delivered")
        XCTAssertEqual(after[parcels[3]]?["status"] as? String, "delivered")
        XCTAssertEqual(after[parcels[1]]?["status"] as? String, "shipped", "the address problem was resolved and the parcel re-shipped")
        XCTAssertNil(after[parcels[1]]?["exception"])
        XCTAssertEqual(after[parcels[2]]?["status"] as? String, "packed", "the parcel scanned with a used number is still waiting")
        XCTAssertEqual(after[parcels[0]]?["trackingNumber"] as? String, good[0])
        XCTAssertEqual(after[parcels[1]]?["previousTrackingNumbers"] as? [String], [good[1]],
                       "the re-scan after the misread shipped the same parcel, and its first number is kept")
        XCTAssertEqual(after[parcels[1]]?["trackingNumber"] as? String, again)
        XCTAssertEqual(after[parcels[1]]?["carrier"] as? String, "dhl")
        XCTAssertEqual(after[parcels[3]]?["trackingNumber"] as? String, good[2])
    }

    // MARK: Manager

    func testAManagerScalesTheBestCreatorsWhileTheWindowIsResized() throws {
        try managerReview(columns: 120, rows: 40, resizeTo: (200, 60))
    }

    func testAManagerScalesTheBestCreatorsAtEightyByTwentyFour() throws {
        try managerReview(columns: 80, rows: 24, resizeTo: nil)
    }

    /// The leaderboard by contribution margin, the ledger behind the top creator, the top five
    /// promoted into the planning wave with more commission, and the ledger export checked
    /// against the totals on screen.
    private func managerReview(columns: Int, rows: Int, resizeTo: (Int, Int)?) throws {
        let console = try TmuxSession(columns: columns, rows: rows, arguments: ["demo", "--workspace", workspace.path])
        try console.waitFor("Pipeline")
        try console.press("5")
        try console.waitFor("Leaderboard · Wave 2")
        try console.press("s")
        // The rows can arrive a frame after the title (the order history loads after the first frame).
        let firstRow = { (screen: String) in screen.split(separator: "\n").first { $0.contains(" 1 ") && $0.contains("@") } }
        let ranked = try console.waitUntil("the ranking and its first row") { $0.contains("ranked by contribution") && firstRow($0) != nil }
        let top = try XCTUnwrap(firstRow(ranked)
            .flatMap { $0.split(separator: " ").first { $0.hasPrefix("@") } }.map(String.init))
        if let (width, height) = resizeTo { try console.resize(columns: width, rows: height) }

        try console.press("6")
        try console.waitFor("Ledger · ")
        try console.press("/")
        try console.type(String(top.dropFirst()))
        try console.press("Enter", "Enter")
        try console.waitFor("Total cost")   // the drill-down: plan, costs, parcels and orders behind the row
        try console.press("Escape", "Escape")

        try console.press("5")
        try console.waitFor("ranked by contribution")
        try console.press("Space", "Space", "Space", "Space", "Space")
        try console.waitFor("5 marked")
        try console.press("P")
        try console.waitFor("with: +5")
        try console.press("Enter")
        try console.waitFor("promoted 5 creators")

        try console.press("6")
        let ledger = try console.waitFor("Total cost ")
        let kpis = try XCTUnwrap(ledger.split(separator: "\n").first { $0.contains("Total cost ") })
        let shownTotal = try XCTUnwrap(kpis.split(separator: " ").drop { $0 != "cost" }.dropFirst().first).description
        let shownROAS = try XCTUnwrap(kpis.split(separator: " ").drop { $0 != "ROAS" }.dropFirst().first).dropLast().description

        // The payout run: who is paid what and the total, asked once; n changes nothing, y creates it.
        try console.press("$")
        let question = try console.waitFor("y/n")
        XCTAssertTrue(question.contains("Create payout run 1: pay "), question)
        XCTAssertTrue(question.contains("y confirms · n or Esc changes nothing"), "the run's lines are listed\n\(question)")
        let questionLine = try XCTUnwrap(question.split(separator: "\n").first { $0.contains("Create payout run 1: pay ") })
        let payoutTotal = try XCTUnwrap(questionLine.split(separator: " ").drop { $0 != "creators" && $0 != "creator" }.dropFirst().first)
        XCTAssertTrue(question.contains("Total \(payoutTotal) EUR to "), "the run's total is shown with its lines\n\(question)")
        try console.press("n")
        try console.waitFor("no payout run created")
        try console.press("$")
        try console.waitFor("y/n")
        try console.press("y")
        try console.waitFor("created payout run 1: ")
        try console.press("q")
        XCTAssertEqual(try console.waitForExit(), 0)

        let export = ChorusProcess.temporaryFolder
        let csv = try export("ledger").appendingPathExtension("csv")
        let totals = csv.deletingPathExtension().appendingPathExtension("csv-totals")
        defer { try? FileManager.default.removeItem(at: csv); try? FileManager.default.removeItem(at: totals) }
        let exported = try ChorusProcess.run(["export", "ledger", "--format", "csv", "--output", csv.path, "--totals", totals.path,
                                              "--workspace", workspace.path])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let lines = try String(contentsOf: totals, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try XCTUnwrap(lines.first)
        let totalColumn = try XCTUnwrap(header.firstIndex(of: "total_cost")), waveColumn = try XCTUnwrap(header.firstIndex(of: "wave"))
        let totalRow = try XCTUnwrap(lines.first { $0.count > waveColumn && $0[waveColumn] == "total" })
        XCTAssertEqual(String(totalRow[totalColumn]), shownTotal, "the export's total cost is the one on screen")
        XCTAssertEqual(String(totalRow[try XCTUnwrap(header.firstIndex(of: "roas"))]), shownROAS, "and so is its ROAS")
        XCTAssertNotNil(header.firstIndex(of: "roi_on_margin_percent"))

        let payouts = try export("payouts").appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: payouts) }
        let run = try ChorusProcess.run(["export", "payouts", "1", "--format", "csv", "--output", payouts.path, "--workspace", workspace.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let second = try ChorusProcess.run(["export", "payouts", "2", "--workspace", workspace.path])
        XCTAssertTrue(second.stderr.contains("there is no payout run 2; runs: 1"), "n created nothing: \(second.stderr)")

        let plans = try list("creators", in: workspace, ["--wave", "W3"]).filter { ($0["plan"] as? String)?.hasPrefix("own plan") == true }
        XCTAssertGreaterThanOrEqual(plans.count, 5, "the five promoted have their own plan in the planning wave")
        XCTAssertTrue(plans.contains { $0["handle"] as? String == String(top.dropFirst()) || $0["handle"] as? String == top },
                      "the top creator is among them")
    }

    // MARK: Reading back

    private func submissions(in folder: URL, _ filters: String...) throws -> [[String: Any]] {
        try list("submissions", in: folder, filters)
    }

    private func shipments(_ filters: String...) throws -> [[String: Any]] {
        try list("shipments", in: workspace, filters)
    }

    private func list(_ collection: String, in folder: URL, _ filters: [String]) throws -> [[String: Any]] {
        let result = try ChorusProcess.run(["list", collection, "--format", "json", "--workspace", folder.path] + filters)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }
}
