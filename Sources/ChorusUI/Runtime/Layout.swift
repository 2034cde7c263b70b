/// Where each part of the frame goes at a given size. One place decides, so `update` (which
/// needs the page height for PgDn) and `render` always agree.
struct Layout {
    /// Below this the console shows one centred message instead of a garbled frame.
    static let minimum = Size(width: 60, height: 15)
    /// From this width on, the selected row's details get a side panel.
    static let sidePanelMinimumWidth = 110

    let size: Size

    var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }

    var tabBar: Rect { Rect(x: 0, y: 0, width: size.width, height: 1) }
    var titleBar: Rect { Rect(x: 0, y: 1, width: size.width, height: 1) }
    var statusBar: Rect { Rect(x: 0, y: size.height - 1, width: size.width, height: 1) }

    /// Between the title bar and the status bar.
    var body: Rect { Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 3)) }

    /// The side panel, with its left border column, when the terminal is wide enough.
    var sidePanel: Rect? {
        guard size.width >= Self.sidePanelMinimumWidth else { return nil }
        let width = min(60, size.width * 35 / 100)
        return Rect(x: size.width - width, y: body.y, width: width, height: body.height)
    }

    /// The pane's main area: the body without the side panel.
    var main: Rect {
        guard let side = sidePanel else { return body }
        return Rect(x: 0, y: body.y, width: side.x, height: body.height)
    }
}
