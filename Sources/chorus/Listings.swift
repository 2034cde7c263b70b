import ChorusCore

/// Builds the rows `chorus list` prints. Each collection has one row type whose JSON keys are
/// a stable contract for scripts, and whose table columns are what a person scans first.
struct Listings {
    let workspace: Workspace
    let today: Day

    func listing(of collection: ListCommand.Collection, status: String?, wave: String?, overdue: Bool = false,
                 expiringWithin: Int? = nil) throws -> Listing {
        if expiringWithin != nil && collection != .assets { throw CLIFailure(message: "--expiring is for assets: chorus list assets --expiring 14d") }
        let waveID = try wave.map(resolveWave)
        if overdue && collection != .submissions { throw CLIFailure(message: "--overdue is for submissions: drafts waiting longer than the program allows") }
        switch collection {
        case .creators: return try creators(status: status, wave: waveID)
        case .shipments: return try shipments(status: status, wave: waveID)
        case .submissions: return try submissions(status: status, wave: waveID, overdue: overdue)
        case .assets: return try assets(status: status, wave: waveID, expiringWithin: expiringWithin)
        case .products:
            if status != nil || waveID != nil { throw CLIFailure(message: "products have no status or wave; chorus list products lists every SKU") }
            return Listing(rows: workspace.skus.map(ProductRow.init))
        }
    }

    /// Accepts a wave's id (`W2`), slug or name, ignoring case.
    func resolveWave(_ text: String) throws -> WaveID {
        if let wave = workspace.wave(matching: text) { return wave.id }
        let known = workspace.waves.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        throw CLIFailure(message: "no wave '\(text)'; this workspace has \(known.isEmpty ? "no waves" : known)")
    }

    static func requireStatus<S: RawRepresentable & CaseIterable>(_ text: String?, as type: S.Type, _ what: String) throws -> S?
    where S.RawValue == String {
        guard let text else { return nil }
        if let status = S.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return status }
        throw CLIFailure(message: "'\(text)' is not a \(what) status; use one of \(S.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    func handle(_ id: CreatorID) -> String { workspace.creator(id)?.handle ?? id.rawValue }

    // MARK: Creators

    func creators(status: String?, wave: WaveID?) throws -> Listing {
        let stage = try Self.requireStatus(status, as: PipelineStage.self, "pipeline")
        if stage != nil && wave == nil { throw CLIFailure(message: "--status for creators is a pipeline stage; add --wave to say which wave") }
        var stagesByCreator: [CreatorID: [CreatorRow.WaveStage]] = [:]
        for enrollment in workspace.enrollments {
            stagesByCreator[enrollment.creatorID, default: []].append(.init(wave: enrollment.waveID.rawValue, stage: enrollment.stage.rawValue))
        }
        var rows: [CreatorRow] = []
        // Leads are not creators yet: `--leads` lists them.
        for creator in workspace.creators where !creator.isLead {
            let waves = stagesByCreator[creator.id] ?? []
            var row = CreatorRow(creator, waves: waves)
            if let wave {
                guard let enrollment = workspace.enrollment(creator.id, in: wave) else { continue }
                if let stage, enrollment.stage != stage { continue }
                row.stage = enrollment.stage.rawValue
                row.plan = enrollment.incentiveOverride.map { "own plan: " + $0.label } ?? workspace.wave(wave)?.incentivePlan.label
            }
            rows.append(row)
        }
        return Listing(rows: rows)
    }

    // MARK: Shipments

    func shipments(status: String?, wave: WaveID?) throws -> Listing {
        let wanted = try Self.requireStatus(status, as: ShipmentStatus.self, "shipment")
        let rows = workspace.shipments
            .filter { (wanted == nil || $0.status == wanted) && (wave == nil || $0.waveID == wave) }
            .map { ShipmentRow($0, creator: workspace.creator($0.creatorID)) }
        return Listing(rows: rows)
    }

    // MARK: Submissions

    func submissions(status: String?, wave: WaveID?, overdue: Bool) throws -> Listing {
        let wanted = try Self.requireStatus(status, as: SubmissionStatus.self, "submission")
        let threshold = workspace.program.settings.overdueBusinessDays
        let rows = workspace.submissions
            .filter { (wanted == nil || $0.status == wanted) && (wave == nil || $0.waveID == wave) }
            .filter { !overdue || $0.isOverdue(on: today, after: threshold) }
            .sorted { ($0.status == .pending ? 0 : 1, $0.submittedAt) < ($1.status == .pending ? 0 : 1, $1.submittedAt) }
            .map { SubmissionRow($0, handle: handle($0.creatorID), failures: workspace.complianceFailures(for: $0), today: today,
                                 overdueAfter: threshold) }
        return Listing(rows: rows)
    }

    // MARK: Assets

    /// `expiringWithin`: only rights still holding today that end within that many days (0 = today).
    func assets(status: String?, wave: WaveID?, expiringWithin: Int? = nil) throws -> Listing {
        let wanted = try Self.requireStatus(status, as: RightsStatus.self, "rights")
        let warning = workspace.program.settings.rightsExpiryWarningDays
        let rows = workspace.assets
            .filter { wave == nil || $0.waveID == wave }
            .filter { expiringWithin == nil || $0.rightsStatus(on: today, warningDays: expiringWithin!) == .expiring }
            .map { AssetRow($0, handle: handle($0.creatorID), today: today, warningDays: warning, waiver: workspace.waiver(of: $0)) }
            .filter { wanted == nil || $0.status == wanted!.rawValue }
        return Listing(rows: rows)
    }
}
