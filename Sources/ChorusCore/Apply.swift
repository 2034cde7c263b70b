extension Workspace {
    /// Applies one command: validates it against the current state and either changes the
    /// workspace and returns its summary and undo, or throws a `DomainError` and changes nothing.
    ///
    /// Without `keepingUndo`, a bulk import keeps no prior orders nor the ids of new ones (a
    /// million of each for a big export), and the result is not undoable; the command line,
    /// which has no undo, imports this way. Such a command still rolls back when refused: the
    /// order import writes its orders last, after every check.
    @discardableResult
    public mutating func apply(_ command: Command, context: CommandContext, keepingUndo: Bool = true) throws -> AppliedCommand {
        if command.needsOrderHistory, orderHistoryState.isLoading {
            throw DomainError("the orders are still being read; try again in a moment")
        }
        // Move the workspace into the recorder rather than copying it, so a keystroke on a
        // 100 000-creator workspace never copies a collection it does not touch.
        var change = ChangeRecorder(Workspace(program: program), keepingUndo: keepingUndo)
        swap(&self, &change.workspace)
        defer { swap(&self, &change.workspace) }
        do {
            let label = try change.perform(command, context)
            var point = change.undo
            point.undoes = command.authorizingKind
            var applied = AppliedCommand(summary: label, undo: .restore(point: point, label: label))
            applied.aside = change.aside
            if !keepingUndo {
                applied.isUndoable = false
                applied.changedAnything = applied.changedAnything || change.changedUnrecorded
            }
            return applied
        } catch {
            change.workspace.putBack(change.undo)
            throw error
        }
    }

    /// Puts prior values back without recording anything; used to roll back a failed command.
    mutating func putBack(_ point: RestorePoint) {
        if let program = point.program { setProgram(program) }
        struct PutBack: EntityKindVisitor {
            var workspace: Workspace
            let point: RestorePoint
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) { point[keyPath: Entity.priors].forEach { workspace.put($0) } }
        }
        var putBack = PutBack(workspace: Workspace(program: program), point: point)
        swap(&self, &putBack.workspace)
        EntityKinds.visitAll(&putBack)
        swap(&self, &putBack.workspace)
        remove(point.remove)
    }
}

extension ChangeRecorder {
    mutating func perform(_ command: Command, _ context: CommandContext) throws -> String {
        switch command {
        case .updateProgram(let program): return try updateProgram(program)
        case .createWave(let wave): return try createWave(wave)
        case .updateWave(let wave): return try updateWave(wave)
        case .addCreators(let creators): return try addCreators(creators)
        case .updateCreator(let creator): return try updateCreator(creator)
        case .enroll(let ids, let wave, let stage): return try enroll(ids, in: wave, at: stage, context)
        case .advanceStage(let ids, let wave): return try moveStage(ids, in: wave, forward: true, context)
        case .revertStage(let ids, let wave): return try moveStage(ids, in: wave, forward: false, context)
        case .exitPipeline(let ids, let wave, let stage, let reason): return try exitPipeline(ids, in: wave, to: stage, reason: reason, context)
        case .promote(let ids, let wave, let change): return try promote(ids, to: wave, change: change, context)
        case .setDueDate(let ids, let wave, let change): return try setDueDate(ids, in: wave, change)
        case .draftMessages(let kind, let wave, let ids): return try draftMessages(kind, in: wave, for: ids, context)
        case .markMessagesSent(let kind, let wave, let ids): return try markMessagesSent(kind, in: wave, for: ids, context)
        case .addSKUs(let skus): return try addSKUs(skus)
        case .adjustStock(let sku, let delta, let reason): return try adjustStock(sku, by: delta, reason: reason)
        case .importProducts(let skus): return try importProducts(skus)
        case .queueShipments(let requests): return try queueShipments(requests, context)
        case .markPacked(let ids): return try markPacked(ids, context)
        case .markShipped(let dispatches), .importTracking(let dispatches):
            return try recordShippingCosts(dispatches, summary: markShipped(dispatches, context))
        case .markDelivered(let ids): return try markDelivered(ids, context)
        case .flagException(let ids, let kind, let note): return try flagException(ids, kind: kind, note: note, context)
        case .cancelShipments(let ids): return try cancelShipments(ids, context)
        case .editShipment(let id, let items, let note): return try editShipment(id, items: items, note: note)
        case .resolveException(let id, let resolution): return try resolveException(id, resolution, context)
        case .addSubmissions(let submissions): return try addSubmissions(submissions, context)
        case .approve(let ids): return try approve(ids, context)
        case .approveWithOverride(let id, let reason): return try approveWithOverride(id, reason: reason, context)
        case .requestChanges(let ids, let note): return try requestChanges(ids, note: note, context)
        case .reject(let ids, let reason): return try reject(ids, reason: reason, context)
        case .resubmit(let id, let caption, let onScreenText): return try resubmit(id, caption: caption, onScreenText: onScreenText, context)
        case .recordPost(let id, let url, let day): return try recordPost(id, url: url, postedOn: day, context)
        case .setUsageRights(let asset, let rights): return try setUsageRights(asset, rights)
        case .tagAssets(let ids, let add, let remove): return try tagAssets(ids, add: add, remove: remove)
        case .recordMetrics(let asset, let metrics): return try recordMetrics(asset, metrics)
        case .importMetrics(let readings): return try importMetrics(readings)
        case .createPayoutRun(let run): return try createPayoutRun(run)
        case .markPayoutRunPaid(let number, let day): return try markPayoutRunPaid(number, on: day)
        case .reconcilePayoutRun(let number, let results): return try reconcilePayoutRun(number, results: results)
        case .setPayoutDetails(let details): return try setPayoutDetails(details)
        case .addDiscountCodes(let codes): return try addDiscountCodes(codes)
        case .addTrackingLinks(let links): return try addTrackingLinks(links)
        case .importOrders(let orders): return try importOrders(orders)
        case .importSurveyResponses(let responses): return try importSurveyResponses(responses)
        case .importRates(let rates): return try importRates(rates)
        case .importCreators(let creators, let codes): return try importCreators(creators, codes: codes)
        case .resolveSurveyAnswer(let order, let creator, let alias): return try resolveSurveyAnswer(order, to: creator, alias: alias)
        case .setRoles(let person, let roles): return try setRoles(of: person, to: roles, context)
        case .removePerson(let person): return try removePerson(person, context)
        case .allowActingAs(let allowed): return try allowActingAs(allowed)
        case .restore(let point, let label): return restore(point, label: label)
        }
    }

