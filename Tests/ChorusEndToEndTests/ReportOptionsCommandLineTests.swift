import Foundation
import XCTest

/// The reports, exports and `chorus list` take `--wave`, `--format` and `--raw` from one
/// declaration: the same help, the same refusal of an unknown wave, the same refusal of
/// `--raw` without CSV.
final class ReportOptionsCommandLineTests: XCTestCase {
    var workspace: URL!
    let filtered = [["report", "attribution"], ["report", "cohorts", "--by", "tier"], ["report", "weekly"], ["list", "creators"],
                    ["export", "ledger"], ["export", "codes"], ["export", "shipments"]]
    let tabular = [["report", "attribution"], ["report", "cohorts", "--by", "tier"], ["list", "creators"]]

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", "--sample", workspace.path]).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: workspace) }

    private func chorus(_ arguments: [String]) throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments + ["--workspace", workspace.path])
    }

    /// An option's line in `--help`, spaces collapsed (the column width follows the longest option).
    private func helpLine(_ command: [String], _ option: String) throws -> String? {
        try chorus(command + ["--help"]).stdout.split(separator: "\n")
            .first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + " ") }
            .map { $0.split(separator: " ").joined(separator: " ") }
    }

    func testEveryReportAndExportSaysAndChecksWaveTheSameWay() throws {
        for command in filtered {
            XCTAssertEqual(try helpLine(command, "--wave"), "--wave <wave> Only this wave (id, slug or name).", "\(command)")
            let unknown = try chorus(command + ["--wave", "W9"])
            XCTAssertEqual(unknown.status, 1, "\(command)")
            XCTAssertTrue(unknown.stderr.hasPrefix("chorus: no wave 'W9'; this workspace has W1 (Wave 1 — Spring test)"), "\(command): \(unknown.stderr)")
        }
    }

    func testRawWithoutCSVIsRefusedInTheSameWordsEverywhere() throws {
        for command in tabular {
            XCTAssertEqual(try helpLine(command, "--format"), "--format <format> Output format. (values: table, csv, json; default:", "\(command)")
            let refused = try chorus(command + ["--raw"])
            XCTAssertEqual(refused.status, 1, "\(command)")
            XCTAssertEqual(refused.stderr, "chorus: --raw is for CSV; add --format csv\n", "\(command)")
            XCTAssertEqual(refused.stdout, "", "refused before anything is printed")
            XCTAssertEqual(try chorus(command + ["--raw", "--format", "csv"]).status, 0, "\(command)")
        }
    }
}
