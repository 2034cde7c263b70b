import ChorusCore
@testable import ChorusUI
import XCTest

/// Every `:` command, typed alone and with something after it. Alone it does what its key
/// does; with ids it acts on exactly the items named (never the cursor row), and anything it
/// cannot act on is refused with the reason while nothing changes.
final class PaletteCommandTests: XCTestCase {
    private func run(_ console: ConsoleDriver, _ line: String) {
        console.press(":").type(line).press(.enter)
    }

    private func status(_ console: ConsoleDriver, _ id: ShipmentID) -> ShipmentStatus? { console.workspace.shipment(id)?.status }
    private func status(_ console: ConsoleDriver, _ id: SubmissionID) -> SubmissionStatus? { console.workspace.submission(id)?.status }

    /// A workspace where the command's own pane has something to act on.
    private func workspace(for scope: KeyScope) -> Workspace {
        switch scope {
        case .approvals: ApprovalsSample.workspace(failing: [2])
        case .library: LibrarySample.workspace()
        default: SeedingSample.workspace()
        }
    }

    private func pane(for scope: KeyScope) -> Pane {
        switch scope {
        case .global, .list, .pipeline, .sorted: .pipeline
        case .seeding: .seeding
        case .waves: .waves
        case .approvals: .approvals
        case .library: .library
        case .leaderboard: .leaderboard
        case .ledger: .ledger
        }
    }

    // MARK: Without arguments

    func testEveryCommandAloneDoesWhatItsKeyDoes() {
        for binding in KeyMap.commands where !binding.keys.isEmpty {
            let name = binding.command!
            let byKey = ConsoleDriver(workspace(for: binding.scope))
            let byName = ConsoleDriver(workspace(for: binding.scope))
            let pane = Key.character(Character(String(pane(for: binding.scope).rawValue)))
            byKey.press(pane, binding.keys[0])
            byName.press(pane)
            run(byName, name)
            XCTAssertEqual(byName.state, byKey.state, ":\(name) and \(binding.keys[0].label) leave the console the same")
            XCTAssertTrue(byName.workspace == byKey.workspace, ":\(name) and \(binding.keys[0].label) change the same")
        }
    }

    func testCommandsThatNeedAValueSayWhichWhenGivenNone() {
        let cases = [
            ("theme", ":theme needs a value: "),
            ("wave", ":wave needs a value: Wave 1, Wave 2"),
            ("sort", ":sort needs a value: stage"),
            ("codes", CodeBatchRequest.usage),
            ("slug", "a link slug is letters, digits, - _ and . only: type :slug NEW-SLUG"),
        ]
        for (line, message) in cases {
            let console = ConsoleDriver()
            run(console, line)
            XCTAssertTrue(console.state.message?.text.hasPrefix(message) == true, "\(line): \(String(describing: console.state.message))")
        }
    }

    // MARK: With arguments: the items named, never the cursor row

    func testParcelCommandsActOnTheParcelNamed() {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2")
        XCTAssertEqual(console.frame.row(containing: "SH-0001"), 4, "the cursor row is SH-0001\n\(console.dump)")

        run(console, "pack sh-0004")
        XCTAssertEqual(status(console, "SH-0004"), .packed)
        XCTAssertEqual(status(console, "SH-0001"), .queued, "the cursor row is not touched")

        run(console, "ship SH-0004")
        XCTAssertEqual(console.state.prompt, Prompt(.seeding(.carrier(["SH-0004"])), text: "UPS"))
        console.press(.enter).type(SeedingSample.ups(4)).press(.enter, .enter)
        XCTAssertEqual(status(console, "SH-0004"), .shipped)

        run(console, "deliver SH-0004")
        XCTAssertEqual(status(console, "SH-0004"), .delivered)
        XCTAssertEqual(status(console, "SH-0001"), .queued)

        run(console, "exception SH-0005")
        XCTAssertEqual(console.state.prompt?.purpose, .seeding(.exception(["SH-0005"], kind: .addressProblem)))
        console.press(.escape)

        run(console, "cancel-shipment SH-0003, SH-0006")
        XCTAssertEqual(status(console, "SH-0003"), .queued, "cancelling asks first")
        console.press("y")
        XCTAssertEqual([status(console, "SH-0003"), status(console, "SH-0006")], [.cancelled, .cancelled])
        XCTAssertEqual(status(console, "SH-0002"), .queued)

        run(console, "edit-shipment SH-0002")
        XCTAssertEqual(console.state.form?.purpose, .editShipment("SH-0002"))
    }

