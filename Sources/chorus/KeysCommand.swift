import ArgumentParser
import ChorusUI

/// `chorus keys`: every key of the console, from the key map declaration itself.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Print the console's key map (Markdown).")

    func run() throws {
        try Output.print(KeyMapReference.markdown())
    }
}
