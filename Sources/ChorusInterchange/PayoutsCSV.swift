import ChorusCore

/// A payout run as the bank or payment tool takes it: one row per creator with the amount and
/// the items it pays (`fee W2 50.00; commission W2 #1001 4.50`). Handles, names and emails are
/// creators' text, so cells are neutralized like every export (unless a script asks for them raw).
/// The email is where the money goes: the creator's payout email (a PayPal or Wise account)
/// when they gave one.
public enum PayoutsCSV {
    public static let header = ["handle", "name", "email", "amount", "currency", "items"]

    public static func write(_ run: PayoutRun, workspace: Workspace, neutralizesFormulas: Bool = true) -> [UInt8] {
        let currency = workspace.program.currency
        var writer = CSVWriter(neutralizesFormulas: neutralizesFormulas, reservingCapacity: 100 + run.payments.count * 160)
        writer.writeRow(header)
        for payment in run.payments {
            let creator = workspace.creator(payment.creatorID)
            writer.append(creator?.handle ?? payment.creatorID.rawValue)
            writer.append(creator?.name)
            writer.append(creator.flatMap { $0.payoutEmail ?? $0.email })
            writer.append(Money(minorUnits: payment.total, currency: currency))
            writer.append(currency.code)
            writer.append(payment.items.map { "\($0.key) \(Money(minorUnits: $0.amount, currency: currency).decimalString)" }
                .joined(separator: "; "))
            writer.endRow()
        }
        return writer.bytes
    }
}