    func testAParcelCommandRefusesWhatItCannotActOnAndChangesNothing() {
        var workspace = SeedingSample.workspace()
        _ = try! workspace.apply(.queueShipments([ShipmentRequest(creatorID: "CR-0001", waveID: Sample.wave2,
                                                                  items: [ShipmentItem(sku: SeedingSample.mist, quantity: 1)])]),
                                 context: CommandContext(now: Sample.now, actor: "test"))
        let cases = [
            ("deliver SH-0004", "shipment SH-0004 cannot be marked delivered: it has not been shipped"),
            ("deliver SH-9999", "no parcel SH-9999"),
            ("deliver SU-0001", ":deliver takes parcel ids such as SH-0042; 'SU-0001' is not one"),
            ("pack SH-0007", "SH-0007 is in Wave 2, not Wave 1 you are working in; :wave Wave 2 switches"),
            ("pack SH-0001 SH-9999", "no parcel SH-9999"),
            ("edit-shipment SH-0001 SH-0002", ":edit-shipment works on one item at a time; name one of SH-0001, SH-0002"),
        ]
        for (line, message) in cases {
            let console = ConsoleDriver(workspace)
            console.press("2")
            run(console, line)
            XCTAssertEqual(console.state.message?.text, message, line)
            XCTAssertTrue(console.workspace == workspace, "\(line) changed nothing")
            XCTAssertNil(console.state.prompt, line)
        }
    }

    func testDraftCommandsActOnTheDraftNamed() {
        let console = ConsoleDriver(ApprovalsSample.workspace(failing: [2]))
        console.press("3")
        XCTAssertEqual(console.console.inbox.id(at: console.state.approvals.cursor), ApprovalsSample.id(1), "the cursor is on SU-0001")

        run(console, "approve SU-0003")
        XCTAssertEqual(status(console, ApprovalsSample.id(3)), .approved)
        XCTAssertEqual(status(console, ApprovalsSample.id(1)), .pending, "the cursor row is not touched")
        XCTAssertTrue(console.state.message?.text.hasPrefix("approved SU-0003 @cleo.glow") == true, "\(String(describing: console.state.message))")

        run(console, "approve SU-0003")
        XCTAssertEqual(console.state.message?.text, "SU-0003 is approved; only pending drafts can be decided")
        run(console, "approve SU-0002")
        XCTAssertTrue(console.state.message?.text.hasPrefix("not approved: SU-0002") == true, "\(String(describing: console.state.message))")
        XCTAssertEqual(status(console, ApprovalsSample.id(2)), .pending)

        run(console, "override SU-0002")
        XCTAssertEqual(console.state.prompt?.purpose, .approvals(.overrideReason([ApprovalsSample.id(2)])))
        console.press(.escape)
        run(console, "request-changes SU-0004")
        XCTAssertEqual(console.state.prompt?.purpose, .approvals(.changesNote([ApprovalsSample.id(4)])))
        console.type("add the #ad up front").press(.enter)
        XCTAssertEqual(status(console, ApprovalsSample.id(4)), .changesRequested)
        run(console, "resubmit SU-0004")
        XCTAssertEqual(console.state.prompt?.purpose, .approvals(.resubmittedCaption(ApprovalsSample.id(4))))
        console.press(.escape)
        run(console, "reject SU-0005")
        XCTAssertEqual(console.state.prompt?.purpose, .approvals(.rejectionReason([ApprovalsSample.id(5)])))
        console.press(.escape)

        run(console, "approve SU-0001 SH-0001")
        XCTAssertEqual(console.state.message?.text, ":approve takes draft ids such as SU-0124; 'SH-0001' is not one")
        run(console, "approve SU-0999")
        XCTAssertEqual(console.state.message?.text, "no draft SU-0999")
        XCTAssertEqual(status(console, ApprovalsSample.id(1)), .pending)
    }

    func testADraftCommandFromAnotherPaneGoesToTheInboxAndActsThere() {
        let console = ConsoleDriver(ApprovalsSample.workspace())
        run(console, "approve SU-0005")
        XCTAssertEqual(console.state.pane, .approvals)
        XCTAssertEqual(status(console, ApprovalsSample.id(5)), .approved)
        XCTAssertEqual(status(console, ApprovalsSample.id(1)), .pending)
    }

