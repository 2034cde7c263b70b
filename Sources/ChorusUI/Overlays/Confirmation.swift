/// A y/n question before one key moves money or changes structure (a payout run, a copied
/// wave, cancelled parcels, a wave closed with work still open, a form's edits thrown away):
/// what would happen, in the words and figures a person checks, asked once. `y` does it;
/// `n` or Esc changes nothing.
public struct Confirmation: Hashable, Sendable {
    /// What `y` does.
    enum Answer: Hashable, Sendable {
        case run([Effect])
        /// Closes the open form without saving.
        case discardForm
    }

    /// The question on the prompt line, without the "y/n".
    public var question: String
    /// What the question is about, one line each (parcels, payments, a total), shown above it.
    public var details: [String]
    var yes: Answer
    /// Said after `n` or Esc.
    var noMessage: String

    init(_ question: String, details: [String] = [], yes: Answer, noMessage: String = "nothing changed") {
        self.question = question
        self.details = details
        self.yes = yes
        self.noMessage = noMessage
    }

    /// A key while the question is open: y, n or Esc answer it; any other key asks again.
    func answer(_ key: Key, _ state: inout UIState) -> [Effect] {
        switch key {
        case .character("y"), .character("Y"):
            state.prompt = nil
            switch yes {
            case .run(let effects): return effects
            case .discardForm:
                state.form = nil
                state.message = StatusMessage(.info, "changes discarded; nothing was saved")
            }
        case .character("n"), .character("N"), .escape:
            state.prompt = nil
            state.message = StatusMessage(.info, noMessage)
        default:
            state.message = StatusMessage(.warning, "press y for yes or n for no")
        }
        return []
    }

    var line: PromptLine { PromptLine(" \(question) y/n", "", hasField: false) }

    /// The details in a box just above the status bar; a long list shows its start and how
    /// many more there are, the figures that sum it up being in the question itself.
    static func draw(_ confirmation: Confirmation, _ grid: inout Grid, above statusBar: Rect, room: Int) {
        guard !confirmation.details.isEmpty else { return }
        let maximum = max(1, room - 3)
        var lines = confirmation.details
        if lines.count > maximum {
            let more = lines.count - (maximum - 1)
            lines = Array(lines.prefix(maximum - 1)) + ["… and \(more) more"]
        }
        let width = min(statusBar.width, max(44, (lines.map { TextWidth.columns(of: $0) }.max() ?? 0) + 4))
        let rect = Rect(x: statusBar.x, y: statusBar.y - lines.count - 2 - 1, width: width, height: lines.count + 2)
        Box.draw(&grid, rect, title: "y confirms · n or Esc changes nothing", focused: true)
        for (offset, line) in lines.enumerated() {
            grid.put(line, x: rect.x + 2, y: rect.y + 1 + offset, width: rect.width - 4, role: .text)
        }
    }
}
