import ChorusCore

/// Attribution kept beside the snapshot (`StoredAttribution`): which state it is for, when it
/// stops being current, and who writes it.
extension WorkspaceStore {
    /// Attribution for the workspace as it is now: the one known to be current, else the kept
    /// file for this state, else computed (and, in a read-write store, kept for next time).
    /// With `wave`, totals and counts cover only that wave's orders.
    public func attribution(wave: WaveID? = nil) throws -> AttributionResult {
        try finishLoadingOrderHistory()
        let result: AttributionResult
        if let known = knownAttribution {
            result = known
        } else if let kept = currentAttributionLocation.read(orders: workspace.orders.rows, creatorIDs: workspace.creators.map(\.id),
                                                             waveIDs: workspace.waves.map(\.id), currency: workspace.program.currency) {
            knownAttribution = kept
            result = kept
        } else {
            result = Attribution.compute(workspace)
            if mode == .readWrite, !isClosed { remember(result) } else { knownAttribution = result }
        }
        guard let wave else { return result }
        return AttributionResult(adding: result.decisions, orders: workspace.orders.rows, creatorIDs: workspace.creators.map(\.id),
                                 waveIDs: workspace.waves.map(\.id), currency: workspace.program.currency, wave: wave)
    }

    /// Takes attribution computed for the workspace as it is now (the console's `DerivedFigures`
    /// does, as the store's `AttributionKeeper`) and keeps it on disk for the next open. Writing happens off this thread;
    /// a read-only or closed store only keeps it in memory.
    public func remember(_ result: AttributionResult) {
        knownAttribution = result
        guard mode == .readWrite, !isClosed else { return }
        write(result.decisions, to: currentAttributionLocation)
    }

    /// Where the kept attribution for the current state belongs.
    var currentAttributionLocation: StoredAttribution.Location {
        StoredAttribution.Location(folder: folder,
                                   key: .init(generation: manifest.generation, inputsSequence: max(manifest.journalSequence, attributionInputsSequence)),
                                   fileSystem: fileSystem)
    }

    /// After a command is durable: one that may change what is credited makes the known
    /// attribution stale, and moves the state the next kept file is for.
    func noteAttributionInputs(changedBy command: Command) {
        guard command.mayChangeAttribution else { return }
        knownAttribution = nil
        attributionInputsSequence = lastSequence
    }

    /// After a new snapshot generation is current: the kept file named the old generation, so
    /// it is written again for the new one (or only removed, when nothing current is known).
    func keepAttributionForNewGeneration() {
        guard mode == .readWrite else { return }
        let location = currentAttributionLocation
        if let known = knownAttribution {
            write(known.decisions, to: location)
        } else {
            attributionWriter.async { location.removeOthers() }
        }
    }

    private func write(_ decisions: AttributionDecisions, to location: StoredAttribution.Location) {
        attributionWriter.async { location.write(decisions) }
    }
}

/// The owner of derived figures (`DerivedFigures`) hands attribution it computed for the
/// workspace as it is now to the store, which writes it beside its snapshot.
extension WorkspaceStore: AttributionKeeper {}
