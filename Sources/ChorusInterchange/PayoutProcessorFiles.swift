import ChorusCore

/// A payment processor finance uploads a run to, with its own batch layout and limits.
public enum PayoutProcessor: String, Sendable, CaseIterable {
    case paypal, wise

    public var label: String { self == .paypal ? "PayPal" : "Wise" }

    /// PayPal Payouts Web takes at most 5 000 rows per file; Wise's batch tool 1 000 transfers.
    public var rowsPerFile: Int { self == .paypal ? 5_000 : 1_000 }

    /// The payout methods this processor pays.
    public var methods: Set<PayoutProfile.Method> { self == .paypal ? [.paypal, .venmo] : [.wise] }
}

/// A payout run as a processor's batch files: only the payments still to send (not yet paid,
/// waiting or returned), only the creators this processor pays, split at its row limit.
///
/// - PayPal Payouts Web: no header row; recipient, amount, currency, the item id (PayPal's
///   "Customer ID", unique per creator and run), a note naming the program and the items, and
///   the wallet `PAYPAL` or `VENMO`. One currency per file (a run is in the program currency).
/// - Wise batch "Send by email" template: a header row `name, recipientEmail, paymentReference,
///   receiverType, amountCurrency, amount, sourceCurrency, targetCurrency`, the reference being
///   the same item id.
///
/// Amounts carry the currency's own digits (JPY 0, KWD 3) with a `.` separator.
public struct PayoutProcessorFiles: Sendable {
    public static let wiseHeader = ["name", "recipientEmail", "paymentReference", "receiverType",
                                    "amountCurrency", "amount", "sourceCurrency", "targetCurrency"]
    /// PayPal's limit on a note (its non-ASCII limit, the stricter one).
    static let noteLimit = 1_000

    /// Each file's bytes, in order; empty when no payment goes to this processor.
    public private(set) var parts: [[UInt8]] = []
    public private(set) var rowCounts: [Int] = []
    /// The run's payments not in these files, and why (another method, no payout email, already sent).
    public private(set) var leftOut: [(creatorID: CreatorID, reason: String)] = []
    public private(set) var total: Int64 = 0

    public init(_ run: PayoutRun, workspace: Workspace, processor: PayoutProcessor, neutralizesFormulas: Bool = true) {
        let program = workspace.program
        let currency = program.currency
        var rows: [[String]] = []
        for payment in run.payments {
            let creator = workspace.creator(payment.creatorID)
            let state = run.state(of: payment)
            guard state == .inRun else {
                let reason = switch state {
                case .paid: "already paid"
                case .waiting: "waiting at the processor"
                default: "returned; the next run pays it"
                }
                leftOut.append((payment.creatorID, reason))
                continue
            }
            guard let method = creator?.payoutProfile?.method else {
                leftOut.append((payment.creatorID, "no payout method recorded"))
                continue
            }
            guard processor.methods.contains(method) else {
                leftOut.append((payment.creatorID, "paid by \(method.label)"))
                continue
            }
            guard let creator, let address = creator.payoutAddress, !address.isEmpty else {
                leftOut.append((payment.creatorID, "no payout email"))
                continue
            }
            let amount = Money(minorUnits: payment.total, currency: currency).decimalString
            let itemID = run.itemID(for: payment.creatorID)
            total += payment.total
            switch processor {
            case .paypal:
                rows.append([address, amount, currency.code, itemID, Self.note(program: program, run: run, payment: payment),
                             method == .venmo ? "VENMO" : "PAYPAL"])
            case .wise:
                rows.append([creator.name, address, itemID, "PRIVATE", currency.code, amount, currency.code, currency.code])
            }
        }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + processor.rowsPerFile, rows.count)]
            var writer = CSVWriter(neutralizesFormulas: neutralizesFormulas, reservingCapacity: chunk.count * 160)
            if processor == .wise { writer.writeRow(Self.wiseHeader) }
            for row in chunk { writer.writeRow(row) }
            parts.append(writer.bytes)
            rowCounts.append(chunk.count)
            start += chunk.count
        }
    }

    /// `Glow Program, payout run 3: fee W2 200.00; commission W2 #5 22.50`, cut to PayPal's limit.
    static func note(program: Program, run: PayoutRun, payment: Payment) -> String {
        let items = payment.items.map { "\($0.key) \(Money(minorUnits: $0.amount, currency: program.currency).decimalString)" }
        let note = "\(program.name), payout run \(run.number): " + items.joined(separator: "; ")
        return note.count <= noteLimit ? note : String(note.prefix(noteLimit - 1)) + "…"
    }

    /// The name of part `index` (0-based) of `count` beside `path`: `run-1.csv` stays as is for
    /// one file, and becomes `run-1-part-1-of-3.csv`, … for several.
    public static func partPath(_ path: String, index: Int, of count: Int) -> String {
        guard count > 1 else { return path }
        let suffix = "-part-\(index + 1)-of-\(count)"
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[slash...].lastIndex(of: "."), dot > slash {
            return String(path[..<dot]) + suffix + String(path[dot...])
        }
        return path + suffix
    }
}
