import ChorusCore

/// Keys and palette commands the person's roles rule out. Refused with the reason before any
/// prompt or form opens — nobody types a note only to be told at the end — and greyed in the
/// `?` help. The store refuses the same commands again, so this is a courtesy, not the guard.
enum RoleGate {
    /// Why the console's person may not do `action` now, or nil when they may (or when the
    /// program has no people list). Undo and redo are judged as what they take back.
    static func refusal(of action: Action, _ state: UIState, workspace: Workspace) -> String? {
        guard let person = state.person, let people = workspace.program.people else { return nil }
        let kind: Command.Kind?
        switch action {
        case .undo: kind = state.undoStack.last?.command.authorizingKind
        case .redo: kind = state.redoStack.last?.command.authorizingKind
        default: kind = action.commandKind
        }
        return kind.flatMap { people.refusal(of: $0, by: person) }
    }

    /// Says the refusal in the status line; true when the action was refused.
    static func refuses(_ action: Action, _ state: inout UIState, workspace: Workspace) -> Bool {
        guard let refusal = refusal(of: action, state, workspace: workspace) else { return false }
        state.message = StatusMessage(.warning, refusal)
        return true
    }
}

extension Action {
    /// The kind of command the action leads to, whose role it needs; nil for moving, looking
    /// and choosing, which every role may do. Exhaustive, so a new action must say.
    var commandKind: Command.Kind? {
        switch self {
        case .advanceStage: .advanceStage
        case .revertStage: .revertStage
        case .invite: .enroll
        case .drop: .exitPipeline
        case .seed: .queueShipments
        case .copyWave, .newWave: .createWave
        case .editWave: .updateWave
        case .makeCodes: .addDiscountCodes
        case .editSlug, .editCreator: .updateCreator
        case .setDueDate: .setDueDate
        case .draftMessages: .draftMessages
        case .pack: .markPacked
        case .ship: .markShipped
        case .deliver: .markDelivered
        case .flagException: .flagException
        case .cancelShipments: .cancelShipments
        case .editShipment: .editShipment
        case .resolveException: .resolveException
        case .adjustStock: .adjustStock
        case .approveSubmissions: .approve
        case .requestChanges: .requestChanges
        case .rejectSubmissions: .reject
        case .approveWithOverride: .approveWithOverride
        case .recordResubmission: .resubmit
        case .editRights: .setUsageRights
        case .addTags, .removeTags: .tagAssets
        case .promote: .promote
        case .createPayoutRun: .createPayoutRun
        case .markPayoutRunPaid: .markPayoutRunPaid
        case .reconcilePayoutRun: .reconcilePayoutRun
        case .showSurveyAnswers: .resolveSurveyAnswer
        // Judged by what they take back (see `RoleGate.refusal`).
        case .undo, .redo: nil
        case .showPane, .nextPane, .previousPane, .moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp, .halfPageDown,
             .halfPageUp, .filter, .toggleMark, .openDetail, .back, .help, .palette, .switchTheme, .quit, .showHistory,
             .cycleSort, .nextWave, .cycleShipmentFilter, .scrollDetailDown, .scrollDetailUp, .cycleInboxView, .usableFor,
             .cycleRightsFilter, .toggleSourcing, .showPayouts, .copyRow, .openLink, .cycleWavesView, .cycleCohortGrouping,
             .reverseSort, .toggleLate: nil
        }
    }
}

extension CommandPalette.Outcome {
    /// The action a palette line asks for, to be judged as the same key would be.
    var action: Action? {
        switch self {
        case .action(let action), .actionWithValue(let action, _), .actionWithArguments(let action, _): action
        case .theme, .wave, .sort, .unknown, .refused: nil
        }
    }
}
