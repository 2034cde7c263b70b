import ChorusCore
import ChorusInterchange
@testable import ChorusUI
import Foundation
import XCTest

/// A session that applies commands to an in-memory workspace, as the store would, at a fixed
/// time, and remembers what it was sent. It keeps attribution for the current state as a
/// store does (`AttributionKeeper`), and tells the owner of derived figures of every change.
final class InMemorySession: ConsoleSession, AttributionKeeper {
    private(set) var workspace: Workspace
    private(set) var performed: [Command] = []
    private(set) lazy var derived = DerivedFigures(keeper: self)
    /// Set by tests that play a store still loading order history in the background; set back
    /// to false, the history counts as arrived.
    var isLoadingOrderHistory: Bool {
        get { derived.isLoadingOrders }
        set { newValue ? derived.recordOrderHistoryLoading(true) : derived.recordOrderHistoryAttached() }
    }
    /// Attribution kept for the current state, dropped by a command that may change it, as a store does.
    var knownAttribution: AttributionResult?
    /// Set by tests that play a session whose catch-up failed.
    var notFollowing: String?
    private(set) var remembered = 0
    /// What was performed, as a store's history records it.
    private(set) var history: [HistoryLine] = []

    /// Who is at the keyboard; commands are recorded as theirs ("test" when nobody is named).
    let actingPerson: String?

    init(_ workspace: Workspace, person: String? = nil) {
        self.workspace = workspace
        actingPerson = person
    }

    func perform(_ command: Command) throws -> AppliedCommand {
        let applied = try workspace.apply(command, context: CommandContext(now: Sample.now, actor: actingPerson ?? "test"))
        performed.append(command)
        history.append(HistoryLine(at: Sample.now, actor: "test", summary: applied.summary))
        if command.mayChangeAttribution(replacing: applied) { knownAttribution = nil }
        derived.record(command, applied: applied)
        return applied
    }

    /// Colleagues' commands appended but not yet followed by the console.
    private var colleagues: [(actor: String, command: Command)] = []

    /// A colleague's command appended to the log; the console applies it when it next follows
    /// the log, as a store does. Checked against the workspace now, so a test cannot queue one
    /// that would be refused.
    func colleague(_ actor: String, _ command: Command) throws {
        var copy = workspace
        try copy.apply(command, context: CommandContext(now: Sample.now, actor: actor))
        colleagues.append((actor, command))
    }

    func collectColleaguesWork() -> [ColleagueChange] {
        defer { colleagues = [] }
        return colleagues.compactMap { actor, command in
            guard let applied = try? workspace.apply(command, context: CommandContext(now: Sample.now, actor: actor)) else { return nil }
            if command.mayChangeAttribution(replacing: applied) { knownAttribution = nil }
            derived.record(command, applied: applied)
            return ColleagueChange(actor: actor, summary: applied.summary)
        }
    }

    func remember(_ attribution: AttributionResult) {
        knownAttribution = attribution
        remembered += 1
    }

    /// Reads a processor's report as the `chorus` session does.
    func paymentResults(fromFile path: String, run: PayoutRun, today: Day) throws -> [PaymentResult] {
        let parsed = try PayoutResultsImport(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))),
                                             fileName: URL(fileURLWithPath: path).lastPathComponent, run: run, today: today)
        if let first = parsed.errors.first { throw first }
        return parsed.results
    }
}

/// Drives a console the way a person does, for tests that read like workflows:
/// `console.press("j", "j", " ").frame.line(5)`.
final class ConsoleDriver {
    let session: InMemorySession
    let console: Console

    /// `loadingOrderHistory` and `keptAttribution` play a store that opens with order history
    /// still loading, or with attribution kept beside its snapshot.
    init(_ workspace: Workspace = Sample.workspace(), size: Size = Size(width: 80, height: 24), theme: String = "default",
         themes: ThemeCatalog = ThemeCatalog(directory: nil), noColor: Bool = false, person: String? = nil,
         loadingOrderHistory: Bool = false, keptAttribution: AttributionResult? = nil) {
        session = InMemorySession(workspace, person: person)
        if loadingOrderHistory { session.isLoadingOrderHistory = true }
        session.knownAttribution = keptAttribution
        console = Console(session: session, themes: themes, themeName: theme, noColor: noColor, today: Sample.today, size: size)
    }

    /// Presses keys: `"j"`, `" "` and `">"` are typed characters, `.enter` and `.control("d")`
    /// are the named keys.
    @discardableResult
    func press(_ keys: Key...) -> Self {
        keys.forEach(console.press)
        return self
    }

    /// Types text into whatever has the keyboard (filter, prompt, palette).
    @discardableResult
    func type(_ text: String) -> Self {
        text.forEach { console.press(.character($0)) }
        return self
    }

    /// Keys that arrive together, as a barcode scanner sends them: the text and Enter in one burst.
    @discardableResult
    func scan(_ text: String) -> Self {
        console.press(text.map { Key.character($0) } + [.enter])
        return self
    }

    @discardableResult
    func resize(_ width: Int, _ height: Int) -> Self {
        console.resize(to: Size(width: width, height: height))
        return self
    }

    var frame: Grid { console.frame() }
    var state: UIState { console.state }
    var workspace: Workspace { session.workspace }

    func stage(of handle: String, in wave: WaveID = Sample.wave1) -> PipelineStage? {
        workspace.creator(handle: handle).flatMap { workspace.enrollment($0.id, in: wave)?.stage }
    }

    /// The frame as one string, for failure messages.
    var dump: String { frame.lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n") }
}

extension Grid {
    /// The row whose text contains `text`, or nil.
    func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }

    /// The terminal column where `text` starts in row `y` (columns, not characters).
    func column(of text: String, inRow y: Int) -> Int? {
        for x in 0..<size.width where !self[x, y].isContinuation {
            var joined = ""
            var column = x
            while column < size.width, joined.count < text.count {
                if !self[column, y].isContinuation { joined.append(self[column, y].grapheme) }
                column += 1
            }
            if joined == text { return x }
        }
        return nil
    }

    /// The role of the cell where `text` starts in the row containing it.
    func role(of text: String) -> StyleRole? {
        guard let y = row(containing: text), let x = column(of: text, inRow: y) else { return nil }
        return self[x, y].role
    }
}

/// Lets tests write a typed key as text: `press("j", " ", .enter)`.
extension Key: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self = .character(Character(text)) }
}
