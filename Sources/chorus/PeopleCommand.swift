import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus people …`: who works the program and in which roles. Changes are journaled commands
/// that only an admin may send; the first person added makes the one adding them admin, so
/// setting up roles never locks anyone out.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "Who works the program, and their roles.",
        discussion: """
        Roles: \(Role.allCases.map { "\($0.rawValue) (\($0.purpose))" }.joined(separator: "; ")). \
        A program with no people lets everyone do everything; once someone is added, people not on the list may only look. \
        On a workspace on a PostgreSQL server, the people are the server's logins holding the workspace's roles, \
        and the database enforces them.
        """,
        subcommands: [PeopleAddCommand.self, PeopleRemoveCommand.self, PeopleListCommand.self, PeopleActingAsCommand.self,
                      PeopleRolesCommand.self],
        defaultSubcommand: PeopleListCommand.self)

    /// Performs one people command and prints what it did.
    static func perform(_ command: Command, in workspace: WorkspaceOption) throws {
        let store = try WritableWorkspace.open(workspace.url)
        defer { store.close() }
        try Output.print(try store.perform(command, context: Clock.context).summary)
    }
}

struct PeopleAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person with their roles, or change an existing person's roles.",
        discussion: "chorus people add sam --role seeding; chorus people add maria --role ops,finance.")

    @Argument(help: ArgumentHelp("The person's login, as the journal records it.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("One role or several, separated by commas: \(Role.names).", valueName: "role"))
    var role: String
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let roles: [Role]
            do { roles = try Role.list(role) } catch let error as DomainError { throw CLIFailure(message: "--role: \(error.message)") }
            if let address = try ServerWorkspace.address(workspace.url) {
                return try PeopleOnAServer.add(name, roles: roles, at: address, workspace: workspace)
            }
            try PeopleCommand.perform(.setRoles(person: name, roles: roles.sorted()), in: workspace)
        }
    }
}

struct PeopleRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take a person off the program's people.")

    @Argument(help: ArgumentHelp("The person's login.", valueName: "name")) var name: String
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            if let address = try ServerWorkspace.address(workspace.url) { return try PeopleOnAServer.remove(name, at: address, workspace: workspace) }
            try PeopleCommand.perform(.removePerson(name), in: workspace)
        }
    }
}

struct PeopleListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The program's people and their roles.",
        discussion: "JSON output is an array of objects: name and roles.")

    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            if let address = try ServerWorkspace.address(workspace.url) { return try PeopleOnAServer.list(at: address, format: format) }
            let store = try workspace.openForReading()
            guard let people = store.workspace.program.people else {
                if format == .table {
                    try Output.print("no people yet: everyone may do everything (chorus people add NAME --role ROLE sets up roles)")
                } else {
                    try Output.print(Listing(rows: [PersonRow]()).rendered(as: format))
                }
                return
            }
            try Output.print(Listing(rows: people.people.sorted { $0.name < $1.name }.map(PersonRow.init)).rendered(as: format))
            if format == .table {
                try Output.print(people.allowsActingAs ? "acting as someone else (chorus --as) is allowed"
                                 : "acting as someone else (chorus --as) is not allowed")
            }
        }
    }
}

struct PeopleActingAsCommand: ParsableCommand {
    enum Choice: String, ExpressibleByArgument, CaseIterable { case allow, refuse }

    static let configuration = CommandConfiguration(
        commandName: "acting-as", abstract: "Allow or refuse chorus --as NAME (acting as someone other than the login).")

    @Argument(help: ArgumentHelp("allow or refuse.", valueName: "choice")) var choice: Choice
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors { try PeopleCommand.perform(.allowActingAs(choice == .allow), in: workspace) }
    }
}

/// `chorus people roles`: who may do what, as the README's table (Markdown).
struct PeopleRolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "roles", abstract: "Print what each role may change (Markdown).")

    func run() throws {
        try reportingErrors { try Output.print(Permissions.markdownTable()) }
    }
}

struct PersonRow: ListRow {
    var name: String
    var roles: [String]

    init(_ person: Person) {
        name = person.name
        roles = person.roles.sorted().map(\.rawValue)
    }

    static let columns = ["name", "roles"]
    var cells: [String] { [name, roles.joined(separator: ", ")] }
}
