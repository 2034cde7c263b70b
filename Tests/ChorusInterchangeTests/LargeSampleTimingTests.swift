import ChorusCore
import ChorusGenerator
import ChorusInterchange
import Foundation
import XCTest

/// Prints how long the benchmark-size workspace takes to generate, export and read back.
/// Run by hand in release mode: `CHORUS_TIMING=1 swift test -c release --filter LargeSampleTimingTests`
/// (`CHORUS_TIMING=keep` leaves the sample files in the temporary folder, to compare other readers).
final class LargeSampleTimingTests: XCTestCase {
    func testTimingOfAHundredThousandCreatorsAndAMillionOrders() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["CHORUS_TIMING"] != nil, "set CHORUS_TIMING=1 to run")
        let clock = ContinuousClock()
        var workspace: Workspace?
        let generate = clock.measure {
            workspace = SampleProgram.generate(options: GeneratorOptions(creators: 100_000, orders: 1_000_000, seed: 1,
                                                                         today: Day(year: 2026, month: 3, day: 16)!))
        }
        let sample = try XCTUnwrap(workspace)
        var problems: [String] = []
        let check = clock.measure { problems = WorkspaceCheck.problems(in: sample) }
        var bytes: [UInt8] = []
        let export = clock.measure { bytes = ShopifyOrdersCSV.write(orders: sample.orders.rows, program: sample.program) }
        var rows = 0
        let read = try clock.measure {
            var table = try CSVTable(bytes: bytes, fileName: "orders.csv")
            let sku = table.header.index(of: "Lineitem sku")!
            var record = CSVRecord()
            while try table.readNext(into: &record) {
                if !record.isEmpty(at: sku) { rows += 1 }
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-timing")
        let files = try clock.measure { try SampleFiles.write(workspace: sample, to: folder) }
        if ProcessInfo.processInfo.environment["CHORUS_TIMING"] != "keep" { try FileManager.default.removeItem(at: folder) }
        print("""
            generate 100k creators / 1M orders: \(generate) (\(sample.shipments.count) shipments, \(sample.submissions.count) submissions)
            check: \(check), \(problems.count) problems
            export orders CSV: \(export), \(bytes.count / 1_000_000) MB
            read orders CSV: \(read), \(rows) rows
            write the three sample files: \(files) (kept in \(folder.path) when CHORUS_TIMING=keep)
            """)
        XCTAssertEqual(problems, [])
    }
}
