extension ChangeRecorder {
    /// Moves creators into a wave with a changed plan: creators not yet in it join as
    /// prospects; creators already in it keep their stage and get the new plan.
    mutating func promote(_ ids: [CreatorID], to waveID: WaveID, change: IncentiveChange, _ context: CommandContext) throws -> String {
        try Self.requireNonEmpty(ids, "creators")
        if Set(ids).count != ids.count { throw DomainError("a creator is listed twice") }
        let wave = try requireWave(waveID)
        if wave.status == .closed { throw DomainError("wave \(wave.name) is closed; creators cannot join it") }
        var promoted: [Enrollment] = []
        for id in ids {
            _ = try requireCreator(id)
            if var enrollment = workspace.enrollment(id, in: waveID), !enrollment.stage.isExit {
                enrollment.incentiveOverride = change.applied(to: enrollment.incentiveOverride ?? wave.incentivePlan)
                promoted.append(enrollment)
            } else {
                promoted.append(Enrollment(creatorID: id, waveID: waveID, stage: .prospect, stageChangedAt: context.now,
                                           incentiveOverride: change.applied(to: wave.incentivePlan)))
            }
        }
        promoted.forEach { put($0) }
        return "promoted \(Self.plural(ids.count, "creator")) to \(wave.name) with \(change.label)"
    }
}
