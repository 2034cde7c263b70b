import ChorusCore

extension CreatorDetail {
    /// A lead's details: who they are, what they bought and whether they were asked to apply;
    /// no tier, score or links, which belong to creators.
    var leadLines: [Line] {
        var lines = [Line(label: "", value: "lead · no handle", role: .title), Line(label: "", value: creator.name)]
        if let email = creator.email { lines.append(Line(label: "Email", value: email)) }
        let purchases = leadPurchases ?? LeadPurchases(orders: creator.customer?.orders ?? 0,
                                                       spent: creator.customer?.totalSpent ?? .zero(workspace.program.currency), products: [])
        lines.append(Line(label: "Bought", value: purchases.summary))
        if !creator.isContactable { lines.append(Line(label: "Marketing", value: "not accepted: cannot be asked to apply", role: .warning)) }
        if let invitation = creator.invitationToApply {
            lines.append(Line(label: "Apply", value: today.map { invitation.label(today: $0) } ?? invitation.kind.label, role: .mutedText))
        }
        lines.append(Line(label: "Source", value: creator.sources.map(\.label).joined(separator: ", ").nonEmpty ?? "—"))
        if let country = creator.country { lines.append(Line(label: "Country", value: country)) }
        if let note = creator.note { lines.append(Line(label: "Note", value: note, role: .mutedText)) }
        lines.append(Line(label: "", value: "m drafts apply · e adds their handle", role: .mutedText))
        return lines
    }
}
