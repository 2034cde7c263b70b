import ChorusCore

/// Draws a whole frame from the state and the workspace: tab bar, the pane, the status bar,
/// then any overlay or prompt on top. It reads and never changes anything.
struct Renderer {
    let state: UIState
    let workspace: Workspace
    let table: PipelineTable
    let seedingTable: SeedingTable
    let approvalsTable: ApprovalsTable
    let libraryTable: LibraryTable
    let leaderboardTable: LeaderboardTable
    let ledgerTable: LedgerTable
    let ledger: LedgerCache.Status
    let today: Day?
    let vocabulary: CommandPalette.Vocabulary
    let attribution: AttributionCache

    func frame() -> Grid {
        var grid = Grid(size: state.size)
        let layout = Layout(size: state.size)
        if layout.isTooSmall {
            drawTooSmall(&grid)
            return grid
        }
        drawTabBar(&grid, layout.tabBar)
        switch state.pane {
        case .pipeline:
            PipelinePane(state: state.pipeline, workspace: workspace, table: table, today: today, attribution: attribution).draw(&grid, layout)
        case .seeding:
            SeedingPane(state: state.seeding, waveID: state.pipeline.waveID, workspace: workspace, table: seedingTable, today: today)
                .draw(&grid, layout)
        case .approvals:
            ApprovalsPane(state: state.approvals, workspace: workspace, table: approvalsTable, today: today).draw(&grid, layout)
        case .library:
            LibraryPane(state: state.library, workspace: workspace, table: libraryTable, today: today).draw(&grid, layout)
        case .leaderboard:
            let wave = LeaderboardUpdate.wave(state)
            LeaderboardPane(state: state.leaderboard, wave: wave.flatMap(workspace.wave),
                            nextWave: LeaderboardUpdate.nextWave(after: wave, in: workspace), workspace: workspace,
                            table: leaderboardTable, status: ledger).draw(&grid, layout)
        case .ledger:
            LedgerPane(state: state.ledger, workspace: workspace, table: ledgerTable, status: ledger).draw(&grid, layout)
        case .waves:
            WavesPane(state: state.waves, workingWave: state.pipeline.waveID, workspace: workspace).draw(&grid, layout)
        }
        StatusBar(state: state, workspace: workspace, table: table, seedingTable: seedingTable, approvalsTable: approvalsTable,
                  libraryTable: libraryTable, leaderboardTable: leaderboardTable, ledgerTable: ledgerTable).draw(&grid, layout.statusBar)
        switch state.overlay {
        case .help(let scroll): HelpOverlay.draw(pane: state.pane, scroll: scroll, &grid, layout.body)
        case .creatorDetail(let id): drawCreatorDetail(id, &grid, layout.body)
        case .submissionDetail: drawSubmissionDetail(&grid, layout.body)
        case .assetDetail(let id): drawAssetDetail(id, &grid, layout.body)
        case .ledgerDetail(let creator, let wave): drawLedgerDetail(creator, wave, &grid, layout.body)
        case .surveyAnswers(let cursor):
            SurveyAnswersQueue.draw(attribution.ambiguousAnswers(in: workspace), cursor: cursor, workspace: workspace, &grid, layout.body)
        case .outboxPreview(let sheet): OutboxUpdate.draw(sheet, &grid, layout.body)
        case nil: break
        }
        if state.prompt?.purpose == .command, let text = state.prompt?.text {
            PaletteView.draw(text: text, vocabulary: vocabulary, &grid, above: layout.statusBar)
        }
        if case .seeding(.tracking(let run))? = state.prompt?.purpose {
            ShippingRunView.draw(run, message: state.message, workspace: workspace, &grid, above: layout.statusBar)
        }
        if let form = state.form?.form { FormView.draw(form, &grid, layout.body) }
        return grid
    }

    private func drawTooSmall(_ grid: inout Grid) {
        let size = state.size
        let lines = ["Terminal too small: \(size.width)×\(size.height)",
                     "Chorus needs at least \(Layout.minimum.width)×\(Layout.minimum.height)", "q quits"]
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let width = min(size.width, TextWidth.columns(of: line))
            grid.put(line, x: max(0, (size.width - width) / 2), y: top + offset, width: size.width, role: offset == 0 ? .warning : .text)
        }
    }

    private func drawTabBar(_ grid: inout Grid, _ rect: Rect) {
        // A narrow terminal keeps every pane's tab and drops the name and the padding.
        let roomy = Pane.allCases.reduce(8) { $0 + TextWidth.columns(of: $1.title) + 4 } <= rect.width
        var x = rect.x + (roomy ? grid.put(" Chorus ", x: rect.x, y: rect.y, role: .title) : 0)
        for pane in Pane.allCases {
            x += grid.put(" \(pane.rawValue) \(pane.title)\(roomy ? " " : "")", x: x, y: rect.y, width: rect.maxX - x,
                          role: pane == state.pane ? .activeTab : .mutedText)
        }
        let program = workspace.program.name
        if rect.maxX - x > TextWidth.columns(of: program) + 2 {
            grid.putRight(program + " ", maxX: rect.maxX, y: rect.y, width: rect.maxX - x, role: .mutedText)
        }
    }

    private func drawSubmissionDetail(_ grid: inout Grid, _ body: Rect) {
        let pane = ApprovalsPane(state: state.approvals, workspace: workspace, table: approvalsTable, today: today)
        guard let submission = pane.selected else { return }
        let width = min(body.width - 4, 90)
        let lines = SubmissionDetail(submission: submission, workspace: workspace, today: today).lines(width: width - 4)
        let height = min(body.height, lines.count + 2)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        Box.draw(&grid, rect, title: "\(submission.id) — Enter or Esc closes", focused: true)
        SubmissionDetail.draw(lines, &grid, Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2))
    }

    private func drawCreatorDetail(_ id: CreatorID, _ grid: inout Grid, _ body: Rect) {
        guard let creator = workspace.creator(id) else { return }
        let wave = state.pipeline.waveID.flatMap(workspace.wave)
        let lines = CreatorDetail(creator: creator, wave: wave, workspace: workspace, today: today, attribution: attribution, fit: table.fit).lines
        let edit = KeyMap.keys(for: .editCreator).first.map { "\($0.label) edits · " } ?? ""
        drawDetail(lines, title: "@\(creator.handle) — \(edit)Esc closes", &grid, body)
    }

    private func drawAssetDetail(_ id: AssetID, _ grid: inout Grid, _ body: Rect) {
        guard let asset = workspace.asset(id) else { return }
        drawDetail(AssetDetail(asset: asset, workspace: workspace, today: today).lines, title: "\(id) — Esc closes", &grid, body)
    }

    private func drawLedgerDetail(_ creator: CreatorID, _ wave: WaveID, _ grid: inout Grid, _ body: Rect) {
        guard case .ready(let built) = ledger,
              let position = built.rows.firstIndex(where: { $0.creatorID == creator && $0.waveID == wave }) else { return }
        let handle = workspace.creator(creator).map { "@" + $0.handle } ?? creator.rawValue
        let detail = LedgerDetail(row: built.rows[position], position: position, ledger: built, workspace: workspace)
        drawDetail(detail.lines, title: "\(handle) in \(wave) — Esc closes", &grid, body)
    }

    private func drawDetail(_ lines: [CreatorDetail.Line], title: String, _ grid: inout Grid, _ body: Rect) {
        let width = min(body.width - 4, 72)
        let height = min(body.height, lines.count + 2)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        Box.draw(&grid, rect, title: title, focused: true)
        CreatorDetail.draw(lines, &grid, rect.inset)
    }
}
