import ChorusCore

/// Reads a processor's report on a run's payments for `chorus payout reconcile`: PayPal's
/// payout items report (its Customer ID / sender item id and transaction status) or Wise's
/// batch result (payment reference and status). Columns are found by name, so either works.
///
/// Statuses map to what happens next: SUCCESS or COMPLETED is paid; UNCLAIMED, PENDING and
/// ONHOLD stay in the run (PayPal returns an unclaimed payment after 30 days, and paying it
/// again before then could pay twice); RETURNED, FAILED, BLOCKED, REFUNDED, REVERSED and a
/// cancelled or bounced Wise transfer return the items to payable for the next run.
public struct PayoutResultsImport: Sendable {
    public static let itemIDColumns = ["Customer ID", "Sender Item ID", "sender_item_id", "Item ID", "paymentReference", "Reference"]
    public static let statusColumns = ["Status", "Transaction Status", "transaction_status"]
    static let reasonColumns = ["Reason", "Error", "Errors", "Failure Reason"]

    static let states: [String: PaymentState] = [
        "SUCCESS": .paid, "COMPLETED": .paid, "OUTGOING_PAYMENT_SENT": .paid, "PAID": .paid,
        "UNCLAIMED": .waiting, "PENDING": .waiting, "ONHOLD": .waiting, "ON_HOLD": .waiting, "PROCESSING": .waiting,
        "INCOMING_PAYMENT_WAITING": .waiting, "FUNDS_CONVERTED": .waiting,
        "RETURNED": .returned, "FAILED": .returned, "BLOCKED": .returned, "REFUNDED": .returned, "REVERSED": .returned,
        "CANCELLED": .returned, "CANCELED": .returned, "FUNDS_REFUNDED": .returned, "BOUNCED_BACK": .returned,
        "CHARGED_BACK": .returned,
    ]

    public private(set) var results: [PaymentResult] = []
    public private(set) var errors: [ImportRowError] = []

    public init(bytes: [UInt8], fileName: String, run: PayoutRun, today: Day) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        let idColumn = Self.itemIDColumns.lazy.compactMap(table.header.index(of:)).first
        let statusColumn = Self.statusColumns.lazy.compactMap(table.header.index(of:)).first
        let reasonColumn = Self.reasonColumns.lazy.compactMap(table.header.index(of:)).first
        guard let idColumn, let statusColumn else {
            throw ImportFormatError(fileName: fileName, expected: "a PayPal payout items report or a Wise batch result",
                                    missingColumns: (idColumn == nil ? ["Customer ID or paymentReference"] : []) + (statusColumn == nil ? ["Status"] : []))
        }
        var lines: [CreatorID: Int] = [:]
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let fail = { (column: Int, message: String) in
                ImportRowError(fileName: fileName, line: record.line, column: column + 1, message: message)
            }
            let itemID = record[idColumn].trimmingWhitespace
            guard let creator = run.creator(forItemID: itemID) else {
                let example = run.payments.first.map { " (this run's look like \(run.itemID(for: $0.creatorID)))" } ?? ""
                errors.append(fail(idColumn, itemID.isEmpty ? "no item id" : "'\(itemID.excerpt)' is not a payment of payout run \(run.number)\(example)"))
                continue
            }
            let status = record[statusColumn].trimmingWhitespace
            let key = status.uppercased().replacingOccurrences(of: " ", with: "_")
            guard let state = Self.states[key] else {
                errors.append(fail(statusColumn, "'\(status.excerpt)' is not a status this reads; expected SUCCESS, UNCLAIMED, PENDING, RETURNED, FAILED, "
                                                 + "BLOCKED, REFUNDED, REVERSED (PayPal) or COMPLETED, CANCELLED, BOUNCED_BACK (Wise)"))
                continue
            }
            if let earlier = lines[creator] {
                errors.append(fail(idColumn, "\(itemID) is already on line \(earlier); keep one row per payment"))
                continue
            }
            lines[creator] = record.line
            let detail = reasonColumn.map { record[$0].trimmingWhitespace } ?? ""
            results.append(PaymentResult(creatorID: creator, outcome: PaymentOutcome(
                state: state, on: today, reason: detail.isEmpty ? key : "\(key): \(detail)")))
        }
    }
}
