import ChorusCore

/// The program's roles, enforced where every command passes: after catching up, so a role an
/// admin changed a moment ago counts, and before anything is applied or journaled.
///
/// In a workspace folder this is advisory: anyone who may write the folder's files could
/// write the journal by hand, so the folder's file permissions are the real boundary. A
/// database log checks the same table against the database's own login.
extension WorkspaceStore {
    /// Throws, in the person's words, when the acting person's roles do not allow `command`:
    /// "sam is seeding; approving drafts needs the ops role".
    func requirePermission(for command: Command, by context: CommandContext) throws {
        var program = workspace.program
        if let enforcedPeople { program.people = enforcedPeople }
        if let login = context.login, let refusal = program.actingAsRefusal(actor: context.actor, login: login) {
            throw DomainError(refusal)
        }
        if let refusal = program.refusal(of: command, by: context.actor) { throw DomainError(refusal) }
        if let refusal = workspace.payoutRefusal(of: command, by: context.actor, among: program.people) { throw DomainError(refusal) }
    }

    /// The workspace as the person's roles are judged in it: with the people someone else
    /// enforces, where they do, in place of the program's list (what a console greys keys by).
    public var workspaceAsJudged: Workspace { enforcedPeople.map(workspace.judgingBy) ?? workspace }
}
