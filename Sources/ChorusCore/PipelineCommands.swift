extension ChangeRecorder {
    mutating func enroll(_ ids: [CreatorID], in waveID: WaveID, at stage: PipelineStage, _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        if Set(ids).count != ids.count { throw DomainError("a creator is listed twice") }
        let wave = try requireWave(waveID)
        if wave.status == .closed { throw DomainError("wave \(wave.name) is closed; creators cannot join it") }
        if stage.isExit { throw DomainError("creators cannot join a wave as \(stage.label)") }
        for id in ids {
            _ = try requireCreator(id)
            // Someone who declined or was dropped can be invited again; anyone else is already in.
            if let existing = workspace.enrollment(id, in: waveID), !existing.stage.isExit {
                throw DomainError("\(handle(id)) is already in \(wave.name) (\(existing.stage.label))")
            }
        }
        if stage != .prospect { try requireContactable(ids, context) }
        for id in ids { put(Enrollment(creatorID: id, waveID: waveID, stage: stage, stageChangedAt: context.now)) }
        return "added \(Self.plural(ids.count, "creator")) to \(wave.name) as \(stage.label)"
    }

    mutating func moveStage(_ ids: [CreatorID], in waveID: WaveID, forward: Bool, _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        if Set(ids).count != ids.count { throw DomainError("a creator is listed twice") }
        let wave = try requireWave(waveID)
        var moved: [Enrollment] = []
        for id in ids {
            guard var enrollment = workspace.enrollment(id, in: waveID) else { throw DomainError("\(handle(id)) is not in \(wave.name)") }
            if enrollment.stage.isExit {
                throw DomainError("\(handle(id)) has \(enrollment.stage.label) \(wave.name); re-invite them to bring them back")
            }
            guard let target = forward ? enrollment.stage.next : enrollment.stage.previous else {
                throw DomainError("\(handle(id)) is already \(enrollment.stage.label), the \(forward ? "last" : "first") stage")
            }
            if enrollment.stage == .prospect { try requireContactable([id], context) }
            enrollment.stage = target
            enrollment.stageChangedAt = context.now
            enrollment.exitReason = nil
            moved.append(enrollment)
        }
        moved.forEach { put($0) }
        let stages = Set(moved.map(\.stage))
        let where_ = stages.count == 1 ? "to \(moved[0].stage.label)" : (forward ? "forward" : "back")
        return "moved \(Self.plural(moved.count, "creator")) \(where_)"
    }

    mutating func exitPipeline(_ ids: [CreatorID], in waveID: WaveID, to stage: PipelineStage, reason: String,
                               _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        if Set(ids).count != ids.count { throw DomainError("a creator is listed twice") }
        let wave = try requireWave(waveID)
        guard stage.isExit else { throw DomainError("\(stage.label) is not a way out of the pipeline") }
        let reason = try Self.requireText(reason, "a reason")
        var changed: [Enrollment] = []
        for id in ids {
            guard var enrollment = workspace.enrollment(id, in: waveID) else { throw DomainError("\(handle(id)) is not in \(wave.name)") }
            if enrollment.stage == .complete { throw DomainError("\(handle(id)) has completed \(wave.name)") }
            enrollment.stage = stage
            enrollment.exitReason = reason
            enrollment.stageChangedAt = context.now
            changed.append(enrollment)
        }
        changed.forEach { put($0) }
        return "marked \(Self.plural(changed.count, "creator")) \(stage.label)"
    }

    /// Moves a creator forward to `stage` as a side effect of seeding or content, never back.
    mutating func follow(_ creatorID: CreatorID, in waveID: WaveID, to stage: PipelineStage, _ context: CommandContext) {
        guard var enrollment = workspace.enrollment(creatorID, in: waveID), !enrollment.stage.isExit,
              let current = PipelineStage.mainPath.firstIndex(of: enrollment.stage),
              let target = PipelineStage.mainPath.firstIndex(of: stage), target > current
        else { return }
        enrollment.stage = stage
        enrollment.stageChangedAt = context.now
        put(enrollment)
    }
}
