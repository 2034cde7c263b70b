/// `chorus --as NAME …`: acting as someone other than the login, as at a packing table where
/// the warehouse shares one machine account. The program's settings must allow it (`chorus
/// people acting-as allow`); the store refuses every write otherwise (see
/// `Program.actingAsRefusal`). Read once, before the arguments are parsed, so it works before
/// any subcommand, like `-w`.
enum ActingPerson {
    /// The name after `--as`, if one was given.
    nonisolated(unsafe) static var requested: String?

    /// The arguments without a leading `--as NAME` / `--as=NAME` (among leading `-w DIR`
    /// options too), and the name.
    static func extracted(_ arguments: [String]) -> (name: String?, rest: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--as", index + 1 < arguments.count {
                return (arguments[index + 1], Array(arguments[..<index] + arguments[(index + 2)...]))
            }
            if argument.hasPrefix("--as=") {
                return (String(argument.dropFirst(5)), Array(arguments[..<index] + arguments[(index + 1)...]))
            }
            // Only the leading options are the program's own; after them come a subcommand's.
            if argument == "-w" || argument == "--workspace" { index += 2 } else if argument.hasPrefix("--workspace=") { index += 1 } else { break }
        }
        return (nil, arguments)
    }
}
