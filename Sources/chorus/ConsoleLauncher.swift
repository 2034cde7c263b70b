import ArgumentParser
import ChorusCore
import ChorusStore
import ChorusTerminal
import ChorusUI
import Foundation

struct ConsoleFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Colour theme from Themes/ (default, light, high-contrast, mono).", valueName: "name"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when $NO_COLOR is set).")
    var noColor = false
}

/// Connects the console to a store: every command the console sends is applied and durably
/// journaled before the console shows its result, so quitting never needs a save.
final class StoreSession: ConsoleSession {
    let store: WorkspaceStore

    init(store: WorkspaceStore) { self.store = store }

    var workspace: Workspace { store.workspace }

    func perform(_ command: Command) throws -> AppliedCommand {
        try store.perform(command, context: Clock.context)
    }
}

enum ConsoleLauncher {
    static func open(_ url: URL, flags: ConsoleFlags) throws {
        let store = try WorkspaceStore.open(at: url, mode: .readWrite)
        defer { store.close() }
        if let notice = store.recoveryNotice { Output.notice(notice) }
        let environment = ProcessInfo.processInfo.environment
        let options = ConsoleOptions(
            themeName: flags.theme ?? environment["CHORUS_THEME"] ?? "default",
            themesDirectory: locateThemes(),
            noColor: flags.noColor || !(environment["NO_COLOR"] ?? "").isEmpty,
            today: Clock.now.day)
        try runConsole(session: StoreSession(store: store), options: options)
        if store.journalLength > 1_000 { try? store.compact() }
    }

    /// `Themes/` in the current folder or above the executable; built-in themes otherwise.
    static func locateThemes() -> URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for _ in 0..<5 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.map { $0.appendingPathComponent("Themes") }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("default.json").path) }
    }
}
