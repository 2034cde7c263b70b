import ChorusCore

/// Everything the console remembers between key presses that is not domain data: which pane,
/// where the cursor is, what is marked, the filter, the open prompt or overlay, the undo
/// stacks. It is a plain value, so a test can press keys and compare the whole state.
public struct UIState: Hashable, Sendable {
    public var size: Size
    public var pane: Pane = .pipeline
    public var pipeline = PipelineState()
    public var seeding = SeedingState()
    public var waves = WavesState()
    public var approvals = ApprovalsState()
    public var library = LibraryState()
    public var leaderboard = LeaderboardState()
    public var ledger = LedgerState()
    /// A keyboard form over the pane (a wave, a parcel); while open it has every key but Ctrl-c.
    public var form: OpenForm?
    public var prompt: Prompt?
    public var overlay: Overlay? {
        didSet { if overlay != oldValue { overlayScroll = 0 } }
    }
    /// How far the open detail overlay is scrolled; a new overlay starts at its top.
    public var overlayScroll = 0
    public var message: StatusMessage?
    /// Background news on screen, so the next news replaces it and the person's message stays.
    var news: BackgroundNews?
    /// Colleagues' work loading in the background, as the status line said it; nil once it arrived.
    var colleaguesWorkLoading: String?
    /// Why colleagues' changes are not being followed, while they are not (`ConsoleSession.notFollowing`).
    var notFollowing: String?
    /// Commands kept pending until the session can perform them (see `PendingCommands`).
    var pendingCommands = 0
    public var themeName: String
    public var undoStack: [UndoEntry] = []
    public var redoStack: [UndoEntry] = []
    public var wantsQuit = false
    /// Who is at the keyboard, whose roles decide which keys work (see `RoleGate`); nil where
    /// nobody is named (a test, a demo).
    public var person: String?

    public init(size: Size, themeName: String) {
        self.size = size
        self.themeName = themeName
    }
}

/// The Pipeline pane's own state: its list of creators, the wave shown and how it is sorted.
public struct PipelineState: Hashable, Sendable, ListPaneState {
    public var waveID: WaveID?
    public var list = ListState<CreatorID>()
    public var sort: PipelineSort = .stage
    /// `I`: the sort turned round.
    public var sortReversed = false
    /// The sourcing view: creators in no wave instead of the wave's pipeline, to invite into it.
    public var sourcing = false
    /// Only creators whose content is past their due date with nothing submitted (`L`).
    public var lateOnly = false

    public init() {}
}

/// The live filter: `isEditing` while typing after `/`; Enter keeps the text, Esc clears it.
public struct Filter: Hashable, Sendable {
    /// The words typed and the cursor in them.
    public var entry = TextEntry()
    public var isEditing = false

    public init(text: String = "", isEditing: Bool = false) {
        entry = TextEntry(text)
        self.isEditing = isEditing
    }

    /// The words typed; setting them puts the cursor at the end.
    public var text: String {
        get { entry.text }
        set { entry = TextEntry(newValue) }
    }

    public var isActive: Bool { !text.isEmpty || isEditing }
}

/// A one-line text entry at the bottom of the screen.
public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// `:` — a command, with completion.
        case command
        /// The reason for dropping these creators from the wave.
        case dropReason([CreatorID], wave: WaveID)
        /// A step of the Seeding pane's shipping and exception flows.
        case seeding(SeedingPrompt)
        /// A decision in the approval inbox: a y/n, a note, a reason or a new caption.
        case approvals(ApprovalPrompt)
        /// Tags to add or remove, or the Library's "usable today for" question.
        case library(LibraryPrompt)
        /// The incentive change for creators promoted into a wave.
        case promote([CreatorID], wave: WaveID)
        /// The path of a processor's report to reconcile a payout run from.
        case reconcilePayouts(run: Int)
        /// Which kind of message to draft for these creators (`m`).
        case outboxKind([CreatorID], wave: WaveID)
        /// A y/n before a key that moves money or changes structure.
        case confirm(Confirmation)
    }

    public var purpose: Purpose
    /// What is typed and the cursor in it.
    public var entry: TextEntry

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        entry = TextEntry(text)
    }

    /// What is typed; setting it puts the cursor at the end.
    public var text: String {
        get { entry.text }
        set { entry = TextEntry(newValue) }
    }

    /// A shipping run shows each outcome in its own box; every other prompt's message goes
    /// on the line above the prompt.
    var showsItsOwnMessages: Bool {
        if case .seeding(.tracking) = purpose { true } else { false }
    }
}

/// A layer drawn over the pane.
public enum Overlay: Hashable, Sendable {
    /// The `?` key list, scrolled by this many lines.
    case help(scroll: Int)
    /// One creator's full details (Enter).
    case creatorDetail(CreatorID)
    /// The selected draft's full details in the Approvals pane (Enter), for narrow terminals;
    /// it follows the cursor, so triage keys work through the inbox with it open.
    case submissionDetail
    /// One library asset's licence and performance (Enter in the Library).
    case assetDetail(AssetID)
    /// The orders and costs behind one Ledger row (Enter in the Ledger).
    case ledgerDetail(CreatorID, WaveID)
    /// The payout runs, or one run's payments (`p` in the Ledger).
    case payouts(PayoutsView)
    /// One parcel in full (Enter in Seeding), scrolled by this many lines.
    case parcelDetail(ShipmentID, scroll: Int)
    /// Survey answers that name several creators, to credit one each (`:resolve`).
    case surveyAnswers(cursor: Int)
    /// Drafted messages, before they are written (`m`, then the kind).
    case outboxPreview(OutboxSheet)
    /// Who changed what, and when, newest at the bottom; scrolled up by this many lines.
    case history([HistoryLine], scrolledUp: Int)
}

/// A sentence in the status bar until the next key press.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, warning, error }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A domain change that can be taken back: its summary in words and the `.restore` command
/// that takes it back.
public struct UndoEntry: Hashable, Sendable {
    public var summary: String
    public var command: Command

    public init(summary: String, command: Command) {
        self.summary = summary
        self.command = command
    }
}
