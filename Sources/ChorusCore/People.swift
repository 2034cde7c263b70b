/// The people who work the program and their roles, kept in the program's settings so every
/// process sharing the workspace judges a command by the same list. A program without a list
/// (every workspace made before roles, and a new one until an admin adds someone) lets
/// everyone do everything.
public struct ProgramPeople: Hashable, Sendable, Codable {
    public var people: [Person]
    /// Whether `chorus --as NAME` may act as someone other than the login (a shared machine
    /// account at the packing table); off unless an admin turns it on.
    public var allowsActingAs: Bool

    public init(people: [Person] = [], allowsActingAs: Bool = false) {
        self.people = people
        self.allowsActingAs = allowsActingAs
    }

    /// `program.json` is edited by hand: a list written without the setting leaves it off.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(people: try container.decode([Person].self, forKey: .people),
                  allowsActingAs: try container.decodeIfPresent(Bool.self, forKey: .allowsActingAs) ?? false)
    }

    public func person(named name: String) -> Person? { people.first { $0.name == name } }

    /// The roles `name` holds: none for someone not on the list, who may only look.
    public func roles(of name: String) -> Set<Role> { person(named: name)?.roles ?? [] }

    /// Why `name` may not issue `kind`, in their words, or nil when they may: "sam is seeding;
    /// approving drafts needs the ops role".
    public func refusal(of kind: Command.Kind, by name: String) -> String? {
        guard let person = person(named: name) else {
            return "\(name) is not among the program's people; \(kind.requirement) (an admin adds them: chorus people add \(name) --role ROLE)"
        }
        guard !kind.isAllowed(for: person.roles) else { return nil }
        return "\(name) is \(person.description); \(kind.requirement)"
    }
}

/// One person: their login (what the journal records as the actor) and their roles.
public struct Person: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var roles: Set<Role>

    public init(name: String, roles: Set<Role>) {
        self.name = name
        self.roles = roles
    }

    /// "seeding and finance", "a reader".
    public var description: String {
        let words = roles.sorted().map(\.asComplement)
        return words.count <= 1 ? words.first ?? "a reader" : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(roles.sorted(), forKey: .roles)
    }
}

extension Program {
    /// Why the person `name` may not issue `command`, or nil when they may. Undo and redo are
    /// judged as the command they take back.
    public func refusal(of command: Command, by name: String) -> String? {
        people?.refusal(of: command.authorizingKind, by: name)
    }

    /// Why `login` may not act as `actor` (`chorus --as`), or nil when they may: where the
    /// program has no people list, or an admin allowed it.
    public func actingAsRefusal(actor: String, login: String) -> String? {
        guard actor != login, let people, !people.allowsActingAs else { return nil }
        return "acting as \(actor) is not allowed in this program: run chorus as yourself (\(login)), "
            + "or an admin allows it with chorus people acting-as allow"
    }
}

extension Workspace {
    /// The workspace with `people` in place of the program's list: on a server, the database's
    /// logins and roles, which are what it enforces, are what a console judges keys by.
    public func judgingBy(_ people: ProgramPeople) -> Workspace {
        var copy = self
        copy.program.people = people
        return copy
    }
}
