import Foundation
import XCTest

/// What people used to other command-line tools expect of `chorus` and its CSVs: `--version`,
/// the workspace named before the subcommand, one handle form in every CSV, the formula guard
/// and `--raw`, and a ledger whose totals a spreadsheet cannot sum twice. Each CSV is read back
/// by Python's `csv` module, the parser on the other side of most pipelines.
final class CSVExportHabitsTests: XCTestCase {
    private var workspace: URL!
    private var scratch: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        scratch = try ChorusProcess.temporaryFolder("chorus-csv")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: scratch)
    }

    private func chorus(_ arguments: [String]) throws -> ChorusProcess.Result {
        let result = try ChorusProcess.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// The file as Python's `csv.reader` sees it (with `utf-8-sig`, which drops a BOM): rows of cells.
    private func pythonRows(_ file: URL, encoding: String = "utf-8") throws -> [[String]] {
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:
            print(json.dumps(list(csv.reader(f))))
        """
        let result = try Spawn.run("/usr/bin/env", ["python3", "-c", script, file.path, encoding])
        XCTAssertEqual(result.status, 0, String(decoding: result.stderr, as: UTF8.self))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [[String]])
    }

    private func save(_ text: String, as name: String) throws -> URL {
        let file = scratch.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func testVersionIsPrinted() throws {
        let result = try chorus(["--version"])
        XCTAssertTrue(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, result.stdout)
    }

    func testTheWorkspaceCanBeNamedBeforeTheSubcommand() throws {
        let before = try chorus(["-w", workspace.path, "list", "creators", "--format", "csv"])
        let after = try chorus(["list", "creators", "--format", "csv", "-w", workspace.path])
        XCTAssertEqual(before.stdout, after.stdout)
        XCTAssertTrue(before.stdout.hasPrefix("id,handle,"), before.stdout)

        let nested = try chorus(["--workspace", workspace.path, "export", "codes"])
        XCTAssertEqual(nested.stdout, try chorus(["export", "codes", "--workspace", workspace.path]).stdout)
        XCTAssertEqual(try chorus(["--workspace=\(workspace.path)", "check"]).stdout.prefix(3), "ok:")
    }

    func testEveryCSVWritesHandlesWithoutTheAt() throws {
        let outputs: [(name: String, arguments: [String])] = [
            ("list creators", ["list", "creators", "--format", "csv"]),
            ("list shipments", ["list", "shipments", "--format", "csv"]),
            ("list submissions", ["list", "submissions", "--format", "csv"]),
            ("list assets", ["list", "assets", "--format", "csv"]),
            ("report attribution", ["report", "attribution", "--format", "csv"]),
            ("export shipments", ["export", "shipments"]),
            ("export codes", ["export", "codes"]),
            ("export assets", ["export", "assets", "--usable-for", "organic-repost"]),
            ("export ledger", ["export", "ledger"]),
        ]
        let creators = try pythonRows(try save(try chorus(["list", "creators", "--format", "csv", "-w", workspace.path]).stdout, as: "c.csv"))
        let known = Set(creators.dropFirst().map { $0[1] })
        XCTAssertTrue(known.contains("mia.botanics"))
        for output in outputs {
            let rows = try pythonRows(try save(try chorus(output.arguments + ["-w", workspace.path]).stdout, as: "out.csv"))
            let column = try XCTUnwrap(rows.first?.firstIndex(of: "handle"), "\(output.name): \(rows.first ?? [])")
            let handles = rows.dropFirst().map { $0[column] }.filter { !$0.isEmpty }
            XCTAssertFalse(handles.isEmpty, output.name)
            for handle in handles {
                XCTAssertFalse(handle.hasPrefix("@") || handle.hasPrefix("'"), "\(output.name): \(handle)")
                XCTAssertTrue(known.contains(handle), "\(output.name): \(handle) is a creator's handle as listed")
            }
        }
        let table = try chorus(["list", "creators", "-w", workspace.path]).stdout
        XCTAssertTrue(table.contains(" @mia.botanics "), "the table for people shows handles as the console does")
    }

    func testRawGivesScriptsTheCellsAsStored() throws {
        let shipments = try pythonRows(try save(try chorus(["list", "shipments", "--format", "csv", "-w", workspace.path]).stdout, as: "s.csv"))
        let shipped = shipments[1][1]
        let file = try save("handle,name\n\(shipped),\"=HYPERLINK(\"\"http://evil.example\"\")\"\n", as: "names.csv")
        _ = try chorus(["import", "creators", file.path, "-w", workspace.path])
        let guarded = try pythonRows(try save(try chorus(["list", "creators", "--format", "csv", "-w", workspace.path]).stdout, as: "g.csv"))
        let raw = try pythonRows(try save(try chorus(["list", "creators", "--format", "csv", "--raw", "-w", workspace.path]).stdout, as: "r.csv"))
        XCTAssertEqual(guarded.first { $0[1] == shipped }?[2], "'=HYPERLINK(\"http://evil.example\")")
        XCTAssertEqual(raw.first { $0[1] == shipped }?[2], "=HYPERLINK(\"http://evil.example\")")

        let rawPickList = try pythonRows(try save(try chorus(["export", "shipments", "--raw", "-w", workspace.path]).stdout, as: "p.csv"))
        XCTAssertTrue(rawPickList.contains { $0[1] == shipped && $0[2] == "=HYPERLINK(\"http://evil.example\")" })

        for command in [["list", "creators"], ["report", "attribution"]] {
            let refused = try ChorusProcess.run(command + ["--raw", "-w", workspace.path])
            XCTAssertNotEqual(refused.status, 0, "a table has no formula guard to leave out")
            XCTAssertTrue(refused.stderr.contains("--raw is for CSV"), refused.stderr)
            XCTAssertEqual(try chorus(command + ["--format", "csv", "--raw", "-w", workspace.path]).status, 0)
        }
    }

    func testTheLedgerKeepsItsTotalInAFileOfItsOwnWithTheAsOfDate() throws {
        let ledger = scratch.appendingPathComponent("ledger.csv")
        let exported = try chorus(["export", "ledger", "--output", ledger.path, "-w", workspace.path])
        let totalsFile = scratch.appendingPathComponent("ledger-totals.csv")
        XCTAssertTrue(exported.stderr.contains("as of 2026-11-21; the total row is in \(totalsFile.path)"), exported.stderr)

        let rows = try pythonRows(ledger)
        let header = try XCTUnwrap(rows.first)
        let wave = try XCTUnwrap(header.firstIndex(of: "wave")), asOf = try XCTUnwrap(header.firstIndex(of: "as_of"))
        let cost = try XCTUnwrap(header.firstIndex(of: "total_cost"))
        XCTAssertGreaterThan(rows.count, 10)
        XCTAssertFalse(rows.dropFirst().contains { $0[wave] == "total" }, "no total among the data rows")
        XCTAssertEqual(Set(rows.dropFirst().map { $0[asOf] }), ["2026-11-21"])

        let totals = try pythonRows(totalsFile)
        XCTAssertEqual(totals.first, header, "the totals file has the ledger's columns")
        XCTAssertEqual(totals.count, 2)
        XCTAssertEqual(totals[1][wave], "total")
        XCTAssertEqual(totals[1][asOf], "2026-11-21")
        let summed = rows.dropFirst().reduce(Decimal(0)) { $0 + (Decimal(string: $1[cost]) ?? 0) }
        XCTAssertEqual(Decimal(string: totals[1][cost]), summed, "the total is the sum of the data rows, counted once")

        let again = try ChorusProcess.run(["export", "ledger", "--output", ledger.path, "--totals", scratch.appendingPathComponent("new.csv").path,
                                           "-w", workspace.path])
        XCTAssertNotEqual(again.status, 0, "ledger.csv exists")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("new.csv").path), "nothing half written")
    }

    func testBOMIsWrittenOnlyWhenAskedAndSpreadsheetsReadTheSameCells() throws {
        let plain = try chorus(["export", "ledger", "-w", workspace.path]).stdout
        let withBOM = scratch.appendingPathComponent("bom.csv")
        _ = try chorus(["export", "ledger", "--bom", "-o", withBOM.path, "-w", workspace.path])
        let bytes = try Data(contentsOf: withBOM)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertFalse(plain.hasPrefix("\u{FEFF}"))
        XCTAssertEqual(try pythonRows(withBOM, encoding: "utf-8-sig"), try pythonRows(try save(plain, as: "plain.csv")))
        XCTAssertEqual(Array(try Data(contentsOf: scratch.appendingPathComponent("bom-totals.csv")).prefix(3)), [0xEF, 0xBB, 0xBF])

        let json = try ChorusProcess.run(["export", "ledger", "--format", "json", "--bom", "-w", workspace.path])
        XCTAssertNotEqual(json.status, 0)
        XCTAssertTrue(json.stderr.contains("--bom is for CSV"), json.stderr)
    }

    func testTheLedgerJSONHasTheTotalApartAndTheAsOfDate() throws {
        let output = try chorus(["export", "ledger", "--format", "json", "-w", workspace.path]).stdout
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        XCTAssertEqual(document["as_of"] as? String, "2026-11-21")
        let rows = try XCTUnwrap(document["rows"] as? [[String: Any]])
        XCTAssertFalse(rows.contains { $0["wave"] as? String == "total" })
        XCTAssertEqual((document["total"] as? [String: Any])?["wave"] as? String, "total")
    }
}
