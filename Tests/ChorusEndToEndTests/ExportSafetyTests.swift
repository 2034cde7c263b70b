import ChorusInterchange
import Foundation
import XCTest

/// Every CSV the program writes is opened in a spreadsheet sooner or later. Creators whose
/// names are formulas are imported, then each export and `list --format csv` is parsed back:
/// no cell may begin with `=`, `+`, `-`, `@`, a tab or a carriage return unless it is a plain
/// number. Export files are private and never replace a file without `--force`.
final class ExportSafetyTests: XCTestCase {
    private var workspace: URL!

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", workspace.path, "--sample"]).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    static let formulas = ["=HYPERLINK(\"http://evil.example\",\"open\")", "+SUM(1,2)", "-2+3*cmd|' /C calc'!A0", "@SUM(A1:A9)",
                           "\tTAB=1", "\rCR=1"]

    private func run(_ arguments: [String]) throws -> String {
        let result = try ChorusProcess.run(arguments + ["--workspace", workspace.path])
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Renames creators who have shipments (so they reach the pick list) to formulas.
    private func importFormulaNames() throws {
        let shipments = try JSONSerialization.jsonObject(with: Data(try run(["list", "shipments", "--format", "json"]).utf8)) as? [[String: Any]]
        var handles: [String] = []
        for handle in (shipments ?? []).compactMap({ $0["handle"] as? String }) where !handles.contains(handle) { handles.append(handle) }
        XCTAssertGreaterThanOrEqual(handles.count, Self.formulas.count)
        // The importer reads what a spreadsheet would hand it: the formulas themselves, not neutralized.
        let file = workspace.appendingPathExtension("formulas.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = "handle,name\n" + zip(handles, Self.formulas).map { "\($0),\"\($1.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: "\n") + "\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        _ = try run(["import", "creators", file.path])
    }

    func testEveryCSVTheProgramWritesNeutralizesFormulaCells() throws {
        try importFormulaNames()
        let outputs: [(name: String, arguments: [String], showsNames: Bool)] = [
            ("export shipments", ["export", "shipments"], true),
            ("export codes", ["export", "codes"], false),
            ("list creators", ["list", "creators", "--format", "csv"], true),
            ("list shipments", ["list", "shipments", "--format", "csv"], false),
            ("list submissions", ["list", "submissions", "--format", "csv"], false),
            ("list assets", ["list", "assets", "--format", "csv"], false),
        ]
        for output in outputs {
            let text = try run(output.arguments)
            var reader = CSVReader(bytes: Array(text.utf8), fileName: output.name)
            let records = try reader.readAll()
            XCTAssertGreaterThan(records.count, 1, output.name)
            var cells: [String] = []
            for record in records { for index in 0..<record.count { cells.append(record[index]) } }
            for cell in cells {
                guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                XCTAssertNotNil(Double(cell), "\(output.name): a spreadsheet would run \(cell.debugDescription)")
            }
            if output.showsNames {
                // Leading tabs and carriage returns are trimmed on import, so those names arrive
                // without them; the writer's own tests cover cells that still begin with one.
                for formula in Self.formulas {
                    let trimmed = formula.trimmingCharacters(in: .whitespacesAndNewlines)
                    XCTAssertTrue(cells.contains("'" + formula) || (trimmed != formula && cells.contains(trimmed)),
                                  "\(output.name) shows \(formula.debugDescription) as text")
                }
            }
        }
    }

    func testAnExportFileIsPrivateAndReplacedOnlyWithForce() throws {
        let file = workspace.appendingPathExtension("pick.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let previous = umask(0o022)
        defer { umask(previous) }
        _ = try run(["export", "shipments", "--output", file.path])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o600, "addresses are private")

        try "signed-off pick list\n".write(to: file, atomically: false, encoding: .utf8)
        let refused = try ChorusProcess.run(["export", "shipments", "--output", file.path, "--workspace", workspace.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("already exists; use --force to replace it"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "signed-off pick list\n")

        _ = try run(["export", "shipments", "--output", file.path, "--force"])
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).hasPrefix(PickListCSV.header.joined(separator: ",")))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).filter { $0.hasSuffix(".tmp") && $0.hasPrefix(file.lastPathComponent) }, [])
    }
}
