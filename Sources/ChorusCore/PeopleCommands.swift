/// Adding people, changing their roles and the acting-as setting. Who may send these is the
/// permission table's business (admin only); these rules keep the list usable: there is always
/// an admin, and the first person added brings the one adding them in as admin, so setting up
/// roles never locks a brand out of its own program.
extension ChangeRecorder {
    mutating func setRoles(of name: String, to roles: [Role], _ context: CommandContext) throws -> String {
        let name = try Self.personName(name)
        guard !roles.isEmpty else { throw DomainError("give \(name) a role: \(Role.names) (reader only looks)") }
        var program = workspace.program
        let isFirst = program.people == nil
        var people = program.people ?? ProgramPeople()
        var summary = ""
        if isFirst, context.actor != name {
            people.people.append(Person(name: context.actor, roles: [.admin]))
            summary = "; \(context.actor) is admin, as the one who set up the program's people"
        }
        var person = Person(name: name, roles: Set(roles))
        if isFirst, context.actor == name, !person.roles.contains(.admin) {
            person.roles.insert(.admin)
            summary = " (and admin, as the one who set up the program's people)"
        }
        let isNew = people.person(named: name) == nil
        if let index = people.people.firstIndex(where: { $0.name == name }) { people.people[index] = person } else { people.people.append(person) }
        try Self.requireAdmin(in: people, changing: name)
        program.people = people
        put(program)
        return (isNew ? "added \(name) as \(person.description)" : "\(name) is now \(person.description)") + summary
    }

    mutating func removePerson(_ name: String, _ context: CommandContext) throws -> String {
        var program = workspace.program
        guard var people = program.people, let index = people.people.firstIndex(where: { $0.name == name }) else {
            throw DomainError("nobody named \(name) is among the program's people (chorus people list shows them)")
        }
        people.people.remove(at: index)
        try Self.requireAdmin(in: people, changing: name)
        program.people = people
        put(program)
        return "removed \(name) from the program's people"
    }

    mutating func allowActingAs(_ allowed: Bool) throws -> String {
        var program = workspace.program
        guard var people = program.people else {
            throw DomainError("the program has no people yet, so anyone may act as anyone; add people first: chorus people add NAME --role ROLE")
        }
        people.allowsActingAs = allowed
        program.people = people
        put(program)
        return allowed ? "people may now act as someone else (chorus --as NAME)" : "people may no longer act as someone else (chorus --as)"
    }

    /// A login as the journal records it: no spaces, no commas (`--role` lists use them).
    private static func personName(_ name: String) throws -> String {
        let trimmed = try requireText(name, "a person's name (their login)")
        guard !trimmed.contains(where: { $0.isWhitespace || $0 == "," }) else {
            throw DomainError("'\(trimmed)' is not a login name: a person is named by their login, without spaces or commas")
        }
        return trimmed
    }

    private static func requireAdmin(in people: ProgramPeople, changing name: String) throws {
        guard people.people.contains(where: { $0.roles.contains(.admin) }) else {
            throw DomainError("\(name) is the program's only admin; make someone else admin first (chorus people add NAME --role admin)")
        }
    }
}
