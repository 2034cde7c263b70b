import ArgumentParser

/// `chorus -w ws list creators`: people type the workspace first, as with `git -C` or `kubectl
/// -n`. Every subcommand declares `--workspace` itself, so a `-w DIR` / `--workspace DIR` /
/// `--workspace=DIR` written before the subcommand is moved to just after the subcommand's
/// name (`export ledger`), where its own parser reads it exactly as if it had been typed there.
enum LeadingWorkspaceOption {
    static func moved(_ arguments: [String], commands: [ParsableCommand.Type] = Chorus.configuration.subcommands) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "-w" || first == "--workspace", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--workspace=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var path: [String] = []
        var level = commands
        while let name = rest.first, let command = level.first(where: { $0._commandName == name }) {
            path.append(name)
            rest = rest.dropFirst()
            level = command.configuration.subcommands
        }
        return path + leading + rest
    }
}
