import ChorusStore
import ChorusUI
import Foundation

/// One person's console settings, kept in the workspace as `users/<login>.json`: beside the
/// program's data but not part of it (never journaled, never in a snapshot), so colleagues on
/// one workspace each keep their own theme, wave and carrier.
///
/// Written whole to a temporary file, synced and renamed over the old one, so a crash leaves
/// the old settings or the new, never half of either. A file that cannot be read is ignored
/// with a notice, not an error: settings are a convenience, and must never keep someone out.
final class UserSettingsFile: @unchecked Sendable {
    // @unchecked: used only from the console's thread (its callback runs there).
    let url: URL
    private let fileSystem = POSIXFileSystem()
    /// Why the last save failed, said once the console has closed.
    private(set) var saveFailure: String?

    init(workspace: URL, login: String) {
        url = workspace.appendingPathComponent("users").appendingPathComponent(Self.fileName(for: login))
    }

    /// A login as a file name: letters, digits, `.`, `_` and `-`; anything else becomes `_`.
    static func fileName(for login: String) -> String {
        let safe = String(login.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        })
        return (safe.isEmpty || safe.allSatisfy { $0 == "." } ? "user" : safe) + ".json"
    }

    /// The settings, or the defaults and a sentence saying why the file was ignored.
    func load() -> (settings: UserSettings, notice: String?) {
        guard fileSystem.fileExists(at: url.path) else { return (UserSettings(), nil) }
        do {
            let bytes = try fileSystem.readFile(at: url.path)
            return (try JSONDecoder().decode(UserSettings.self, from: Data(bytes)), nil)
        } catch {
            return (UserSettings(), "your settings in users/\(url.lastPathComponent) could not be read (\(Self.reason(error))); "
                    + "using the defaults, and saving afresh when you change one")
        }
    }

    func save(_ settings: UserSettings) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let bytes = Array(try encoder.encode(settings)) + [0x0A]
            let folder = url.deletingLastPathComponent().path
            try fileSystem.createDirectory(at: folder)
            let temporary = url.path + ".tmp"
            try fileSystem.writeFile(at: temporary, bytes: bytes)
            try fileSystem.renameFile(from: temporary, to: url.path)
            try fileSystem.syncDirectory(at: folder)
            saveFailure = nil
        } catch {
            saveFailure = "could not save your settings to \(url.path): \(error)"
        }
    }

    private static func reason(_ error: Error) -> String {
        if error is DecodingError { return "not a settings file" }
        return String(describing: error)
    }
}
