import ChorusCore
import Mustache

/// One kind of message as the coordinator wrote it: `templates/nudge-1.md`, front matter with
/// `subject:` and `from:`, then the body in Markdown.
///
/// Rendering is swift-mustache's (a maintained, spec-tested Mustache engine) rather than our own
/// substitution, so sections (`{{#code}}…{{/code}}`) and escaping rules behave as documented.
/// Chorus adds one rule Mustache lacks: every field must be one of `MergeField`, because a
/// misspelt field would otherwise send an empty gap to every creator.
public struct MessageTemplate: Sendable {
    public var kind: MessageKind
    public var file: String
    public var from: String
    let subject: MustacheTemplate
    let body: MustacheTemplate

    /// Parses and checks a template file's text; `file` names it in errors.
    public init(kind: MessageKind, file: String, text: String) throws {
        self.kind = kind
        self.file = file
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingWhitespace == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace == "---" }) else {
            throw TemplateError(file: file, line: 1, message: "starts without front matter; begin with --- then subject: and from: lines, then ---")
        }
        var fields: [String: (value: String, line: Int)] = [:]
        for number in 1..<close {
            let line = lines[number]
            if line.trimmingWhitespace.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw TemplateError(file: file, line: number + 1, message: "front matter line is not `name: value`")
            }
            var value = String(line[line.index(after: colon)...]).trimmingWhitespace
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
            fields[String(line[..<colon]).trimmingWhitespace.lowercased()] = (value, number + 1)
        }
        guard let subject = fields["subject"], !subject.value.isEmpty else {
            throw TemplateError(file: file, line: close + 1, message: "has no subject: in its front matter")
        }
        guard let from = fields["from"], !from.value.isEmpty else {
            throw TemplateError(file: file, line: close + 1, message: "has no from: in its front matter (who the message is from, e.g. Lumen <creators@lumen.example>)")
        }
        self.from = from.value
        self.subject = try Self.compile(subject.value, file: file, firstLine: subject.line, lines: lines)
        let bodyText = lines[(close + 1)...].joined(separator: "\n").trimmingCharacters(in: .newlines)
        self.body = try Self.compile(bodyText, file: file, firstLine: close + 2, lines: lines)
    }

    /// Subject and body with `fields` merged in.
    public func render(_ fields: [String: String]) -> (subject: String, body: String) {
        (subject.render(fields).trimmingWhitespace, body.render(fields) + "\n")
    }

    /// Compiles one part as plain text (no HTML escaping: these are emails, not web pages) and
    /// checks every field it asks for by rendering it once with a context that notes the names.
    private static func compile(_ text: String, file: String, firstLine: Int, lines: [String]) throws -> MustacheTemplate {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: firstLine + error.context.lineNumber - 1,
                                message: "is not a valid template here (\(error.error)): \(error.context.line.trimmingWhitespace)")
        }
        let recorder = FieldRecorder()
        _ = template.render(recorder)
        if let unknown = recorder.unknown.first {
            let line = lines.indices.dropFirst(firstLine - 1).first { lines[$0].contains("{{") && lines[$0].contains(unknown) }.map { $0 + 1 } ?? firstLine
            throw TemplateError(file: file, line: line, message: "uses the unknown field {{\(unknown)}}; the fields are \(MergeField.names.joined(separator: ", "))")
        }
        return template
    }
}

/// A Mustache context that answers every merge field with its own name and remembers any other
/// name asked for, in order.
private final class FieldRecorder: MustacheParent {
    var unknown: [String] = []
    func child(named name: String) -> Any? {
        if MergeField(rawValue: name) != nil { return name }
        if !unknown.contains(name) { unknown.append(name) }
        return nil
    }
}

/// A template that cannot be used, with where and what to do.
public struct TemplateError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file), line \(line): the template \(message)" }
}
