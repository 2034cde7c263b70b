import ChorusCore

/// A wave's brief as a document for creators, in Markdown and as a printable HTML page: what
/// they receive, what to say, what to tag, how to disclose, what to post by when, and, for one
/// creator, their own due dates, code and link. Printed, it is the parcel insert.
public struct BriefDocument: Sendable {
    struct Section {
        var title: String
        var items: [String]
    }

    public var title: String
    var sections: [Section] = []
    var deliverables: [(platform: String, format: String, due: String)] = []

    public init(workspace: Workspace, wave: Wave, creator: Creator?) {
        let brief = wave.brief
        title = creator.map { "\(wave.name): your brief, @\($0.handle)" } ?? "\(wave.name): the brief"
        let enrollment = creator.flatMap { workspace.enrollment($0.id, in: wave.id) }
        sections.append(Section(title: "What you receive", items: brief.products.map { product in
            let name = workspace.sku(product.sku)?.name ?? product.sku.rawValue
            return product.quantity > 1 ? "\(product.quantity) × \(name)" : name
        }))
        sections.append(Section(title: "Key messages", items: brief.keyMessages))
        let tags = brief.requiredHashtags.map { $0.hasPrefix("#") ? $0 : "#" + $0 } + brief.requiredMentions.map { $0.hasPrefix("@") ? $0 : "@" + $0 }
        sections.append(Section(title: "Required hashtags and mentions", items: tags))
        let disclosures = Compliance.acceptedDisclosures(enrollment?.incentiveOverride ?? wave.incentivePlan)
        sections.append(Section(title: "Disclosure", items: [
            "Say it is a partnership in the caption or on screen, with one of: \(disclosures.joined(separator: ", ")).",
        ]))
        if !brief.bannedWords.isEmpty { sections.append(Section(title: "Please do not say", items: brief.bannedWords)) }
        deliverables = brief.deliverables.map { deliverable in
            let due = enrollment.map { workspace.dueDate(of: deliverable, for: $0) } ?? deliverable.dueDate
            return (deliverable.platform.label, deliverable.format.rawValue, due?.description ?? "")
        }
        if let creator {
            let fields = workspace.mergeFields(for: creator, wave: wave.id)
            var yours: [String] = []
            if let code = fields[MergeField.code.rawValue], !code.isEmpty { yours.append("Your discount code: \(code)") }
            if let link = fields[MergeField.link.rawValue], !link.isEmpty { yours.append("Your link: \(link)") }
            sections.append(Section(title: "Your code and link", items: yours))
        }
        sections.removeAll { $0.items.isEmpty }
    }

    public var markdown: String {
        var lines = ["# \(title)", ""]
        for section in sections {
            lines += ["## \(section.title)", ""] + section.items.map { "- \($0)" } + [""]
        }
        if !deliverables.isEmpty {
            lines += ["## What to post", "", "| Platform | Format | Due |", "| --- | --- | --- |"]
            lines += deliverables.map { "| \($0.platform) | \($0.format) | \($0.due) |" } + [""]
        }
        return lines.joined(separator: "\n")
    }

    /// A self-contained page (no scripts, no external files) laid out for A4 or Letter.
    public var html: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var body = ["<h1>\(escape(title))</h1>"]
        for section in sections {
            body.append("<h2>\(escape(section.title))</h2>")
            body.append("<ul>" + section.items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        if !deliverables.isEmpty {
            body.append("<h2>What to post</h2>")
            body.append("<table><tr><th>Platform</th><th>Format</th><th>Due</th></tr>"
                        + deliverables.map { "<tr><td>\(escape($0.platform))</td><td>\(escape($0.format))</td><td>\(escape($0.due))</td></tr>" }.joined()
                        + "</table>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            @page { margin: 18mm; }
            body { font: 11pt/1.45 Georgia, serif; max-width: 42em; margin: 2em auto; color: #111; }
            h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 1.4em; }
            table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 0.2em 0.6em; text-align: left; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