    func testCreatorCommandsActOnTheCreatorNamed() {
        var workspace = SeedingSample.workspace(queued: 0)
        _ = try! workspace.apply(.addCreators([Sample.creator(9, "ivy.new", "Ivy New", followers: 2_000, engagement: 0.05)]),
                                 context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace)
        let cursor = console.state.pipeline.cursor
        XCTAssertEqual(console.console.table.creatorID(at: cursor, in: console.workspace), "CR-0003", "the cursor is on @cleo.glow")

        run(console, "advance @eli.daily")
        XCTAssertEqual(console.stage(of: "eli.daily"), .active)
        XCTAssertEqual(console.stage(of: "cleo.glow"), .prospect, "the cursor row is not touched")
        run(console, "move-back @ELI.daily")
        XCTAssertEqual(console.stage(of: "eli.daily"), .onboarding)
        run(console, "invite @ana.lima")
        XCTAssertEqual(console.stage(of: "ana.lima"), .invited)
        run(console, "invite @ivy.new")
        XCTAssertEqual(console.stage(of: "ivy.new"), .invited, "a creator in no wave is invited into it")
        run(console, "drop @ben_makes")
        XCTAssertEqual(console.state.prompt?.purpose, .dropReason(["CR-0002"], wave: Sample.wave1))
        console.press(.escape)

        run(console, "seed @ana.lima")
        XCTAssertEqual(console.workspace.shipments.map(\.creatorID), ["CR-0001"])
        run(console, "seed @ana.lima")
        XCTAssertEqual(console.state.message?.text,
                       "@ana.lima already has SH-0001 queued · :seed extra sends another")
        run(console, "seed extra @ana.lima")
        XCTAssertEqual(console.workspace.shipments.map(\.creatorID), ["CR-0001", "CR-0001"], "asked for explicitly")
        XCTAssertEqual(console.workspace.shipment("SH-0002")?.extra, true)
        run(console, "seed extra")
        XCTAssertEqual(console.workspace.shipments.last?.creatorID, "CR-0003", "without a handle, the cursor row")

        run(console, "advance @nobody")
        XCTAssertEqual(console.state.message?.text, "no creator @nobody")
        run(console, "advance SH-0001")
        XCTAssertEqual(console.state.message?.text, ":advance takes creator handles such as @ana.lima; 'SH-0001' is not one")
    }

    func testACreatorOutsideTheWaveIsRefusedByName() {
        var workspace = Sample.workspace()
        _ = try! workspace.apply(.addCreators([Sample.creator(9, "ivy.new", "Ivy New", followers: 2_000, engagement: 0.05)]),
                                 context: CommandContext(now: Sample.now, actor: "test"))
        let console = ConsoleDriver(workspace)
        run(console, "advance @ivy.new")
        XCTAssertEqual(console.state.message?.text, "@ivy.new is not in Wave 1; :invite @ivy.new adds them")
        XCTAssertTrue(console.workspace == workspace)
    }

    func testCodesAndSlugTakeHandlesBeforeTheirValue() {
        let console = ConsoleDriver()
        run(console, "slug @ana.lima ana-glow")
        XCTAssertEqual(console.workspace.creator(handle: "ana.lima")?.linkSlug, "ana-glow")
        XCTAssertNil(console.workspace.creator(handle: "cleo.glow")?.linkSlug, "the cursor row is not touched")
        run(console, "codes @ben_makes, @eli.daily {HANDLE}10 percent 10")
        XCTAssertEqual(console.workspace.discountCodes.map(\.code).sorted(), ["BENMAKES10", "ELIDAILY10"])
        run(console, "slug @nobody x")
        XCTAssertEqual(console.state.message?.text, "no creator @nobody")
        run(console, "slug @ana.lima @ben_makes x")
        XCTAssertEqual(console.state.message?.text, "a link slug belongs to one creator; name one")
    }

    func testPromoteActsOnTheCreatorNamed() {
        let console = ConsoleDriver(SeedingSample.workspace())
        run(console, "promote @fay.routine")
        XCTAssertEqual(console.state.pane, .leaderboard)
        XCTAssertEqual(console.state.prompt?.purpose, .promote(["CR-0006"], wave: Sample.wave2))
    }

    func testAssetCommandsActOnTheAssetNamed() {
        let console = ConsoleDriver(LibrarySample.workspace())
        console.press("4")
        run(console, "rights AS-0003")
        XCTAssertEqual(console.state.form?.purpose, .editRights("AS-0003", today: Sample.today))
        console.press(.escape)
        run(console, "tag AS-0004 AS-0002")
        XCTAssertEqual(console.state.prompt?.purpose, .library(.addTags(["AS-0004", "AS-0002"])))
        console.press(.escape)
        run(console, "untag as-0001")
        XCTAssertEqual(console.state.prompt?.purpose, .library(.removeTags(["AS-0001"])))
        console.press(.escape)
        run(console, "rights AS-0042")
        XCTAssertEqual(console.state.message?.text, "no asset AS-0042")
    }

