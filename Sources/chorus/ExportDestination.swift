import ArgumentParser
import Foundation

/// Where an export goes: stdout by default, so it pipes into other tools, or `--output FILE`,
/// which never replaces an existing file unless `--force` says so — an export of addresses
/// written over yesterday's signed-off pick list is a mistake nobody can undo.
struct ExportDestination: ParsableArguments {
    @Option(name: [.customLong("output"), .customShort("o")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    func write(_ bytes: [UInt8]) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: output)
        if !force, FileManager.default.fileExists(atPath: url.path) {
            throw CLIFailure(message: "\(output) already exists; use --force to replace it")
        }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw CLIFailure(message: "cannot write \(output): \(error.localizedDescription)")
        }
    }
}
