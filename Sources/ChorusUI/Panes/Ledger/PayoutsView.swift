import ChorusCore

/// The Payouts view over the Ledger (`p`): the next run as `$` would create it today, who it
/// would leave out and why, then every run with its status; Enter shows one run's payments
/// with what the processor said. Finance marks a run paid (`m`) or reconciles it from the
/// processor's report (`R`) from here.
public struct PayoutsView: Hashable, Sendable {
    /// The run whose payments are shown; nil for the list of runs.
    public var run: Int?
    /// The cursor over the runs, newest first.
    public var cursor = 0

    public init(run: Int? = nil, cursor: Int = 0) {
        self.run = run
        self.cursor = cursor
    }

    /// The runs as listed, newest first.
    static func runs(_ workspace: Workspace) -> [PayoutRun] { workspace.payoutRuns.reversed() }

    /// The run the keys act on: the one shown, else the one under the cursor.
    func selectedRun(_ workspace: Workspace) -> PayoutRun? {
        if let run { return workspace.payoutRun(run) }
        return Self.runs(workspace)[safe: cursor]
    }

    var title: String {
        run.map { "Payout run \($0) — m marks paid · R reconciles from a file · Esc back" }
            ?? "Payouts — j/k a run · Enter its payments · $ creates the next · m paid · R reconcile · Esc closes"
    }

    /// `ordersLoading`: the next run is not worked out while the order history loads, since
    /// its commission items name orders.
    func lines(_ workspace: Workspace, ledger: Ledger?, ordersLoading: Bool) -> [CreatorDetail.Line] {
        typealias Line = CreatorDetail.Line
        let money = { Money(minorUnits: $0, currency: workspace.program.currency).description }
        let handle = { (id: CreatorID) in workspace.creator(id).map { "@" + $0.handle } ?? id.rawValue }
        if let number = run, let run = workspace.payoutRun(number) {
            var lines = [Line(label: "Status", value: "\(run.status) · created \(run.createdOn)"
                                + (run.paidOn.map { " · marked paid \($0)" } ?? "") + " · \(money(run.total))")]
            for payment in run.payments {
                let method = workspace.creator(payment.creatorID)?.payoutProfile?.method?.label ?? "no method"
                let state = run.state(of: payment)
                let reason = payment.outcome?.reason.map { " (\($0))" } ?? ""
                lines.append(Line(label: "", value: "\(handle(payment.creatorID)) · \(money(payment.total)) · \(method) · "
                                    + "\(run.itemID(for: payment.creatorID)) · \(state.label)\(reason)",
                                  role: state == .returned ? .warning : state == .paid ? .mutedText : .text))
            }
            for leftOut in run.leftOut ?? [] {
                lines.append(Line(label: "", value: "\(handle(leftOut.creatorID)) · \(money(leftOut.amount)) · left out: \(leftOut.reason)",
                                  role: .warning))
            }
            return lines
        }
        var lines: [Line] = []
        if ordersLoading {
            lines.append(Line(label: "Next run", value: "worked out once the order history is loaded", role: .mutedText))
        } else if let ledger {
            let next = Payouts.nextRun(workspace, ledger: ledger)
            let leftOut = next.leftOut ?? []
            lines.append(Line(label: "Next run", value: next.payments.isEmpty ? "nothing is payable and unpaid above the minimum payout today"
                                : "\(next.payments.count) creator\(next.payments.count == 1 ? "" : "s"), \(money(next.total))"
                                  + (leftOut.isEmpty ? "" : ", \(leftOut.count) left out") + " if created today ($)"))
            for payment in next.payments.prefix(5) {
                lines.append(Line(label: "", value: "\(handle(payment.creatorID)) · \(money(payment.total)): "
                                    + payment.items.map(\.key).joined(separator: ", "), role: .mutedText))
            }
            if next.payments.count > 5 { lines.append(Line(label: "", value: "… and \(next.payments.count - 5) more", role: .mutedText)) }
            for out in leftOut {
                lines.append(Line(label: "", value: "\(handle(out.creatorID)) · \(money(out.amount)) left out: \(out.reason)", role: .warning))
            }
        }
        let runs = Self.runs(workspace)
        if runs.isEmpty { lines.append(Line(label: "Runs", value: "none yet", role: .mutedText)) }
        for (index, run) in runs.enumerated() {
            let leftOut = run.leftOut.map { " · \($0.count) left out" } ?? ""
            lines.append(Line(label: "Run \(run.number)",
                              value: "\(run.status) · \(run.createdOn) · \(run.payments.count) creators · \(money(run.total))\(leftOut)",
                              role: index == cursor ? .selection : .text))
        }
        return lines
    }
}
