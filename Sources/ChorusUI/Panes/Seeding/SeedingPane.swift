import ChorusCore

/// The Seeding pane: the selected wave's parcels in status order (queued first, the work of
/// the day), with who, where, what, carrier, tracking number, age and any follow-up flag, and
/// a count per status above the table so "how much is left to pack" is always in view.
struct SeedingPane {
    let state: SeedingState
    let waveID: WaveID?
    let workspace: Workspace
    let table: SeedingRows
    let today: Day?
    var budgetLine: WaveBudgetLine?

    /// Rows above the table inside the main area: status counts and the header.
    static let chromeRows = 2

    static func tableRows(at size: Size) -> Int { max(1, Layout(size: size).body.height - chromeRows) }

    private enum Column: CaseIterable {
        case id, creator, country, items, status, carrier, tracking, age, followUp

        var title: String {
            switch self {
            case .id: "PARCEL"
            case .creator: "CREATOR"
            case .country: "CC"
            case .items: "ITEMS"
            case .status: "STATUS"
            case .carrier: "CARRIER"
            case .tracking: "TRACKING"
            case .age: "AGE"
            case .followUp: "FOLLOW-UP"
            }
        }

        /// Fixed widths; the creator column takes what is left. The items stay longest when narrow.
        var width: Int {
            switch self {
            case .id: 8
            case .creator: 0
            case .country: 2
            case .items: 12
            case .status: 9
            case .carrier: 10
            case .tracking: 22
            case .age: 4
            case .followUp: 15
            }
        }
    }

    func draw(_ grid: inout Grid, _ layout: Layout) {
        let body = layout.body
        let budgetShown = drawCounts(&grid, Rect(x: body.x, y: body.y, width: body.width, height: 1))
        drawTitle(&grid, layout.titleBar, withBudget: !budgetShown)
        guard waveID != nil else {
            grid.put(" " + Pane.noWavesYet(), x: body.x, y: body.y + 2, role: .mutedText)
            return
        }
        let columns = layoutColumns(width: body.width - 2, rows: body.height - Self.chromeRows)
        let view = TableView(columns: columns) { _ in false }
        view.drawHeader(&grid, y: body.y + 1, from: body, title: \.title)
        drawRows(&grid, view, Rect(x: body.x, y: body.y + Self.chromeRows, width: body.width, height: body.height - Self.chromeRows))
    }

    /// The items column grows to show every item of the parcels shown.
    private func layoutColumns(width: Int, rows: Int) -> [(Column, x: Int, width: Int)] {
        let shown = (state.scroll..<state.scroll + max(0, rows)).compactMap { table.id(at: $0).flatMap(workspace.shipment) }
        let wanted = [Column.creator, .items].map { column in (column, ColumnLayout.widest(shown.map { text(column, $0) })) }
        return ColumnLayout.fit(Column.allCases, width: width, flexible: .creator, dropFirst: [.age, .country, .carrier, .followUp, .items],
                                widthOf: \.width, wanted: Dictionary(uniqueKeysWithValues: wanted))
    }

    /// The wave's budget goes on the counts line when all its figures fit there, else on the title bar.
    private func drawTitle(_ grid: inout Grid, _ rect: Rect, withBudget: Bool) {
        var parts = ["Seeding"]
        if let wave = waveID.flatMap(workspace.wave) { parts.append("\(wave.name) (\(wave.status.label))") }
        parts.append("\(table.count) \(state.status == .all ? "" : state.status.label + " ")parcel\(table.count == 1 ? "" : "s")")
        if !state.filter.text.isEmpty { parts.append("filter \"\(state.filter.text)\"") }
        let used = grid.put(" " + parts.joined(separator: " · "), x: rect.x, y: rect.y, width: rect.width, role: .title)
        if withBudget { budgetLine?.draw(&grid, from: rect.x + used, maxX: rect.maxX, y: rect.y, role: .title) }
    }

    /// The counts per status, then the wave's budget if all its figures fit; whether they did.
    private func drawCounts(_ grid: inout Grid, _ rect: Rect) -> Bool {
        var x = rect.x + 1
        for filter in SeedingFilter.allCases where filter != .all && x < rect.maxX {
            let count = table.counts[filter] ?? 0
            let isShown = filter == state.status
            x += grid.put("\(filter.label) ", x: x, y: rect.y, width: rect.maxX - x, role: isShown ? .title : .mutedText)
            let role: StyleRole = count == 0 ? .mutedText : (filter == .followUp || filter == .exception ? .warning : .text)
            x += grid.put("\(count)", x: x, y: rect.y, width: rect.maxX - x, role: role)
            x += grid.put("  ", x: x, y: rect.y, width: rect.maxX - x, role: .mutedText)
        }
        return (budgetLine?.draw(&grid, from: x, maxX: rect.maxX, y: rect.y, role: .mutedText, allFigures: true) ?? 0) > 0
    }