    // MARK: Lookups that refuse with a readable message

    func requireWave(_ id: WaveID) throws -> Wave {
        guard let wave = workspace.wave(id) else { throw DomainError("wave \(id) does not exist") }
        return wave
    }

    func requireCreator(_ id: CreatorID) throws -> Creator {
        guard let creator = workspace.creator(id) else { throw DomainError("creator \(id) does not exist") }
        // A lead joins nothing and holds nothing until they give a handle.
        if creator.isLead { throw DomainError("\(creator.name) (\(creator.reference)) is a lead with no handle yet; add their handle first") }
        return creator
    }

    func requireShipment(_ id: ShipmentID) throws -> Shipment {
        guard let shipment = workspace.shipment(id) else { throw DomainError("shipment \(id) does not exist") }
        return shipment
    }

    func requireSubmission(_ id: SubmissionID) throws -> Submission {
        guard let submission = workspace.submission(id) else { throw DomainError("submission \(id) does not exist") }
        return submission
    }

    func requireAsset(_ id: AssetID) throws -> Asset {
        guard let asset = workspace.asset(id) else { throw DomainError("asset \(id) does not exist") }
        return asset
    }

    func requireSKU(_ id: SKUID) throws -> SKU {
        guard let sku = workspace.sku(id) else { throw DomainError("SKU \(id) does not exist; \(knownSKUs)") }
        return sku
    }

    /// The SKUs there are, for a refusal naming one that is not: typed from memory in a form or
    /// on the command line, the right one is usually a glance away.
    private var knownSKUs: String {
        let ids = workspace.skus.rows.map(\.id.rawValue), shown = 6
        guard !ids.isEmpty else { return "the program has no SKUs yet (chorus import products)" }
        let more = ids.count > shown ? " and \(ids.count - shown) more" : ""
        return "the program's SKUs are \(ids.prefix(shown).joined(separator: ", "))\(more) (chorus list products)"
    }

    func handle(_ id: CreatorID) -> String { workspace.creator(id)?.reference ?? id.rawValue }

    static func requireNonEmpty<T>(_ items: [T], _ what: String) throws {
        if items.isEmpty { throw DomainError("no \(what) given") }
    }

    static func requireText(_ text: String, _ what: String) throws -> String {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty { throw DomainError("\(what) is required") }
        return trimmed
    }

    static func plural(_ count: Int, _ noun: String) -> String { counted(count, noun) }
}
