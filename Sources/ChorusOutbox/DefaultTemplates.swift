import ChorusCore

/// The templates a new workspace starts with (`chorus init` writes them; the sample program's
/// copies are in `sample-data/workspace/templates/`). Coordinators are expected to rewrite them.
public enum DefaultTemplates {
    /// The file for `kind` with its front matter, sent from `from` (`Brand <creators@brand.example>`).
    public static func text(_ kind: MessageKind, from: String) -> String {
        let (subject, body) = content(kind)
        return "---\nsubject: \(subject)\nfrom: \(from)\n---\n\n\(body)\n"
    }

    public static func fileName(_ kind: MessageKind) -> String { kind.rawValue + ".md" }

    private static func content(_ kind: MessageKind) -> (subject: String, body: String) {
        let signOff = "\n\nWarmly,\nThe creator team"
        switch kind {
        case .invite:
            return ("{{first_name}}, join our creators for {{wave}}", """
                Hi {{first_name}},

                We love what you make as {{handle}} and would like to send you {{products}} to try, \
                for {{wave}} of our creator program. No strings beyond an honest post.

                If you are in, reply to this email and we will send the brief.
                """ + signOff)
        case .apply:
            return ("{{first_name}}, you could be one of our creators", """
                Hi {{first_name}},

                You are one of our most loyal customers, and we are starting a creator program. \
                If you post on Instagram, TikTok or YouTube, reply with your handle and we will \
                tell you more about {{wave}}.
                """ + signOff)
        case .brief:
            return ("Your brief for {{wave}}", """
                Hi {{first_name}},

                Welcome to {{wave}}! You will receive {{products}}.

                Your content is due on {{due_date}}. Your code is {{code}} and your link is {{link}}.
                The full brief is attached as a printable page.
                """ + signOff)
        case .shipped:
            return ("Your parcel is on its way", """
                Hi {{first_name}},

                {{products}} left our warehouse with {{carrier}}, tracking number {{tracking_number}}.
                """ + signOff)
        case .nudge1:
            return ("How are you getting on with {{products}}?", """
                Hi {{first_name}},

                Your parcel arrived a week ago. We hope you like it! Your content is due on {{due_date}}.
                """ + signOff)
        case .nudge2:
            return ("A reminder about {{wave}}", """
                Hi {{first_name}},

                Just checking in: we have not seen your content for {{wave}} yet. It is due on {{due_date}}.
                """ + signOff)
        case .nudge3:
            return ("Last reminder: {{wave}}", """
                Hi {{first_name}},

                We have not heard from you since your parcel arrived. Please reply either way, \
                so we know whether to expect your content.
                """ + signOff)
        case .late:
            return ("Your content for {{wave}} was due on {{due_date}}", """
                Hi {{first_name}},

                Your content for {{wave}} was due on {{due_date}}. If you need more time, reply \
                and tell us when to expect it.
                """ + signOff)
        case .changesRequested:
            return ("A few changes to your {{wave}} post", """
                Hi {{first_name}},

                Thank you for your draft! Before it goes live, please change this:

                {{note}}
                """ + signOff)
        case .approved:
            return ("Your {{wave}} post is approved", """
                Hi {{first_name}},

                Your content is approved; post it whenever you are ready. Remember your code {{code}} \
                and your link {{link}}.
                """ + signOff)
        case .rightsRenewal:
            return ("Renewing the rights to your {{wave}} content", """
                Hi {{first_name}},

                The rights you granted us to use your {{wave}} content end on {{rights_end}}. \
                Would you extend them? Reply and we will send the terms.
                """ + signOff)
        case .payout:
            return ("Your payout of {{amount}}", """
                Hi {{first_name}},

                We are paying you {{amount}} for {{wave}}. Thank you for being part of it!
                """ + signOff)
        }
    }
}
