/// Where a creator's money goes is finance's to change, whichever command carries it: ops edit
/// creators (`updateCreator`, the creators file) and undo their edits, and each of those holds
/// the whole creator, payout email and payout details included. Judged against the workspace,
/// because only the workspace knows whether the value a command carries is a change.
extension Workspace {
    /// Why `name` may not issue `command` because it changes where an existing creator is paid
    /// (their payout email, or their contact email while payouts go there) or their payout
    /// details, or nil. A new creator's payout email is where they start, not a redirection.
    /// `people` is whose roles count: the program's, or those a server enforces.
    public func payoutRefusal(of command: Command, by name: String, among people: ProgramPeople?) -> String? {
        guard let people, command.authorizingKind != .setPayoutDetails else { return nil }
        let held = people.person(named: name)?.roles ?? []
        guard !Command.Kind.setPayoutDetails.isAllowed(for: held) else { return nil }
        let who = people.person(named: name).map { "\(name) is \($0.description)" } ?? "\(name) is not among the program's people"
        for after in creatorsPut(by: command) {
            guard let before = creator(after.id) else { continue }
            // A lead is not paid: their contact email is theirs to correct, even as they become a prospect.
            let address: (Creator) -> String? = before.isLead ? { $0.payoutEmail } : { $0.payoutAddress }
            if address(before) != address(after) {
                return "\(who); changing a payout email needs \(Command.Kind.setPayoutDetails.rolesNeeded)"
                    + (before.payoutEmail == nil && after.payoutEmail == nil
                        ? " (\(before.reference) has no payout email of their own, so payouts go to their email)" : "")
            }
            if before.payoutProfile != after.payoutProfile { return "\(who); \(Command.Kind.setPayoutDetails.requirement)" }
        }
        return nil
    }

    private func creatorsPut(by command: Command) -> [Creator] {
        switch command {
        case .updateCreator(let creator): [creator]
        case .addCreators(let creators), .importCreators(let creators, _): creators
        case .restore(let point, _): point.creators
        default: []
        }
    }
}
