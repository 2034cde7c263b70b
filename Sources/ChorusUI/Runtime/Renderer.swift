import ChorusCore

/// Draws a whole frame from the state and the workspace: tab bar, the pane, the status bar,
/// then any overlay or prompt on top. Derived figures come in as what the owner
/// (`DerivedFigures`) has for the current position, so drawing derives none of them; the
/// panes' rows come in as built by the `Console`, with what their drawing shows (sparklines,
/// tallies, compliance checks) derived when they were rebuilt: drawing only reads.
struct Renderer {
    let state: UIState
    let workspace: Workspace
    let table: PipelineRows
    let seedingTable: SeedingRows
    let approvalsTable: ApprovalsRows
    let libraryTable: LibraryRows
    let leaderboardTable: LeaderboardRows
    let ledgerTable: LedgerRows
    let ledger: Derived<Ledger>
    /// Paid, in run and payable per Ledger row, while the Ledger is shown.
    let payoutBalances: PayoutBalances?
    let today: Day?
    let vocabulary: CommandPalette.Vocabulary
    let attribution: Derived<AttributionResult>
    /// The answers naming several creators, for their queue (nil while being worked out).
    var surveyAnswers: [AttributionResult.AmbiguousAnswer]? = nil
    /// The Waves pane's overview and cohorts.
    var figures: Derived<OverviewFigures> = .computing
    var noColor = false
    /// The Leaderboard's and Ledger's sparklines.
    let trends: RowTrends
    let tallies: WaveTallies
    /// The wave's budget in the Pipeline's title bar and the Seeding pane's counts line.
    var budgetLine: WaveBudgetLine?
    /// Whether the order history is still loading (the ledger may be shown meanwhile; the
    /// orders it names are not here yet).
    var ordersLoading = false

    func frame() -> Grid {
        var grid = Grid(size: state.size)
        let layout = Layout(size: state.size)
        if layout.isTooSmall {
            drawTooSmall(&grid)
            return grid
        }
        drawTabBar(&grid, layout.tabBar)
        func draw<P: ListPane>(_ kind: P.Type) { kind.draw(self, &grid, layout) }
        draw(state.pane.kind)
        func rows<P: ListPane>(_ kind: P.Type) -> (Int, [(text: String, role: StyleRole)]) { (kind.rowCount(self), kind.statusNotes(self)) }
        let (rowCount, notes) = rows(state.pane.kind)
        StatusBar(state: state, workspace: workspace, rows: rowCount, notes: notes, libraryTable: libraryTable).draw(&grid, layout.statusBar)
        switch state.overlay {
        case .help(let scroll):
            HelpOverlay.draw(pane: state.pane, scroll: scroll, isRuledOut: { RoleGate.refusal(of: $0, state, workspace: workspace) != nil },
                             &grid, layout.body)
        case .creatorDetail, .submissionDetail, .assetDetail, .ledgerDetail, .payouts, .outboxPreview:
            detailOverlay(layout.body)?.draw(scroll: state.overlayScroll, &grid, layout.body)
        case .parcelDetail(let id, let scroll): drawParcelDetail(id, scroll: scroll, &grid, layout.body)
        case .surveyAnswers(let cursor):
            SurveyAnswersQueue.draw(surveyAnswers, unreadable: attribution.unreadableReason, cursor: cursor, workspace: workspace, &grid, layout.body)
        case .history(let lines, let up): HistoryOverlay.draw(lines, scrolledUp: up, today: today, &grid, layout.body)
        case nil: break
        }
        if state.prompt?.purpose == .command, let text = state.prompt?.text {
            PaletteView.draw(text: text, vocabulary: vocabulary, &grid, above: layout.statusBar)
        }
        if case .seeding(.tracking(let run))? = state.prompt?.purpose {
            ShippingRunView.draw(run, message: state.message, workspace: workspace, &grid, above: layout.statusBar)
        }
        if let form = state.form?.form { FormView.draw(form, &grid, layout.body) }
        if case .confirm(let confirmation)? = state.prompt?.purpose {
            Confirmation.draw(confirmation, &grid, above: layout.statusBar, room: layout.body.height)
        }
        if let message = state.message, let prompt = state.prompt, !prompt.showsItsOwnMessages {
            StatusBar.drawAbove(message, &grid, layout.statusBar)
        }
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
        let roomy = TabBar.isRoomy(width: rect.width)
        var x = rect.x + (roomy ? grid.put(TabBar.brand, x: rect.x, y: rect.y, role: .title) : 0)
        for pane in Pane.allCases {
            x += grid.put(TabBar.label(pane, roomy: roomy), x: x, y: rect.y, width: rect.maxX - x,
                          role: pane == state.pane ? .activeTab : .mutedText)
        }
        let program = workspace.program.name
        if rect.maxX - x > TextWidth.columns(of: program) + 2 {
            grid.putRight(program + " ", maxX: rect.maxX, y: rect.y, width: rect.maxX - x, role: .mutedText)
        }
    }

