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
        return covering(wave, result, orders: workspace.orders.rows.figures)
    }

    /// `result` with totals and counts covering only `wave`'s orders (all of them without one).
    private func covering(_ wave: WaveID?, _ result: AttributionResult, orders: @autoclosure () -> [OrderFigures]) -> AttributionResult {
        guard let wave else { return result }
        return AttributionResult(adding: result.decisions, orders: orders(), creatorIDs: workspace.creators.map(\.id),
                                 waveIDs: workspace.waves.map(\.id), currency: workspace.program.currency, wave: wave)
    }

    /// Attribution for the workspace as it is now, with the figures of the orders it adds up
    /// and the rates any were converted at (`ratesUsed()`): what a report or export needs of
    /// the order history. A store opened with the history deferred and a file kept for this
    /// state reads only that file and the orders' amounts and days (no whole order, no index of
    /// them, no survey answer), or, with the answers kept beside it (`KeptAmbiguousAnswers`,
    /// which say that no order was converted), nothing but the two kept files; otherwise this is
    /// `attribution(wave:)` over `workspace.orders`. The figures are the same either way.
    public func keptAttributionInputs(wave: WaveID? = nil) throws -> (result: AttributionResult, orders: [OrderFigures], ratesUsed: String?) {
        // The answers kept beside the decisions say no order was converted, and the orders file is as it was.
        if let (kept, _) = keptAttributionLoader?.keptAttributionWithAnswers() {
            return (covering(wave, kept.result, orders: kept.orderFigures), kept.orderFigures, nil)
        }
        if let (figures, kept, _) = try keptAttributionLoader?.figuresWithKeptAttribution() {
            return (covering(wave, kept, orders: figures), figures, nil)
        }
        let result = try attribution(wave: wave)
        return (result, workspace.orders.rows.figures, workspace.orders.rows.ratesUsed())
    }

    /// `keptAttributionInputs` for a report that also lists the survey answers naming several
    /// creators, with who they name (`Attribution.ambiguousMentions`). Beside a kept file it
    /// reads the survey answers' orders and words and looks only at the answers about ambiguous
    /// orders: which answers those are is kept beside the file (`KeptAmbiguousAnswers`), else
    /// found from every order's `Name` and Shopify id, read with its figures (no whole order or
    /// answer, no index of them). Otherwise the whole history is loaded and attributed. The list
    /// is the same either way.
    public func keptAttributionWithAmbiguousAnswers(wave: WaveID? = nil) throws
        -> (result: AttributionResult, ratesUsed: String?, ambiguous: [(order: OrderID, creatorPositions: [CreatorPosition])]) {
        if let loader = keptAttributionLoader, let (kept, answered) = loader.keptAttributionWithAnswers() {
            let result = covering(wave, kept.result, orders: kept.orderFigures)
            if let ambiguous = try Attribution.ambiguousMentions(of: result, about: answered.about, answers: loader.surveyAnswerTexts,
                                                                 creators: workspace.creators) {
                return (result, nil, ambiguous)
            }
        }
        if let loader = keptAttributionLoader, let (figures, kept, keys) = try loader.figuresWithKeptAttribution(readingKeys: true), let keys {
            let result = covering(wave, kept, orders: figures)
            let ambiguous = Attribution.ambiguousMentions(of: result, orderIDs: keys.ids, shopifyIDs: keys.shopifyIDs,
                                                          answers: try loader.surveyAnswerTexts(), creators: workspace.creators)
            return (result, nil, ambiguous)
        }
        let result = try attribution(wave: wave)
        return (result, workspace.orders.rows.ratesUsed(), Attribution.ambiguousMentions(of: result, in: workspace))
    }

    /// The loader of the history still deferred, while nothing that could change attribution has
    /// happened since the open: then a file kept for the state at open is for the state now.
    private var keptAttributionLoader: OrderHistoryLoader? {
        attributionInputsSequence == attributionInputsSequenceAtOpen ? pendingOrderHistory : nil
    }

    /// The read of the attribution kept for the state at open, with its orders' figures, while
    /// the order history is still deferred and nothing that could change attribution has
    /// happened since: safe to run on another thread (`OrderHistoryLoader.keptAttributionAlone`),
    /// then handed back with `adopt`. Nil when there is nothing to read.
    public var keptAttributionRead: (@Sendable () -> KeptAttribution?)? {
        guard let loader = keptAttributionLoader, loader.storedAttribution != nil else { return nil }
        return { loader.keptAttributionAlone() }
    }

    /// Takes what `keptAttributionRead` gave (nil when no file fitted) as known for the state
    /// now, if nothing changed attribution since it was asked for (own commands, colleagues'
    /// entries): true when taken. Either way the history's load, started after this, does not
    /// read the file again: taken, it is known; refused, it is for another state or unfit.
    @discardableResult
    public func adopt(_ kept: KeptAttribution?) -> Bool {
        let fits = keptAttributionLoader?.storedAttribution != nil && knownAttribution == nil
        pendingOrderHistory?.storedAttribution = nil
        guard let kept, fits else { return false }
        knownAttribution = kept.result
        pendingOrderHistory?.adoptedFigures = kept.orderFigures
        return true
    }

    /// Takes attribution computed for the workspace as it is now (the console's `DerivedFigures`
    /// does, as the store's `AttributionKeeper`) and keeps it on disk for the next open. Writing happens off this thread;
    /// a read-only or closed store only keeps it in memory.
    public func remember(_ result: AttributionResult) {
        knownAttribution = result
        guard mode == .readWrite, !isClosed else { return }
        write(result.decisions, to: currentAttributionLocation)
    }

    /// After a command-line write that made attribution stale (a nightly import of orders or
    /// survey answers, creators renamed): decides it now and keeps it, so the next console
    /// open shows the Leaderboard and Ledger from the kept file and a report reads it, instead
    /// of each reading every order again to decide them (15 s at ten million orders, against
    /// the 3–4 s deciding costs here, where the orders are already in memory). Nothing when
    /// nothing since the open changed what is credited (what was kept still holds, or nobody
    /// asked for it), when attribution is known, when the history was never read (reading it
    /// only for this would cost more than it saves the next open), or when the store cannot
    /// write or keeps no files (a workspace on a server). The file is written before `close` returns.
    public func keepAttributionCurrent() {
        guard attributionLeftStale else { return }
        checksumSnapshotFilesAhead()
        remember(Attribution.compute(workspace))
    }

    /// Decides attribution for a workspace just written whole (generated, or moved off a server)
    /// and keeps it: its first open would otherwise read every order to decide it before the
    /// Leaderboard shows (19–20 s at ten million orders, against 4–5 s here, where the orders
    /// are in memory already). Nothing when it is known, when there are no orders or they were
    /// never read, or when the store keeps no files. The file is written before `close` returns.
    public func keepAttribution() {
        guard attributionUndecidedHere else { return }
        checksumSnapshotFilesAhead()
        remember(Attribution.compute(workspace))
    }

    /// Starts taking the snapshot files' checksums for the answers kept beside the decisions
    /// (`KeptAmbiguousAnswers`) on the writer's queue while the decisions are computed here: a
    /// snapshot an import just wrote is not in the page cache, and reading it back after the
    /// decisions held up the import's exit by a tenth of a second at a million orders.
    private func checksumSnapshotFilesAhead() {
        guard let files = snapshotFilesHoldingTheHistory else { return }
        let checksums = snapshotFileChecksums, fileSystem = fileSystem
        attributionWriter.async { for path in [files.orders, files.answers] { _ = try? checksums.of(path, fileSystem: fileSystem) } }
    }

    /// Whether a command since the open changed what is credited and nothing decided it since,
    /// with the orders here to decide it from and a folder to keep it in (`keepAttributionCurrent`).
    var attributionLeftStale: Bool {
        attributionInputsSequence != attributionInputsSequenceAtOpen && attributionUndecidedHere
    }

    /// Whether attribution is not known, with the orders here to decide it from and a folder to
    /// keep it in.
    private var attributionUndecidedHere: Bool {
        mode == .readWrite && !isClosed && folderLog != nil && knownAttribution == nil && pendingOrderHistory == nil && !workspace.orders.isEmpty
    }

    /// Where the kept attribution for the current state belongs.
    var currentAttributionLocation: StoredAttribution.Location {
        StoredAttribution.Location(folder: folder,
                                   key: .init(generation: manifest.generation, inputsSequence: max(manifest.journalSequence, attributionInputsSequence)),
                                   fileSystem: fileSystem)
    }

    /// After a command is durable: one that may change what is credited makes the known
    /// attribution stale, and moves the state the next kept file is for.
    func noteAttributionInputs(changedBy command: Command, applied: AppliedCommand) {
        guard command.mayChangeAttribution(replacing: applied) else { return }
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

    /// Writes on another thread, with the figures of the orders as they are now (read there:
    /// ten million take a moment); nothing while the orders are not loaded, nor for a
    /// workspace on a server, which has no folder to keep it in.
    private func write(_ decisions: AttributionDecisions, to location: StoredAttribution.Location) {
        guard pendingOrderHistory == nil, folderLog != nil else { return }
        let orders = workspace.orders, answers = workspace.surveyResponses, fileSystem = fileSystem, checksums = snapshotFileChecksums
        let files = snapshotFilesHoldingTheHistory
        attributionWriter.async {
            location.write(decisions, figures: orders.rows.figures) {
                files.flatMap {
                    KeptAmbiguousAnswers(decisions, orders: orders, answers: answers, files: $0, checksums: checksums, fileSystem: fileSystem)
                }
            }
        }
    }

    /// The current snapshot's orders and survey answers files, when they hold the workspace's
    /// exactly (`SavedRows`: nothing added or changed since they were read or written): only
    /// then are answers kept by position valid for a report that reads the files.
    private var snapshotFilesHoldingTheHistory: (orders: String, answers: String)? {
        let reused = savedRows.reusable(in: workspace)
        func file(_ collection: String) -> String? {
            guard let listed = manifest.collections.first(where: { $0.name == collection }),
                  reused[collection] == ReusedFile(path: folder + "/" + listed.file, heldRows: nil) else { return nil }
            return folder + "/" + listed.file
        }
        guard let ordersFile = file(OrderRowCodec.collection), let answersFile = file(SurveyResponseRowCodec.collection) else { return nil }
        return (ordersFile, answersFile)
    }
}

/// The owner of derived figures (`DerivedFigures`) hands attribution it computed for the
/// workspace as it is now to the store, which writes it beside its snapshot.
extension WorkspaceStore: AttributionKeeper {}
