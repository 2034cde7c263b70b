import ChorusCore
@testable import ChorusUI
import XCTest

/// The paid and site teams in the Library: find the best content, see what its licence
/// allows today, extend a licence before it lapses, and tag what they will reuse.
final class LibraryKeyTests: XCTestCase {
    private var console = ConsoleDriver(LibrarySample.workspace(), size: Size(width: 120, height: 30))
    private var form: FormState? { console.state.form?.form }

    /// The asset ids in the table, top to bottom.
    private var rows: [String] {
        console.frame.lines.compactMap { line in
            guard let range = line.range(of: #"AS-\d{4}"#, options: .regularExpression), line.distance(from: line.startIndex, to: range.lowerBound) <= 2
            else { return nil }
            return String(line[range])
        }
    }

    /// Tabs to `field` and replaces its text.
    private func fill(_ field: RightsForm.Field, _ text: String) {
        while form?.focus != field.rawValue { console.press(.tab) }
        console.press(.control("u")).type(text)
    }

    private func message(_ field: RightsForm.Field) -> String? { form?.fields[field.rawValue].message }

    func testTheBestPerformingContentComesFirstWithWhatItsRightsAllowToday() {
        console.press("4")
        XCTAssertEqual(rows, ["AS-0003", "AS-0001", "AS-0005", "AS-0002", "AS-0004"], "by views")
        let frame = console.frame
        XCTAssertTrue(frame.line(frame.row(containing: "AS-0002")!).contains("ends in 5d"), console.dump)
        XCTAssertTrue(frame.line(frame.row(containing: "AS-0004")!).contains("no rights"))
        XCTAssertTrue(frame.line(1).contains("Library · 5 assets · sort: views"), console.dump)
        XCTAssertTrue(frame.line(2).contains("expiring 1  expired 1  active 2  no rights 1"), console.dump)
        XCTAssertTrue(frame.line(frame.size.height - 1).contains("1 expiring"), "the status bar warns from any filter")

        console.press("s")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "sorted by engagement"))
        console.press("s", "s", "s")
        XCTAssertEqual(rows, ["AS-0003", "AS-0002", "AS-0001", "AS-0005", "AS-0004"], "rights end, soonest first, none last")
    }

    func testExpiredRightsAreUnmistakableFromEndToEnd() {
        console.press("4", "j")   // the cursor off the expired row, so its own colours show
        let frame = console.frame
        let y = frame.row(containing: "AS-0003")!
        XCTAssertTrue(frame.line(y).contains("✗ EXPIRED"))
        for x in 2..<100 where frame[x, y].grapheme != " " {
            XCTAssertEqual(frame[x, y].role, .danger, "column \(x) of the expired row")
        }
        console.press("k")
        XCTAssertEqual(console.frame.role(of: "✗ EXPIRED"), .danger, "still red under the cursor")
    }

    func testFilterToExpiringThenExtendTheRightsBy90DaysWithTheForm() throws {
        console.press("4", "f")
        XCTAssertEqual(rows, ["AS-0002"])
        XCTAssertEqual(console.state.message, StatusMessage(.info, "showing assets with expiring rights"))
        let before = try XCTUnwrap(console.workspace.asset("AS-0002")?.rights)

        console.press("r")
        XCTAssertEqual(form?.title, "Usage rights of AS-0002 by @ben_makes")
        XCTAssertEqual(form?.fields.map(\.text), ["paid-social", "worldwide", "2025-02-08", "2025-03-15", "n", "", "", ""])
        fill(.end, "+90d")
        console.press(.control("s"))

        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.session.performed.count, 1, "one command, one journal line")
        var extended = before
        extended.end = before.end.adding(days: 90)
        XCTAssertEqual(console.session.performed, [.setUsageRights(asset: "AS-0002", rights: extended)])
        XCTAssertEqual(console.state.message, StatusMessage(.success, "set the rights of AS-0002 until 2025-06-13"))
        XCTAssertEqual(rows, [], "no longer expiring")

        console.press("z")
        XCTAssertEqual(console.workspace.asset("AS-0002")?.rights, before, "z takes the whole edit back")
        XCTAssertEqual(rows, ["AS-0002"])
    }

    func testTheRightsFormSaysWhatIsWrongNextToEachFieldAndEscChangesNothing() {
        console.press("4", "j")   // AS-0001
        console.press("r")
        fill(.uses, "paid-social, partnership-ads")
        fill(.territory, "DE, XX")
        fill(.end, "2025-01-01")
        console.press(.control("s"))
        XCTAssertEqual(message(.territory), "'XX' is not a known country code; use two letters such as DE, AT")
        XCTAssertNotNil(console.state.form, "the form stays open with every keystroke kept")

        fill(.territory, "DE")
        console.press(.control("s"))
        XCTAssertEqual(message(.end), "rights end 2025-01-01 is before they start 2025-02-08")
        XCTAssertEqual(message(.adCode), "partnership ads need the platform's ad code")
        XCTAssertEqual(message(.adEnd), "partnership ads need their own end date")
        XCTAssertEqual(form?.focus, RightsForm.Field.end.rawValue, "the first field to fix has the keyboard")

        fill(.uses, "billboards")
        console.press(.control("s"))
        XCTAssertEqual(message(.uses), "'billboards' is not a use; use organic-repost, paid-social, partnership-ads, website, email, out-of-home")

        console.press(.escape, "y")   // the fields were changed: Esc asks before throwing them away
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.session.performed, [])
        XCTAssertEqual(console.state.message, StatusMessage(.info, "changes discarded; nothing was saved"))
        XCTAssertEqual(console.workspace, LibrarySample.workspace())
    }

    func testPartnershipAdsSaveWithTheirCodeAndOwnEnd() {
        console.press("4", "j", "r")
        fill(.uses, "paid, whitelisting")
        fill(.adCode, "IGAD-5521")
        fill(.adEnd, "2025-04-30")
        console.press(.control("s"))
        XCTAssertNil(console.state.form, "\(String(describing: form))")
        let rights = console.workspace.asset("AS-0001")?.rights
        XCTAssertEqual(rights?.uses, [.paidSocial, .whitelisting])
        XCTAssertEqual(rights?.whitelistingAdCode, "IGAD-5521")
        XCTAssertEqual(rights?.whitelistingEnd, Day("2025-04-30"))
        XCTAssertEqual(rights?.territory, .countries(["DE", "AT"]), "untouched fields keep their values")
    }

    func testMarkedAssetsAreTaggedWithCompletionAndUntagged() {
        console.press("4", " ", " ")   // AS-0003 and AS-0001
        XCTAssertTrue(console.frame.line(console.frame.size.height - 1).contains("2 marked"))
        console.press("+").type("ro")
        XCTAssertTrue(console.frame.line(console.frame.size.height - 1).contains("Tag 2 assets with: ro█  [routine]"), console.dump)
        console.press(.tab)
        XCTAssertEqual(console.state.prompt?.text, "routine ")
        console.type("hero").press(.enter)
        XCTAssertEqual(console.session.performed, [.tagAssets(["AS-0001", "AS-0003"], add: ["routine", "hero"], remove: [])])
        XCTAssertEqual(console.workspace.asset("AS-0003")?.tags, ["spf", "beach", "routine", "hero"])
        XCTAssertEqual(console.workspace.asset("AS-0001")?.tags, ["spf", "routine", "hero"])
        XCTAssertEqual(console.state.library.marks, [], "marks clear after the change")

        console.press("g", "-").type("b")
        console.press(.tab)
        XCTAssertEqual(console.state.prompt?.text, "beach ", "removal completes from the tags these assets have")
        console.press(.enter)
        XCTAssertEqual(console.workspace.asset("AS-0003")?.tags, ["spf", "routine", "hero"])
        console.press("z", "z")
        XCTAssertEqual(console.workspace, LibrarySample.workspace(), "each tag edit is one undo")
    }

    func testUsableTodayForAUseInACountry() {
        console.press("4", "u").type("paid-social DE").press(.enter)
        XCTAssertEqual(rows, ["AS-0001", "AS-0002"], "a DE licence and a worldwide one; US-only and expired rights are out")
        XCTAssertTrue(console.frame.line(1).contains("usable today for paid social in DE"))
        console.press("u", .control("u")).type("pa")
        console.press(.tab)
        XCTAssertEqual(console.state.prompt?.text, "pa", "paid-social and partnership-ads both fit")
        console.type("i").press(.tab)
        XCTAssertEqual(console.state.prompt?.text, "paid-social ")
        console.type("US").press(.enter)
        XCTAssertEqual(rows, ["AS-0005", "AS-0002"])
        console.press("u", .control("u")).type("partnership-ads US").press(.enter)
        XCTAssertEqual(rows, ["AS-0005"])
        console.press("u", .control("u")).type("paid-social ZZ").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "'ZZ' is not a known country code"))
        XCTAssertNotNil(console.state.prompt, "the prompt stays open to fix")
        console.press(.escape, .escape)
        XCTAssertEqual(rows.count, 5, "Esc takes the usable-for filter off")
    }

    func testFilteringByTagCreatorPlatformAndWave() {
        console.press("4", "/").type("#spf").press(.enter)
        XCTAssertEqual(rows, ["AS-0003", "AS-0001", "AS-0005"])
        console.press("/", .control("u")).type("#beach").press(.enter)
        XCTAssertEqual(rows, ["AS-0003"], "any of an asset's tags, not only its first")
        console.press("/", .control("u")).type("#spf instagram @ana").press(.enter)
        XCTAssertEqual(rows, ["AS-0001"])
        console.press(.escape)
        XCTAssertEqual(rows.count, 5)
        console.press("w")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "showing Wave 1's assets"))
        XCTAssertEqual(rows.count, 5)
        console.press("w")
        XCTAssertEqual(rows, [], "nothing in Wave 2 yet")
        XCTAssertTrue(console.frame.lines.contains { $0.contains("No asset matches — Esc clears one filter at a time.") })
        console.press("w")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "showing every wave's assets"))
    }

    func testEnterShowsTheWholeLicenceAndEscClosesIt() {
        console.press("4", "j", "j", .enter)   // AS-0005, with partnership ads
        XCTAssertEqual(console.state.overlay, .assetDetail("AS-0005"))
        let frame = console.frame
        for text in ["AS-0005 — Esc closes", "Uses       paid social, partnership ads", "Territory  US",
                     "Dates      2025-02-28 to 2025-09-26", "Ad code    IGAD-7781 · until 2025-04-09"] {
            XCTAssertNotNil(frame.row(containing: text), "\(text)\n\(console.dump)")
        }
        console.press(.escape)
        XCTAssertNil(console.state.overlay)
        XCTAssertEqual(console.state.library.cursor, 2, "the cursor stays where it was")
    }

    func testHelpAndHintsComeFromTheKeyMap() {
        console.press("4")
        XCTAssertTrue(console.frame.line(29).hasPrefix(" r rights  + tag  - untag  u usable  f rights status  s sort  / filter"), console.dump)
        console.press("?")
        let frame = console.frame
        XCTAssertNotNil(frame.row(containing: "edit the usage rights: uses, where, dates, ad code"), console.dump)
        XCTAssertNotNil(frame.row(containing: "mark the row and move down"), "the list keys work here too")
        XCTAssertNil(frame.row(containing: "mark packed"), "no Seeding keys")
    }

    func testMovingAndMarkingDeriveNothingAgainAndOnlyChangesRefold() {
        console.press("4")
        let start = console.console.libraryRebuilds
        console.press("j", "j", "k", " ", .pageDown, "G", "g")
        XCTAssertEqual(console.console.libraryRebuilds.rows, start.rows, "moving and marking rebuild no rows")
        console.press("/").type("spf")
        XCTAssertEqual(console.console.libraryRebuilds.rows, start.rows + 3, "one filter pass per character typed")
        XCTAssertEqual(console.console.libraryRebuilds.folds, start.folds, "the search text is folded once per change, not per key")
        console.press(.enter, "+").type("hero").press(.enter)
        XCTAssertEqual(console.console.libraryRebuilds.folds, start.folds + 1, "a tag edit folds the library again, once")
    }

    func testKeysOfOtherPanesDoNothingHereAndLibraryKeysSayWhereTheyWork() {
        console.press("4", ">", "p", "x", "!")
        XCTAssertEqual(console.session.performed, [])
        console.press("1", ":").type("rights").press(.enter)
        XCTAssertEqual(console.state.message, StatusMessage(.info, "that works in the Library pane (4)"))
    }

    func testWideTagsAndNamesKeepTheColumnsAligned() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 30), Size(width: 200, height: 60)] {
            console.resize(size.width, size.height).press("4")
            let frame = console.frame
            let header = frame.row(containing: "RIGHTS")!
            let rightsColumn = frame.column(of: "RIGHTS", inRow: header)!
            for id in ["AS-0001", "AS-0002", "AS-0004"] {
                let y = frame.row(containing: id)!
                let word = ["AS-0001": "active", "AS-0002": "ends in 5d", "AS-0004": "no rights"][id]!
                XCTAssertEqual(frame.column(of: word, inRow: y), rightsColumn, "\(id) at \(size.width)×\(size.height)\n\(console.dump)")
            }
        }
    }
}
