import ChorusCore

/// One creator's details as labelled lines, shared by the side panel and the Enter overlay.
struct CreatorDetail {
    struct Line {
        var label: String
        var value: String
        var role: StyleRole = .text
    }

    let creator: Creator
    let wave: Wave?
    let workspace: Workspace
    let today: Day?
    let attribution: Derived<AttributionResult>
    /// The Pipeline table's context, so the detail and the score column show the same number.
    let fit: FitContext
    /// What a lead bought, as the Pipeline table gathered it for the recruit view.
    var leadPurchases: LeadPurchases? = nil

    var lines: [Line] {
        if creator.isLead { return leadLines }
        var lines = [Line(label: "", value: "@" + creator.handle, role: .title), Line(label: "", value: creator.name)]
        if let wave, let enrollment = workspace.enrollment(creator.id, in: wave.id) {
            let day = enrollment.stageChangedAt.day
            let since = today.map { "for \(counted(day.days(until: $0), "day"))" } ?? "since \(day)"
            lines.append(Line(label: "Stage", value: "\(enrollment.stage.label) \(since)", role: enrollment.stage.isExit ? .danger : .text))
            if let reason = enrollment.exitReason { lines.append(Line(label: "Reason", value: reason, role: .danger)) }
            lines += followUpLines(enrollment)
        }
        lines.append(Line(label: "Tier", value: "\(creator.tier.rawValue) · \(PipelineColumns.compactCount(creator.followers)) followers"))
        for profile in creator.profiles.sorted(by: { $0.followers > $1.followers }) {
            lines.append(Line(label: profile.platform.label, value: "@\(profile.handle) · \(PipelineColumns.compactCount(profile.followers))"))
        }
        lines.append(Line(label: "Engagement", value: Percentage.text(creator.engagementRate)))
        lines.append(Line(label: "Source", value: creator.sources.map(\.label).joined(separator: ", ").nonEmpty ?? "—"))
        if let customer = creator.customer {
            let marketing = customer.acceptsMarketing ? "" : " · no marketing consent"
            lines.append(Line(label: "Customer", value: "\(counted(customer.orders, "order")) · \(customer.totalSpent)\(marketing)",
                              role: customer.acceptsMarketing ? .text : .warning))
        }
        if let country = creator.country { lines.append(Line(label: "Country", value: country)) }
        if !creator.niches.isEmpty { lines.append(Line(label: "Niches", value: creator.niches.joined(separator: ", "))) }
        lines += scoreLines
        lines += attributionLines
        lines += trackingLines
        if let email = creator.email { lines.append(Line(label: "Email", value: email)) }
        if let phone = creator.phone { lines.append(Line(label: "Phone", value: phone)) }
        if let address = creator.address {
            let parts: [String?] = [address.line1, address.line2, [address.postalCode, address.city].joined(separator: " "), address.region, address.country]
            lines.append(Line(label: "Address", value: parts.compactMap { $0 }.joined(separator: ", ")))
        }
        if let payout = creator.payoutEmail { lines.append(Line(label: "Payout to", value: payout)) }
        if !creator.aliases.isEmpty {
            lines.append(Line(label: "Also called", value: creator.aliases.map { "\"\($0)\"" }.joined(separator: ", "), role: .mutedText))
        }
        if let note = creator.note { lines.append(Line(label: "Note", value: note, role: .mutedText)) }
        if let payout = creator.payoutProfile {
            let parts = [payout.method?.label, payout.taxFormStatus, payout.taxCountry.map { "taxed in \($0)" }]
            lines.append(Line(label: "Payout", value: parts.compactMap { $0 }.joined(separator: " · "),
                              role: workspace.program.settings.requireTaxForm && !payout.hasTaxForm ? .warning : .text))
        }
        return lines
    }

    /// The score and every part that made it, so a coordinator sees why a creator ranks where they do.
    private var scoreLines: [Line] {
        let score = FitScore(creator, context: fit)
        var lines = [Line(label: "Fit score", value: "\(Int(score.value.rounded())) of 100", role: .info)]
        let parts = score.parts.filter { $0.maximum > 0 }.map { "\($0.name) \(Int($0.points.rounded()))/\(Int($0.maximum.rounded()))" }
        for start in stride(from: 0, to: parts.count, by: 3) {
            lines.append(Line(label: "", value: parts[start..<min(parts.count, start + 3)].joined(separator: " · "), role: .mutedText))
        }
        return lines
    }

    /// Direct and assisted orders and net revenue, the same figures as `chorus report attribution`.
    private var attributionLines: [Line] {
        switch attribution {
        case .loadingOrders:
            return [Line(label: "", value: "attribution: loading orders…", role: .mutedText)]
        case .ordersUnreadable:
            return [Line(label: "", value: "attribution: " + UnreadableOrderHistory.short, role: .warning)]
        case .computing:
            return [Line(label: "", value: "attribution: computing…", role: .mutedText)]
        case .ready(let result):
            let (totals, currency) = (result.totals(for: creator.id), result.currency)
            let figure = { (orders: Int, revenue: Int64) in
                "\(orders) \(orders == 1 ? "order" : "orders") · \(Money(minorUnits: revenue, currency: currency))"
            }
            return [Line(label: "Direct", value: figure(totals.directOrders, totals.directNetRevenue)),
                    Line(label: "Assisted", value: figure(totals.assistedOrders, totals.assistedNetRevenue))]
        }
    }

    /// The creator's discount codes and the tracking link for the wave on screen: what a
    /// coordinator pastes into the onboarding email.
    private var trackingLines: [Line] {
        let currency = workspace.program.currency
        var lines = workspace.discountCodes.filter { $0.creatorID == creator.id }.map { code in
            let value = code.kind == .percent ? "\(code.valueText(currency: currency)) %" : "\(code.valueText(currency: currency)) \(currency)"
            let limit = code.usageLimit.map { " · \($0) uses" } ?? ""
            let window = code.validUntil.map { " · until \($0)" } ?? ""
            return Line(label: "Code", value: "\(code.code) · \(value)\(limit)\(window)")
        }
        if let wave { lines.append(Line(label: "Link", value: workspace.trackingURL(for: creator, in: wave), role: .mutedText)) }
        lines.append(Line(label: "Link slug", value: creator.effectiveLinkSlug))
        return lines
    }

    static let labelWidth = 11
}

extension String {
    /// Nil for an empty string, for "or a dash" fallbacks.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension CreatorDetail {
    /// The creator's own due date (and how late), and the messages drafted or sent: `late drafted 3d ago`.
    func followUpLines(_ enrollment: Enrollment) -> [Line] {
        var lines: [Line] = []
        if enrollment.stage.owesContent || enrollment.dueDate != nil, let due = workspace.dueDate(of: enrollment) {
            let late = today.flatMap { workspace.daysLate(enrollment, today: $0) }
            lines.append(Line(label: "Due", value: late.map { "\(due) · \($0)d late" } ?? due.description, role: late == nil ? .text : .warning))
        }
        for message in enrollment.correspondence.reversed() {
            lines.append(Line(label: "Message", value: today.map { message.label(today: $0) } ?? message.kind.label, role: .mutedText))
        }
        return lines
    }
}