    private func drawRows(_ grid: inout Grid, _ columns: TableView<Column>, _ rect: Rect) {
        let empty = state.filter.text.isEmpty && state.status == .all
            ? "No parcels in this wave yet. In the Pipeline (1), mark creators and press S to seed them."
            : "No \(state.status == .all ? "" : state.status.label + " ")parcel matches — Esc clears the filter."
        columns.drawRows(&grid, rect, list: state.list, count: table.count, empty: empty) { row in
            guard let id = table.id(at: row), let shipment = workspace.shipment(id) else { return nil }
            return .init(id: id, cell: { (text($0, shipment), role($0, shipment)) })
        }
    }

    private func text(_ column: Column, _ shipment: Shipment) -> String {
        let creator = workspace.creator(shipment.creatorID)
        switch column {
        case .id: return shipment.id.rawValue
        case .creator: return creator.map { "@\($0.handle)" } ?? shipment.creatorID.rawValue
        case .country: return creator?.address?.country ?? creator?.country ?? ""
        case .items: return shipment.items.map { "\($0.sku.rawValue.replacingOccurrences(of: "SKU-", with: ""))×\($0.quantity)" }.joined(separator: " ")
        case .status: return shipment.status.rawValue
        case .carrier: return shipment.carrier?.label ?? ""
        case .tracking: return shipment.trackingNumber ?? ""
        case .age: return age(shipment).map { "\($0)d" } ?? ""
        case .followUp: return table.flags[shipment.id]?.label ?? shipment.exception.map { "\($0.kind.label): \($0.note)" } ?? ""
        }
    }

    /// Days in the current status: since its last change (a re-packed parcel counts from its
    /// return to the queue, not from when it was first queued).
    private func age(_ shipment: Shipment) -> Int? {
        guard let today, let since = shipment.history.last?.at else { return nil }
        return since.day.days(until: today)
    }

    private func role(_ column: Column, _ shipment: Shipment) -> StyleRole {
        switch column {
        case .status where shipment.status == .exception: .danger
        case .status where shipment.status == .delivered: .success
        case .followUp: shipment.status == .exception ? .danger : .warning
        case .id, .age: .mutedText
        default: shipment.status == .cancelled ? .mutedText : .text
        }
    }
}

extension SeedingPane: ListPane {
    static func holdCursor(_ console: Console) {
        console.state.seeding.list.hold(console.seedingTable.id(at: console.state.seeding.cursor))
    }

    static func refreshRows(_ console: Console) {
        let table = console.seedingTable
        table.refresh(console.session.workspace, generation: console.session.derived.revision, wave: console.state.pipeline.waveID,
                      state: console.state.seeding, today: console.today)
        console.state.seeding.list.settle(rows: table.count, page: tableRows(at: console.state.size), rowOf: table.row(of:))
        console.refreshBudgetLine()
    }

    static var state: WritableKeyPath<UIState, SeedingState> { \.seeding }

    static func draw(_ frame: Renderer, _ grid: inout Grid, _ layout: Layout) {
        SeedingPane(state: frame.state.seeding, waveID: frame.state.pipeline.waveID, workspace: frame.workspace, table: frame.seedingTable,
                    today: frame.today, budgetLine: frame.budgetLine).draw(&grid, layout)
    }

    static func listArea(_ state: UIState, context: UpdateContext, layout: Layout) -> ListArea {
        ListArea(top: layout.body.y + chromeRows, rows: context.seedingTable.count, page: tableRows(at: state.size), maxX: layout.body.maxX)
    }

    static func rowCount(_ frame: Renderer) -> Int { frame.seedingTable.count }

    /// A parcel's tracking number; its id before it ships.
    static func copyable(_ state: UIState, context: UpdateContext) -> (text: String, what: String)? {
        guard let shipment = context.seedingTable.id(at: state.seeding.cursor).flatMap(context.workspace.shipment) else { return nil }
        if let number = shipment.trackingNumber, !number.isEmpty { return (number, "tracking number of \(shipment.id)") }
        return (shipment.id.rawValue, "parcel id; it has no tracking number yet")
    }

    static func messageRecipients(_ state: UIState, context: UpdateContext) -> [(CreatorID, WaveID)]? {
        parcelTargets(state, context: context).compactMap { context.workspace.shipment($0).map { ($0.creatorID, $0.waveID) } }
    }
}
