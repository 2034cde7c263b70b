import ChorusCore
import Foundation

/// A command typed while the session could not perform it yet — the workspace is behind a
/// colleague's big import still loading, or the link to the server is down — kept with the
/// idempotency id it is sent with, so that sending it again never applies it twice.
struct PendingCommand {
    var command: Command
    var intent: CommandIntent
    var id = UUID().uuidString.lowercased()
}

/// Commands are performed through here: at once when the session can, else kept pending in the
/// order typed and performed, oldest first, as soon as it can (`performPendingCommands`) —
/// against the state as it is then, so one that no longer holds is refused in the person's
/// words, naming who changed the item.
extension Console {
    func perform(_ command: Command, _ intent: CommandIntent) -> ConsoleEvent {
        if let reason = session.commandsWait {
            // An undo names the top of the undo stack, which the changes kept pending would move.
            if case .undo = intent { return .commandRefused(command, intent, reason: "undo waits until \(reason); nothing was changed") }
            if case .redo = intent { return .commandRefused(command, intent, reason: "redo waits until \(reason); nothing was changed") }
            pendingCommands.append(PendingCommand(command: command, intent: intent))
            return .commandKeptPending(intent, until: reason, pending: pendingCommands.count)
        }
        return perform(PendingCommand(command: command, intent: intent))
    }

    private func perform(_ pending: PendingCommand) -> ConsoleEvent {
        rememberCursors()
        do {
            let applied = try session.perform(pending.command, commandID: pending.id)
            return .commandApplied(CommandOutcome(command: pending.command, intent: pending.intent, summary: applied.label, aside: applied.aside,
                                                  undo: applied.undo))
        } catch {
            return .commandRefused(pending.command, pending.intent, reason: String(describing: error))
        }
    }

    /// Performs the commands kept pending, oldest first, once the session can; true when the
    /// screen should be drawn again. The terminal calls this between key presses.
    public func performPendingCommands() -> Bool {
        guard !pendingCommands.isEmpty, session.commandsWait == nil else { return false }
        while !pendingCommands.isEmpty, session.commandsWait == nil {
            let next = pendingCommands.removeFirst()
            send(perform(next))
        }
        send(.pendingCommandsLeft(pendingCommands.count))
        return true
    }

    /// How many commands are kept pending.
    public var pendingCommandCount: Int { pendingCommands.count }
}
