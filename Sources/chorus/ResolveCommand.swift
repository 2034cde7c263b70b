import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus resolve [ORDER @handle]`: the queue of survey answers that name several creators,
/// and settling one. Settling credits the order to the creator chosen and keeps the buyer's
/// words as that creator's alias, so the next answer in the same words credits them alone.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Settle a survey answer that names several creators.",
        discussion: """
        Without arguments, lists the orders whose survey answers name several creators, with who they name. \
        With an order (#1002, 1002 or Shopify's numeric Id) and a handle, credits the order to that creator and \
        keeps the answer's words as the creator's alias (see chorus alias), as one undoable change.
        """)

    @Argument(help: ArgumentHelp("The order: its Name (#1002) or Shopify's numeric Id.", valueName: "order")) var order: String?
    @Argument(help: ArgumentHelp("The creator to credit.", valueName: "@handle")) var handle: String?
    @Option(help: ArgumentHelp("Keep these words as the alias instead of the answer's.", valueName: "text")) var alias: String?
    @Flag(help: "Credit the order without keeping an alias.") var noAlias = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            guard let order else { return try listQueue() }
            guard let handle else { throw CLIFailure(message: "name the creator to credit: chorus resolve \(order) @handle") }
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            try store.finishLoadingOrderHistory()
            let current = store.workspace
            guard let creator = current.creator(handle: handle) else { throw CLIFailure(message: "no creator @\(Creator.normalizedHandle(handle))") }
            guard let orderID = SurveyAnswerOrders(keys: [OrderID(order)], in: current).order(OrderID(order)) else {
                throw CLIFailure(message: "no order \(order) (give its Name, like #1002, or Shopify's numeric Id)")
            }
            let result = try store.attribution()
            let position = current.orders.position(of: orderID)
            if let position {
                let decided = result.credits[position]
                let why: [AttributionResult.Outcome: String] = [
                    .directByCode: "is credited by its discount code", .directByLink: "is credited by its tracking link",
                    .paidOrAffiliate: "came from a paid or affiliate channel", .notCounted: "is cancelled or unpaid and counts for nothing",
                ]
                if let reason = why[decided.outcome] {
                    throw CLIFailure(message: "order \(orderID) \(reason); survey answers do not decide it")
                }
            }
            let pending = position.flatMap { Attribution.ambiguousAnswer(at: $0, of: result, in: current) }
            let words = noAlias ? nil : alias ?? pending?.text
            let applied = try store.perform(.resolveSurveyAnswer(order: orderID, creator: creator.id, alias: words), context: Clock.context)
            try Output.print(applied.summary)
            store.leaveReadyForTheNextOpen()
            ProcessExit.leaveToTheSystem(store)
        }
    }

    private func listQueue() throws {
        let store = try workspace.openForReading()
        let queue = Attribution.ambiguousAnswers(of: try store.attribution(), in: store.workspace)
        guard !queue.isEmpty else { return try Output.print("no survey answers to resolve") }
        try Output.print("\(queue.count) survey answer\(queue.count == 1 ? " names" : "s name") several creators:")
        for answer in queue {
            let named = answer.creators.map { "@" + (store.workspace.creator($0)?.handle ?? $0.rawValue) }.joined(separator: ", ")
            try Output.print("  \(answer.orderID)  \"\(answer.text)\"  → \(named)")
        }
        try Output.print("credit one with: chorus resolve ORDER @handle")
    }
}

/// `chorus alias add|remove @handle TEXT`: words buyers use for a creator in survey answers.
struct AliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias", abstract: "Words that name a creator in survey answers.",
        discussion: """
        An alias ("Felix Mueller on Instagram") names its creator alone: an answer using it credits them even when \
        their name is shared with another creator. chorus resolve keeps one for you.
        """,
        subcommands: [AddAlias.self, RemoveAlias.self])

    struct AddAlias: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Give a creator an alias.")
        @Argument(help: ArgumentHelp("The creator.", valueName: "@handle")) var handle: String
        @Argument(help: ArgumentHelp("The words, quoted.", valueName: "text")) var text: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            try reportingErrors { try AliasCommand.change(handle, in: workspace) { $0.aliases.append(text) } }
        }
    }

    struct RemoveAlias: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take an alias away.")
        @Argument(help: ArgumentHelp("The creator.", valueName: "@handle")) var handle: String
        @Argument(help: ArgumentHelp("The words, as listed.", valueName: "text")) var text: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            try reportingErrors {
                try AliasCommand.change(handle, in: workspace) { creator in
                    guard let index = creator.aliases.firstIndex(where: { $0.lowercased() == text.lowercased() }) else {
                        throw CLIFailure(message: "@\(creator.handle) has no alias \"\(text)\" (aliases: \(creator.aliases.map { "\"\($0)\"" }.joined(separator: ", ")))")
                    }
                    creator.aliases.remove(at: index)
                }
            }
        }
    }

    static func change(_ handle: String, in workspace: WorkspaceOption, _ edit: (inout Creator) throws -> Void) throws {
        let store = try WritableWorkspace.open(workspace.url)
        defer { store.close() }
        guard var creator = store.workspace.creator(handle: handle) else { throw CLIFailure(message: "no creator @\(Creator.normalizedHandle(handle))") }
        try edit(&creator)
        let applied = try store.perform(.updateCreator(creator), context: Clock.context)
        try Output.print(applied.summary + "; aliases: " + (creator.aliases.isEmpty ? "none" : creator.aliases.map { "\"\($0)\"" }.joined(separator: ", ")))
    }
}
