import ChorusCore
import Foundation

/// The workspace's `templates/` folder: one Markdown file per kind of message.
public struct TemplateFolder: Sendable {
    public var url: URL

    public static let folderName = "templates"

    public init(workspaceFolder: URL) { url = workspaceFolder.appendingPathComponent(Self.folderName) }

    /// The template for `kind`, checked; a missing or broken file is an error naming it.
    public func template(_ kind: MessageKind) throws -> MessageTemplate {
        let file = url.appendingPathComponent(DefaultTemplates.fileName(kind))
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw TemplateError(file: "templates/" + DefaultTemplates.fileName(kind), line: 1,
                                message: "is missing; `chorus outbox templates --from \"Brand <creators@brand.example>\"` writes the defaults")
        }
        return try MessageTemplate(kind: kind, file: "templates/" + DefaultTemplates.fileName(kind), text: String(decoding: data, as: UTF8.self))
    }

    /// Writes the default of every kind that has no file yet; returns the kinds written.
    @discardableResult
    public func writeMissingDefaults(from: String) throws -> [MessageKind] {
        try PrivateFiles.makeFolder(url)
        var written: [MessageKind] = []
        for kind in MessageKind.allCases {
            let file = url.appendingPathComponent(DefaultTemplates.fileName(kind))
            if FileManager.default.fileExists(atPath: file.path) { continue }
            try PrivateFiles.write(DefaultTemplates.text(kind, from: from), to: file)
            written.append(kind)
        }
        return written
    }
}
