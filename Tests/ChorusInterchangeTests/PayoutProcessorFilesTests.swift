import ChorusCore
import ChorusInterchange
import Foundation
import XCTest

/// The processors' batch files from the sample's first payout run, kept as golden files and
/// checked against the layouts PayPal and Wise document: PayPal Payouts Web takes no header,
/// six fields (recipient, amount, currency, item id, note, wallet), one currency per file and
/// at most 5 000 rows; Wise's "send by email" template has its header and 1 000 rows at most.
/// Set CHORUS_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
final class PayoutProcessorFilesTests: XCTestCase {
    /// The sample with payout methods recorded in turn (PayPal, Venmo, Wise, bank) and its first run.
    static let sample: (workspace: Workspace, run: PayoutRun) = {
        var workspace = SampleFixture.workspace
        let ledger = Ledger(workspace, attribution: Attribution.compute(workspace), today: SampleFixture.today)
        let run = Payouts.nextRun(workspace, ledger: ledger)
        let methods: [PayoutProfile.Method] = [.paypal, .venmo, .wise, .bank]
        let details = run.payments.enumerated().map { index, payment in
            PayoutDetails(creatorID: payment.creatorID, profile: PayoutProfile(method: methods[index % methods.count]))
        }
        let context = CommandContext(now: Timestamp(day: SampleFixture.today, hour: 9), actor: "finance")
        try! workspace.apply(.setPayoutDetails(details), context: context)
        try! workspace.apply(.createPayoutRun(run), context: context)
        return (workspace, run)
    }()

    func testThePayPalFileOfTheSampleMatchesItsGoldenFileAndPayPalsRules() throws {
        let (workspace, run) = Self.sample
        let files = PayoutProcessorFiles(run, workspace: workspace, processor: .paypal)
        XCTAssertEqual(files.parts.count, 1)
        let text = String(decoding: files.parts[0], as: UTF8.self)
        try assertGolden(text, "sample-run-1-paypal.csv")

        let rows = try Self.rows(files.parts[0])
        XCTAssertGreaterThan(rows.count, 0)
        // No header row: every line, the first included, is a payment with an amount.
        for row in rows {
            XCTAssertEqual(row.count, 6, "\(row)")
            XCTAssertTrue(row[0].contains("@"), "recipient is an email: \(row[0])")
            XCTAssertTrue(Self.isDecimal(row[1], digits: 2), "EUR has two digits: \(row[1])")
            XCTAssertTrue(["PAYPAL", "VENMO"].contains(row[5]))
            XCTAssertTrue(row[4].hasPrefix("\(workspace.program.name), payout run 1: "))
        }
        XCTAssertEqual(Set(rows.map { $0[2] }), ["EUR"], "one currency per file")
        XCTAssertEqual(Set(rows.map { $0[3] }).count, rows.count, "item ids are unique")
        XCTAssertEqual(Set(rows.map { $0[5] }), ["PAYPAL", "VENMO"])
        XCTAssertTrue(files.leftOut.contains { $0.reason == "paid by Wise (by email)" })
        XCTAssertTrue(files.leftOut.contains { $0.reason == "paid by bank (outside Chorus)" })
    }

    func testTheWiseFileOfTheSampleMatchesItsGoldenFileAndWisesTemplate() throws {
        let (workspace, run) = Self.sample
        let files = PayoutProcessorFiles(run, workspace: workspace, processor: .wise)
        let text = String(decoding: files.parts[0], as: UTF8.self)
        try assertGolden(text, "sample-run-1-wise.csv")
        let rows = try Self.rows(files.parts[0])
        XCTAssertEqual(rows[0], PayoutProcessorFiles.wiseHeader)
        for row in rows.dropFirst() {
            XCTAssertEqual(row.count, 8)
            XCTAssertTrue(row[1].contains("@"))
            XCTAssertTrue(row[2].hasPrefix("R1-"))
            XCTAssertEqual([row[3], row[4], row[6], row[7]], ["PRIVATE", "EUR", "EUR", "EUR"])
        }
    }

    func testLargeRunsAreSplitAtEachProcessorsRowLimitAndNamedSo() throws {
        let (workspace, run) = Self.bigRun(payments: 12_001, currency: .eur, method: .paypal)
        let paypal = PayoutProcessorFiles(run, workspace: workspace, processor: .paypal)
        XCTAssertEqual(paypal.rowCounts, [5_000, 5_000, 2_001])
        for part in paypal.parts {
            let rows = try Self.rows(part)
            XCTAssertEqual(rows[0][1], "123.45", "no header in any part")
        }
        let (wiseWorkspace, wiseRun) = Self.bigRun(payments: 12_001, currency: .eur, method: .wise)
        let wise = PayoutProcessorFiles(wiseRun, workspace: wiseWorkspace, processor: .wise)
        XCTAssertEqual(wise.rowCounts, [1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1])
        XCTAssertTrue(wise.parts.allSatisfy { String(decoding: $0.prefix(4), as: UTF8.self) == "name" }, "a header in every Wise file")
        XCTAssertEqual(PayoutProcessorFiles.partPath("out/run-1.csv", index: 1, of: 3), "out/run-1-part-2-of-3.csv")
        XCTAssertEqual(PayoutProcessorFiles.partPath("run-1.csv", index: 0, of: 1), "run-1.csv")
        XCTAssertEqual(PayoutProcessorFiles.partPath("my.dir/run", index: 0, of: 2), "my.dir/run-part-1-of-2")
    }

    func testAmountsHaveTheirCurrencysDigits() throws {
        for (currency, expected) in [(Currency("JPY"), "12345"), (Currency("KWD"), "12.345"), (Currency.usd, "123.45")] {
            let (workspace, run) = Self.bigRun(payments: 1, currency: currency, method: .paypal)
            let paypal = try Self.rows(PayoutProcessorFiles(run, workspace: workspace, processor: .paypal).parts[0])
            XCTAssertEqual(paypal[0][1], expected, currency.code)
            XCTAssertEqual(paypal[0][2], currency.code)
            let (wiseWorkspace, wiseRun) = Self.bigRun(payments: 1, currency: currency, method: .wise)
            let wise = try Self.rows(PayoutProcessorFiles(wiseRun, workspace: wiseWorkspace, processor: .wise).parts[0])
            XCTAssertEqual(wise[1][5], expected, currency.code)
        }
    }

    /// A run of `count` creators paid 12345 minor units each by `method`.
    static func bigRun(payments count: Int, currency: Currency, method: PayoutProfile.Method) -> (Workspace, PayoutRun) {
        let creators = (0..<count).map { index in
            Creator(id: CreatorID("CR-\(index)"), handle: "c\(index)", name: "Creator \(index)", email: "c\(index)@example.com",
                    payoutProfile: PayoutProfile(method: method))
        }
        let workspace = Workspace(program: Program(name: "Big", brand: "B", currency: currency, landingURL: "https://b.example"),
                                  creators: creators)
        let run = PayoutRun(number: 1, createdOn: SampleFixture.today, payments: creators.map {
            Payment(creatorID: $0.id, items: [PayoutItem(key: "fee W1", amount: 12_345)])
        })
        return (workspace, run)
    }

    static func rows(_ bytes: [UInt8]) throws -> [[String]] {
        var reader = CSVReader(bytes: bytes, fileName: "batch.csv")
        return try reader.readAll().map(\.fields)
    }

    static func isDecimal(_ text: String, digits: Int) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].count == digits && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["CHORUS_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(text, try String(contentsOf: url, encoding: .utf8), "\(name) differs from its golden file", file: file, line: line)
    }
}
