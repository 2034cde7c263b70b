import ChorusCore

/// The undo stack's policy and what a command's outcome does to the screen: an applied
/// command goes on the undo stack, clears every pane's marks and is said in the status line;
/// a form's save closes the form, a scan moves the shipping run on; a refusal is said, next to
/// the form field it is about when a form is open.
enum CommandOutcomeUpdate {
    /// `z`: sends the undo stack's top entry back, or says there is nothing to undo.
    static func undo(_ state: inout UIState) -> [Effect] {
        guard let entry = state.undoStack.last else {
            state.message = StatusMessage(.info, "nothing to undo")
            return []
        }
        return [.command(entry.command, .undo(entry.summary))]
    }

    /// `Z`: does again what was last undone, or says there is nothing to redo.
    static func redo(_ state: inout UIState) -> [Effect] {
        guard let entry = state.redoStack.last else {
            state.message = StatusMessage(.info, "nothing to redo")
            return []
        }
        return [.command(entry.command, .redo(entry.summary))]
    }

    static func applied(_ outcome: CommandOutcome, _ state: inout UIState) -> [Effect] {
        switch outcome.intent {
        case .undo(let summary):
            state.undoStack.removeLast()
            state.redoStack.append(UndoEntry(summary: summary, command: outcome.undo))
            state.message = StatusMessage(.success, "undone: \(summary)")
            return []
        case .redo(let summary):
            state.redoStack.removeLast()
            state.undoStack.append(UndoEntry(summary: summary, command: outcome.undo))
            state.message = StatusMessage(.success, "redone: \(summary)")
            return []
        case .plain, .save, .summarized, .scan, .outboxWritten:
            break
        }
        let summary: String = switch outcome.intent {
        case .summarized(let summary), .scan(_, let summary): summary
        default: outcome.summary
        }
        state.undoStack.append(UndoEntry(summary: summary, command: outcome.undo))
        state.redoStack = []
        state.clearMarks()
        state.message = StatusMessage(.success, summary + outcome.aside)
        switch outcome.intent {
        case .save: state.form = nil
        case .scan(let dispatch, _): state.recordScan(dispatch, shipped: true)
        case .outboxWritten(let folder): state.message?.text += "; written to \(folder)"
        default: break
        }
        return []
    }

    static func refused(_ intent: CommandIntent, reason: String, _ state: inout UIState) {
        state.message = StatusMessage(.error, reason)
        switch intent {
        case .save: state.form?.refuse(reason)
        case .scan(let dispatch, _): state.recordScan(dispatch, shipped: false)
        default: break
        }
    }
}
