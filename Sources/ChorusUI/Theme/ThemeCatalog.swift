import Foundation

/// Every theme the console can switch to: the built-in default plus `Themes/*.json`.
///
/// A broken theme file must never stop a coordinator from working, so each problem becomes a
/// sentence in `problems` (shown in the status bar) and that theme is left out; the default
/// always exists.
public struct ThemeCatalog: Sendable {
    public static let defaultName = "default"

    /// Theme names, the default first, then alphabetical.
    public private(set) var names: [String]
    /// One sentence per theme file that could not be used.
    public private(set) var problems: [String]
    private var themes: [String: Theme]

    /// Loads `directory/*.json`; nil means the built-in default only.
    public init(directory: URL?) {
        var files: [String: ThemeFile] = [:]
        var problems: [String] = []
        for url in Self.themeFiles(in: directory) {
            let name = url.deletingPathExtension().lastPathComponent
            do {
                files[name] = try JSONDecoder().decode(ThemeFile.self, from: Data(contentsOf: url))
            } catch {
                problems.append("theme \(url.lastPathComponent) is not valid (\(Self.describe(error))); using the default theme")
            }
        }
        var themes: [String: Theme] = [:]
        for name in Set(files.keys).union([Self.defaultName]) {
            do {
                themes[name] = try Self.flatten(name, files: files, visiting: []).resolved(name: name)
            } catch {
                problems.append("theme \(name): \(error.message); using the default theme")
            }
        }
        if themes[Self.defaultName] == nil {
            themes[Self.defaultName] = try? ThemeFile.builtInDefault.resolved(name: Self.defaultName)
        }
        self.themes = themes
        self.problems = problems.sorted()
        names = [Self.defaultName] + themes.keys.filter { $0 != Self.defaultName }.sorted()
    }

    public func theme(named name: String) -> Theme? { themes[name] }

    /// The default theme; it always resolves, because the built-in one is checked by tests.
    public var defaultTheme: Theme { themes[Self.defaultName] ?? Theme(name: Self.defaultName, styles: [:]) }

    /// The theme after `name`, for the switch-theme key.
    public func name(after name: String) -> String {
        guard let index = names.firstIndex(of: name) else { return Self.defaultName }
        return names[(index + 1) % names.count]
    }

    /// A theme file with its parents laid underneath it; `default` sits on the built-in one.
    private static func flatten(_ name: String, files: [String: ThemeFile], visiting: Set<String>) throws(ThemeError) -> ThemeFile {
        if name == defaultName { return files[name].map { $0.layered(over: .builtInDefault) } ?? .builtInDefault }
        guard let file = files[name] else { throw ThemeError("there is no theme named \"\(name)\"") }
        guard !visiting.contains(name) else { throw ThemeError("themes inherit from each other in a circle") }
        let parent = try flatten(file.inherits ?? defaultName, files: files, visiting: visiting.union([name]))
        return file.layered(over: parent)
    }

    private static func themeFiles(in directory: URL?) -> [URL] {
        guard let directory,
              let contents = try? FileManager.default.contentsOfDirectory(at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
        else { return [] }
        return contents.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            return "not well-formed JSON"
        case DecodingError.dataCorrupted(let context):
            return "bad value at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong kind of value at \"\(path)\""
        case let error as DecodingError:
            return String(describing: error)
        default:
            return error.localizedDescription
        }
    }
}
