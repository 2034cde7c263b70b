import ChorusCore
import Foundation

/// One drafted message as an RFC 5322 file (`.eml`) that mail clients open and `sendmail -t`
/// sends: CRLF line ends, UTF-8 body, and RFC 2047 encoded words wherever a header carries
/// non-ASCII text (a name such as Zoë, a subject with an em dash).
public struct EmailMessage: Hashable, Sendable {
    public var from: String
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var body: String
    public var date: Timestamp
    public var messageID: String

    public init(from: String, toName: String, toAddress: String, subject: String, body: String, date: Timestamp, messageID: String) {
        self.from = from
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The file's bytes.
    public var eml: String {
        var lines = [
            "From: " + Self.mailbox(from),
            "To: " + Self.mailbox(name: toName, address: toAddress),
            "Subject: " + Self.headerText(subject),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "X-Mailer: Chorus",
            "",
        ]
        lines += body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { Self.escapingLoneDot(String($0)) }
        return lines.joined(separator: "\r\n")
    }

    /// `Name <address>` as written in a template's `from:`, with the name encoded as needed.
    static func mailbox(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return text.trimmingWhitespace }
        return mailbox(name: String(text[..<open]).trimmingWhitespace, address: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    }

    static func mailbox(name: String, address: String) -> String {
        let name = name.trimmingWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard !name.isEmpty else { return "<\(address)>" }
        if !name.allSatisfy(\.isASCII) { return "\(encodedWords(name)) <\(address)>" }
        let atext = name.allSatisfy { $0.isLetter || $0.isNumber || " !#$%&'*+-/=?^_`{|}~".contains($0) }
        return atext ? "\(name) <\(address)>" : "\"\(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\" <\(address)>"
    }

    /// ASCII text as is; anything else as UTF-8 base64 encoded words, each under 76 characters
    /// and never splitting a character, folded onto continuation lines.
    static func headerText(_ text: String) -> String {
        text.allSatisfy(\.isASCII) ? text : encodedWords(text)
    }

    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }

    /// A body line of a single `.` ends the message for `sendmail` without `-i`.
    private static func escapingLoneDot(_ line: String) -> String { line == "." ? ".." : line }

    static func rfc5322Date(_ timestamp: Timestamp) -> String {
        let day = timestamp.day
        let (year, month, dayOfMonth) = day.components
        let seconds = Int(timestamp.secondsSinceEpoch - Timestamp(day: day).secondsSinceEpoch)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[day.weekday - 1]), \(dayOfMonth) \(months[month - 1]) \(year) "
            + "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) +0000"
    }
}