    func testCommandsWhoseArgumentIsAValue() {
        let console = ConsoleDriver(LibrarySample.workspace())
        run(console, "usable paid-social DE")
        XCTAssertEqual(console.state.pane, .library)
        XCTAssertTrue(console.frame.line(1).contains("usable today for paid social in DE"), console.dump)

        run(console, "filter spf")
        XCTAssertEqual(console.state.library.filter, Filter(text: "spf"))
        run(console, "wave Wave 2")
        XCTAssertEqual(console.state.pipeline.waveID, Sample.wave2)
        run(console, "wave Wave 9")
        XCTAssertEqual(console.state.message?.text, "no wave \"Wave 9\"; the waves are Wave 1, Wave 2")
        run(console, "sort shoe size")
        XCTAssertTrue(console.state.message?.text.hasPrefix("cannot sort by \"shoe size\"; sort by stage") == true)
        run(console, "theme plaid")
        XCTAssertTrue(console.state.message?.text.hasPrefix("no theme \"plaid\"; the themes are ") == true)
    }

    func testDueActsOnTheCreatorsNamedAndSaysHowToWriteADate() {
        let console = ConsoleDriver()
        run(console, "due")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "write due +7d or due 2027-01-15"))
        run(console, "due @eli.daily @nobody 2025-03-20")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "no creator @nobody"))
        XCTAssertEqual(console.session.performed, [])

        run(console, "due @eli.daily @fay.routine 2025-03-20")
        XCTAssertEqual(console.session.performed, [.setDueDate(creators: ["CR-0005", "CR-0006"], wave: Sample.wave1, change: .on(Day("2025-03-20")!))])
        XCTAssertEqual(console.workspace.enrollment("CR-0005", in: Sample.wave1)?.dueDate, Day("2025-03-20"))
        XCTAssertNil(console.workspace.enrollment("CR-0001", in: Sample.wave1)?.dueDate, "the cursor row is not touched")
    }

    func testMessageAsksForTheKindForTheCreatorsNamed() {
        let console = ConsoleDriver()
        console.press("2")
        run(console, "message @eli.daily @fay.routine")
        XCTAssertEqual(console.state.pane, .pipeline)
        XCTAssertEqual(console.state.prompt?.purpose, .outboxKind(["CR-0005", "CR-0006"], wave: Sample.wave1))
        console.press(.escape)

        run(console, "message @nobody")
        XCTAssertEqual(console.state.message?.kind, .warning)
        XCTAssertNil(console.state.prompt)
        run(console, "message SH-0001")
        XCTAssertEqual(console.state.message?.kind, .warning)
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.session.performed, [])
    }

    /// Every command in the palette's vocabulary appears in a test above, with and without arguments.
    func testEveryPaletteCommandIsCoveredHere() {
        let withArguments: Set<String> = [
            "pack", "ship", "deliver", "exception", "cancel-shipment", "edit-shipment",
            "approve", "override", "request-changes", "resubmit", "reject",
            "advance", "move-back", "invite", "drop", "seed", "promote",
            "rights", "tag", "untag", "usable", "filter", "wave", "sort", "theme",
            "codes", "slug",   // TrackingPaletteTests
            "resolve",         // SurveyAnswersQueueTests
            "stock",           // StockPaletteTests
            "due",             // testDueActsOnTheCreatorsNamedAndSaysHowToWriteADate
            "message",         // testMessageAsksForTheKindForTheCreatorsNamed
        ]
        let takingNothing = Set(KeyMap.commands.filter { !$0.keys.isEmpty }.compactMap(\.command)).subtracting(withArguments)
        for name in takingNothing {
            let console = ConsoleDriver(SeedingSample.workspace())
            let pane = console.state.pane
            run(console, "\(name) SH-0001")
            XCTAssertEqual(console.state.message?.text, ":\(name) takes nothing after it; run :\(name) alone", name)
            XCTAssertEqual(console.state.pane, pane, name)
            XCTAssertFalse(console.state.wantsQuit, name)
            XCTAssertEqual(console.session.performed, [], name)
        }
        XCTAssertEqual(Set(CommandPalette.commandNames), withArguments.union(takingNothing), "a new command needs its cases here")
    }
}
