import ChorusCore

/// One wave's brief and incentive plan as labelled lines: what creators are sent, what their
/// content must and must not say, what is due when, and what they earn — the panel a manager
/// reads before copying a wave into the next one.
struct WaveDetail {
    let wave: Wave
    let workspace: Workspace
    /// The wave's ledger figures, once the ledger is built.
    var results: Ledger.KPIs?

    var lines: [CreatorDetail.Line] {
        typealias Line = CreatorDetail.Line
        let brief = wave.brief, plan = wave.incentivePlan
        let currency = workspace.program.currency
        let none = "—"
        var lines = [Line(label: "", value: wave.name, role: .title),
                     Line(label: "", value: "\(wave.status.label) · slug \(wave.slug)", role: .mutedText),
                     Line(label: "Budget", value: wave.budget.description)]
        if let results {
            // What the wave earned, by the ledger's rules: ROAS says what came back, ROI on margin what was earned.
            let money = { Money(minorUnits: $0, currency: currency).decimalString }
            let value = "spent \(money(results.costs.total)) · ROAS \(LedgerFigures.roas(results.roasHundredths)) · "
                + "ROI on margin \(LedgerFigures.roi(results.roiBasisPoints)) · contribution margin \(money(results.contributionMargin))"
            lines.append(Line(label: "Results", value: value, role: results.contributionMargin < 0 ? .danger : .text))
        }
        let products = brief.products.map { product in
            "\(workspace.sku(product.sku)?.name ?? product.sku.rawValue) ×\(product.quantity)"
        }
        lines.append(Line(label: "Products", value: products.joined(separator: ", ").nonEmpty ?? none))
        for (index, message) in brief.keyMessages.enumerated() {
            lines.append(Line(label: index == 0 ? "Messages" : " ", value: message))
        }
        lines.append(Line(label: "Hashtags", value: brief.requiredHashtags.joined(separator: " ").nonEmpty ?? none))
        lines.append(Line(label: "Mentions", value: brief.requiredMentions.joined(separator: " ").nonEmpty ?? none))
        lines.append(Line(label: "Banned", value: brief.bannedWords.joined(separator: ", ").nonEmpty ?? none,
                          role: brief.bannedWords.isEmpty ? .text : .warning))
        for (index, deliverable) in brief.deliverables.enumerated() {
            let due = deliverable.dueDate.map { " due \($0)" } ?? ""
            lines.append(Line(label: index == 0 ? "Deliver" : " ", value: "\(deliverable.platform.label) \(deliverable.format.rawValue)\(due)"))
        }
        if !brief.deliverables.isEmpty {
            let rights = DeliverableRightsText.text(brief.deliverables)
            lines.append(Line(label: "Rights", value: rights.nonEmpty ?? "not agreed: drafts fail the usage-rights check",
                              role: rights.isEmpty ? .warning : .text))
        }
        var parts = plan.gifting ? ["gifting"] : []
        if let fee = plan.flatFee { parts.append("flat fee \(fee)") }
        if let credit = plan.storeCredit { parts.append("store credit \(credit)") }
        if let commission = plan.commissionBasisPoints { parts.append("\(BriefText.percent(commission)) % commission") }
        lines.append(Line(label: "Incentives", value: parts.joined(separator: " · ").nonEmpty ?? none, role: .info))
        if !plan.bonusTiers.isEmpty {
            lines.append(Line(label: "Bonuses", value: BriefText.bonusTiers(plan.bonusTiers, currency)))
        }
        return lines
    }
}