    /// The open detail overlay's content, wrapped to the width it gets in `body`; nil for none.
    /// The console also asks for it to keep the scroll within the lines there are.
    func detailOverlay(_ body: Rect) -> DetailOverlay? {
        let width = DetailOverlay.textWidth(in: body)
        switch state.overlay {
        case .creatorDetail(let id):
            guard let creator = workspace.creator(id) else { return nil }
            let wave = state.pipeline.waveID.flatMap(workspace.wave)
            let lines = CreatorDetail(creator: creator, wave: wave, workspace: workspace, today: today, attribution: attribution, fit: table.fit,
                                     leadPurchases: table.leadPurchases[creator.id]).lines
            let edit = KeyMap.keys(for: .editCreator).first.map { "\($0.label) edits · " } ?? ""
            return DetailOverlay(title: "@\(creator.handle) — \(edit)Esc closes", lines: DetailOverlay.wrap(lines, width: width))
        case .submissionDetail:
            if let decided = state.approvals.decidedElsewhere, let submission = workspace.submission(decided.id) {
                let lines = SubmissionDetail(submission: submission, workspace: workspace, today: today).lines(width: width)
                return DetailOverlay(title: "\(submission.id) — \(decided.what) while you had it open — Esc closes", lines: lines)
            }
            let pane = ApprovalsPane(state: state.approvals, workspace: workspace, table: approvalsTable, today: today)
            guard let submission = pane.selected else { return nil }
            let lines = SubmissionDetail(submission: submission, workspace: workspace, today: today).lines(width: width)
            return DetailOverlay(title: "\(submission.id) — Enter or Esc closes", lines: lines)
        case .assetDetail(let id):
            guard let asset = workspace.asset(id) else { return nil }
            let lines = AssetDetail(asset: asset, workspace: workspace, today: today).lines
            return DetailOverlay(title: "\(id) — Esc closes", lines: DetailOverlay.wrap(lines, width: width))
        case .ledgerDetail(let creator, let wave):
            guard case .ready(let built) = ledger,
                  let position = built.rows.firstIndex(where: { $0.creatorID == creator && $0.waveID == wave }) else { return nil }
            let handle = workspace.creator(creator).map { "@" + $0.handle } ?? creator.rawValue
            let detail = LedgerDetail(row: built.rows[position], position: position, ledger: built, workspace: workspace,
                                      payouts: payoutBalances?.balance(creator, wave), ordersLoading: ordersLoading)
            return DetailOverlay(title: "\(handle) in \(wave) — Esc closes", lines: DetailOverlay.wrap(detail.lines, width: width))
        case .payouts(let view):
            let built: Ledger? = if case .ready(let built) = ledger { built } else { nil }
            return DetailOverlay(title: view.title,
                                 lines: DetailOverlay.wrap(view.lines(workspace, ledger: built, ordersLoading: ordersLoading), width: width))
        case .outboxPreview(let sheet):
            return OutboxUpdate.overlay(sheet, width: width)
        case .help, .parcelDetail, .surveyAnswers, .history, nil:
            return nil
        }
    }

    /// The parcel detail keeps its own scroll (in the overlay) so a scan of `j`/`k` is bounded by its lines.
    private func drawParcelDetail(_ id: ShipmentID, scroll: Int, _ grid: inout Grid, _ body: Rect) {
        guard let shipment = workspace.shipment(id) else { return }
        let lines = ParcelDetail(shipment: shipment, workspace: workspace).lines(width: DetailOverlay.textWidth(in: body))
        let overlay = DetailOverlay(title: "\(id) — Enter or Esc closes", lines: DetailOverlay.wrap(lines, width: DetailOverlay.textWidth(in: body)))
        overlay.draw(scroll: min(scroll, overlay.scrollLimit(in: body)), &grid, body)
    }
}
