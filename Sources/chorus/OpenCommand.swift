import ArgumentParser
import ChorusStore
import Foundation

/// Opens the console on an existing workspace.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the console on a workspace (the default).")

    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var console: ConsoleFlags

    func run() throws {
        try reportingErrors {
            let url = workspace.url
            guard try ServerWorkspace.address(url) != nil || FileManager.default.fileExists(atPath: url.appendingPathComponent("chorus.json").path) else {
                throw CLIFailure(message: "no workspace at \(url.path); create one with `chorus init \(url.path)` or try `chorus demo`")
            }
            try ConsoleLauncher.open(url, flags: console)
        }
    }
}

/// Makes a fresh copy of the sample program and opens the console on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Copy the sample program to a new folder and open the console on it.",
        discussion: "The copy goes to --workspace DIR (which must be new or empty) or to a new temporary folder whose path is printed.")

    @Option(name: [.customLong("workspace"), .customShort("w")], help: ArgumentHelp("Where to put the copy (new or empty).", valueName: "dir"))
    var path: String?

    @OptionGroup var console: ConsoleFlags

    func run() throws {
        try reportingErrors {
            let destination = try path.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? SampleWorkspace.makeTemporaryFolder(prefix: "chorus-demo")
            try SampleWorkspace.copy(to: destination)
            Output.notice("demo workspace: \(destination.path)")
            try ConsoleLauncher.open(destination, flags: console)
            Output.notice("your demo workspace is kept at \(destination.path) (chorus --workspace \(destination.path))")
        }
    }
}
