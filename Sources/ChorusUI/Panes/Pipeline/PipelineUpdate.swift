import ChorusCore

/// The Pipeline's answer to the list keys every pane shares: the working wave's creators (its
/// own keys carry their handlers in `KeyMap`, see `PipelineKeys`).
extension PipelinePane: SortedPane {
    static func rows(_ state: UIState, context: UpdateContext) -> (count: Int, page: Int) {
        (context.table.count, tableRows(at: state.size))
    }

    static func toggleMark(_ state: inout UIState, context: UpdateContext) {
        guard let id = context.table.creatorID(at: state.pipeline.cursor, in: context.workspace) else { return }
        state.pipeline.list.toggleMark(id, rows: context.table.count, page: tableRows(at: state.size))
    }

    static func openDetail(_ state: inout UIState, context: UpdateContext) {
        if let id = context.table.creatorID(at: state.pipeline.cursor, in: context.workspace) { state.overlay = .creatorDetail(id) }
    }

    static func backOut(_ state: inout UIState, context: UpdateContext) {
        if !state.pipeline.marks.isEmpty {
            state.pipeline.marks = []
        } else if state.pipeline.filter.isActive {
            state.pipeline.filter = Filter()
            state.pipeline.list.startOver()
        }
    }

    static func reverseSort(_ state: inout UIState) {
        state.pipeline.sortReversed.toggle()
        state.pipeline.list.startOver()
        state.message = StatusMessage(.info, SortMark.message(state.pipeline.sort.rawValue, reversed: state.pipeline.sortReversed))
    }
}

/// The creators an action applies to: those the palette named, the marked rows, or else the cursor row.
func targets(_ state: UIState, context: UpdateContext) -> [CreatorID] {
    if let ids = context.named?.creators { return ids }
    if !state.pipeline.marks.isEmpty { return state.pipeline.marks.sorted() }
    return context.table.creatorID(at: state.pipeline.cursor, in: context.workspace).map { [$0] } ?? []
}

/// What the Pipeline's own keys do (`KeyMap` names them): the stage keys, copying the wave,
/// recruiting, editing a creator, the late filter. The palette reaches these from any pane
/// (`:advance` in the Seeding pane), so `perform` asks the Pipeline's bindings last for an
/// action no other pane took: they act on the working wave's creators.
enum PipelineKeys {
    static func copyWave(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        guard let wave = state.pipeline.waveID.flatMap(context.workspace.wave) else { return [] }
        state.prompt = Prompt(.confirm(.copyWave(wave, into: context.workspace.nextWave(copying: wave))))
        return []
    }

    static func editCreator(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        guard state.pane == .pipeline, let id = context.table.creatorID(at: state.pipeline.cursor, in: context.workspace) else {
            state.message = KeyMap.bindings.first { $0.action == .editCreator }?.notHere.map { StatusMessage(.info, $0) }
            return []
        }
        openCreatorForm(id, &state, context: context)
        return []
    }

    static func toggleLate(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.pipeline.lateOnly.toggle()
        state.pipeline.list.startOver()
        state.message = StatusMessage(.info, state.pipeline.lateOnly ? "only creators to chase: late, or quiet since their parcel · L shows everyone" : "showing everyone")
        return []
    }

    /// `>`, `<`, `i` and `d` on the marked creators, or else the cursor row's.
    static func stage(_ action: Action, _ state: inout UIState, context: UpdateContext) -> [Effect] {
        let ids = targets(state, context: context)
        guard let wave = state.pipeline.waveID else {  // one that exists: see `WorkingWave.keepOne`
            state.message = StatusMessage(.warning, Pane.noWavesYet())
            return []
        }
        guard !ids.isEmpty else {
            state.message = StatusMessage(.warning, "no creator to act on")
            return []
        }
        switch action {
        case .advanceStage: return [.command(.advanceStage(creators: ids, wave: wave), .plain)]
        case .revertStage: return [.command(.revertStage(creators: ids, wave: wave), .plain)]
        case .invite where state.pipeline.sourcing || ids.allSatisfy({ context.workspace.enrollment($0, in: wave)?.stage.isExit ?? true }):
            return SourcingUpdate.invite(ids, to: wave, &state, workspace: context.workspace)
        case .invite:
            let notProspects = ids.filter { context.workspace.enrollment($0, in: wave)?.stage != .prospect }
            if let first = notProspects.first, let creator = context.workspace.creator(first) {
                let stage = context.workspace.enrollment(first, in: wave)?.stage.label ?? "not in this wave"
                state.message = StatusMessage(.warning, "only prospects can be invited; @\(creator.handle) is \(stage)")
                return []
            }
            return [.command(.advanceStage(creators: ids, wave: wave), .plain)]
        default:
            state.prompt = Prompt(.dropReason(ids, wave: wave))
            return []
        }
    }

    static func toggleSourcing(_ state: inout UIState, _ context: UpdateContext) -> [Effect] {
        state.pipeline.sourcing.toggle()
        state.pipeline.marks = []
        state.pipeline.filter = Filter()
        sort(&state, by: state.pipeline.sourcing ? .score : .stage)
        state.message = StatusMessage(.info, state.pipeline.sourcing
            ? "recruit: best fit first · Space marks · i invites to this wave · / filters tier, niche, source, country, no consent"
            : "back to the pipeline")
        return []
    }
}

/// The Pipeline sorted by `sort` (`s`, or `:sort` from the palette), from its first row.
func sort(_ state: inout UIState, by sort: PipelineSort) {
    state.pipeline.sort = sort
    state.pipeline.sortReversed = false
    state.pipeline.list.startOver()
    state.message = StatusMessage(.info, "sorted by \(sort.rawValue)")
}

/// The working wave, shown by the Pipeline and the Seeding pane (`w`, or `:wave` from the palette).
func showWave(_ id: WaveID, _ state: inout UIState, context: UpdateContext) {
    state.pipeline.waveID = id
    state.pipeline.marks = []
    state.pipeline.list.startOver()
    // The Seeding pane shows the same wave: marks on the old wave's parcels would be acted on unseen.
    state.seeding.marks = []
    state.seeding.list.startOver()
    state.message = StatusMessage(.info, "showing \(context.workspace.wave(id)?.name ?? id.rawValue)")
}
