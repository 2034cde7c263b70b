import ChorusConcurrency
import ChorusCore

/// Reads a snapshot's orders and survey responses: the part of a big workspace (over 80 % of
/// its bytes) that the console's first frame does not need. `load` is safe to run on another
/// thread; the store attaches the result on its owner's thread.
public struct OrderHistoryLoader: @unchecked Sendable {
    // @unchecked: the file system is only read here, and POSIXFileSystem holds no state.
    let orders: (path: String, rows: Int)
    let surveyResponses: (path: String, rows: Int)
    let currency: Currency
    let fileSystem: any FileSystem
    /// Where attribution kept for this state may be, and the creators and waves its positions
    /// refer to (copies that share storage: their ids are read on the loading thread, not at
    /// open); nil when the caller does not want it read (see `StoredAttribution`).
    var storedAttribution: (location: StoredAttribution.Location, creators: EntityTable<Creator>, waves: [Wave])?
    /// The orders' figures read from the kept file and taken as known before the orders
    /// (`WorkspaceStore.adopt`): checked against the orders read, since what was shown from
    /// them stands only if they are these orders' figures.
    var adoptedFigures: [OrderFigures]?

    /// Orders in the snapshot (before the load), for progress messages.
    public var orderCount: Int { orders.rows }

    public func load() throws -> OrderHistory {
        let orders = try decodeOrders(as: OrderRowCodec.self)
        // Then two independent jobs, one per core: indexing the orders; reading the survey
        // responses and the attribution kept for this state (or checking the figures taken from it).
        let (orderTable, (responses, attribution, adoptedFiguresHold)) = Parallel.both({ EntityTable(orders) }, {
            (Result { try surveyAnswers() }, storedAttribution.flatMap { stored in
                stored.location.read(orders: orders, creatorIDs: stored.creators.map(\.id), waveIDs: stored.waves.map(\.id),
                                     currency: currency)
            }, adoptedFigures.map { orders.haveFigures($0) } ?? true)
        })
        var history = OrderHistory(orders: orderTable, surveyResponses: EntityTable(try responses.get()))
        history.attribution = attribution
        history.adoptedFiguresDiffer = !adoptedFiguresHold
        return history
    }

    /// The attribution kept for this state and the figures of the orders it adds up, read from
    /// its file alone (a tenth of the orders file); nil when none fits. What a console shows
    /// the Leaderboard and Ledger from while `load` reads the whole orders.
    public func keptAttributionAlone() -> KeptAttribution? {
        guard let (location, creators, waves) = storedAttribution,
              let (result, figures) = location.read(orderCount: orders.rows, creatorIDs: creators.map(\.id), waveIDs: waves.map(\.id),
                                                    currency: currency) else { return nil }
        return KeptAttribution(result: result, orderFigures: figures)
    }

    /// The attribution kept for this state with its figures, and the answers kept about its
    /// ambiguous orders: from those two files alone, no order read. Nil unless both are there
    /// and fit, the orders file unchanged since (see `KeptAmbiguousAnswers`).
    func keptAttributionWithAnswers() -> (kept: KeptAttribution, answers: KeptAmbiguousAnswers)? {
        let files = (orders: orders.path, answers: surveyResponses.path)
        // The small file and the files' names and sizes first: nothing big is read for answers kept for other files.
        guard let answers = storedAttribution?.location.keptAnswers,
              answers.mayFit(files: files, answerCount: surveyResponses.rows, fileSystem: fileSystem) else { return nil }
        let (kept, filesHold) = Parallel.both({ keptAttributionAlone() }, { answers.filesHold(files, fileSystem: fileSystem) })
        guard filesHold, let kept, answers.listTheAmbiguousOrders(of: kept.result.decisions) else { return nil }
        return (kept, answers)
    }

    /// The orders' figures alone, with the attribution kept for this state; nil when no kept
    /// file fits it (then nothing but that file was read) or when an order was converted from
    /// another currency (the caller names the rates, which only whole orders hold). What a
    /// report adds up is the kept decisions and the orders' amounts and days, so it decodes no
    /// whole order, builds no index of them and reads no survey answer, as `load` does.
    /// `readingKeys`: also every order's `Name` and Shopify id, which survey answers name
    /// orders by (for a report listing the ambiguous answers, with `surveyAnswerTexts()`).
    func figuresWithKeptAttribution(readingKeys: Bool = false) throws
        -> (figures: [OrderFigures], attribution: AttributionResult, keys: (ids: [OrderID], shopifyIDs: [String?])?)? {
        guard let (location, creators, waves) = storedAttribution, fileSystem.fileExists(at: location.path),
              let (decisions, _) = StoredAttribution.decode(file: location.path, fileSystem: fileSystem, orders: self.orders.rows,
                                                            creators: creators.count, waves: waves.count) else { return nil }
        let rows: [OrderFiguresRowCodec.Row], keys: (ids: [OrderID], shopifyIDs: [String?])?
        if readingKeys {
            let keyed = try decodeOrders(as: OrderFiguresRowCodec.WithKeys.self)
            (rows, keys) = (keyed.map(\.figures), (keyed.map(\.id), keyed.map(\.shopifyID)))
        } else {
            (rows, keys) = (try decodeOrders(as: OrderFiguresRowCodec.self), nil)
        }
        guard !rows.contains(where: \.converted) else { return nil }
        let figures = rows.map(\.figures)
        return (figures, AttributionResult(adding: decisions, orders: figures, creatorIDs: creators.map(\.id), waveIDs: waves.map(\.id),
                                           currency: currency), keys)
    }

    private func decodeOrders<Codec: RowCodec>(as codec: Codec.Type) throws -> [Codec.Row] {
        try CollectionFile.decode(file: orders.path, fileSystem: fileSystem, as: codec, currency: currency, expectedRows: orders.rows)
    }

    /// Every survey answer, whole.
    func surveyAnswers() throws -> [SurveyResponse] { try decodeAnswers(as: SurveyResponseRowCodec.self) }

    /// Every survey answer's order and words (`SurveyAnswerTextRowCodec`): all a report listing
    /// the ambiguous answers beside kept attribution needs of them.
    func surveyAnswerTexts() throws -> [SurveyAnswerText] { try decodeAnswers(as: SurveyAnswerTextRowCodec.self) }

    private func decodeAnswers<Codec: RowCodec>(as codec: Codec.Type) throws -> [Codec.Row] {
        try CollectionFile.decode(file: surveyResponses.path, fileSystem: fileSystem, as: codec, currency: currency,
                                  expectedRows: surveyResponses.rows)
    }
}
