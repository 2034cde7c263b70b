import ChorusCore
import ChorusInterchange
import XCTest

/// A creators file with a bad handle or discount code: each bad row is named by file, line and
/// column like every other importer, and the good rows form a command that applies (what
/// `--skip-invalid` sends) instead of the domain refusing the whole import unlocated.
final class CreatorsImportRowErrorsTests: XCTestCase {
    private var workspace: Workspace {
        var workspace = Workspace(program: Program(name: "Glow", brand: "Glow", currency: .eur, landingURL: "https://glow.example/"))
        let context = CommandContext(now: Timestamp(day: Day(year: 2026, month: 3, day: 12)!, hour: 9, minute: 0, second: 0), actor: "ana")
        try? workspace.apply(.importCreators([Creator(id: "CR-00001", handle: "mila.makes", name: "Mila")],
                                             codes: [DiscountCode(code: "MILA15", creatorID: "CR-00001", waveID: nil, kind: .percent, value: 1_500)]),
                             context: context)
        return workspace
    }

    func testABadHandleOrCodeIsARowErrorWithItsPlaceAndTheRestApplies() throws {
        let csv = """
            handle,name,discount_code
            bad handle!,Ana,ANA15
            lea.lumiere,Léa,bad code!
            ok.one,Ok,MILA15
            two.ok,Two,TWO10
            three.ok,Three,two10

            """
        let parsed = try CreatorsImport(bytes: Array(csv.utf8), fileName: "creators.csv", workspace: workspace,
                                        codeTerms: DiscountTerms(kind: .percent, value: 1_000))
        XCTAssertEqual(parsed.errors.map(\.description), [
            "creators.csv, line 2, column 1 (handle): 'bad handle!' contains a space; a handle is one word, like ana.glow",
            "creators.csv, line 3, column 3 (discount_code): 'bad code!' is not a discount code (letters, digits, - and _ only)",
            "creators.csv, line 4, column 3 (discount_code): the code MILA15 already belongs to @mila.makes",
            "creators.csv, line 6, column 3 (discount_code): the code two10 is already on line 5",
        ])
        var applied = workspace
        let command = try XCTUnwrap(parsed.command)
        XCTAssertNoThrow(try applied.apply(command, context: CommandContext(now: Timestamp(day: Day(year: 2026, month: 3, day: 13)!, hour: 9, minute: 0, second: 0), actor: "ana")))
        XCTAssertEqual(applied.creators.map(\.handle).sorted(), ["mila.makes", "two.ok"])
        XCTAssertEqual(applied.discountCode("TWO10")?.creatorID, applied.creator(handle: "two.ok")?.id)
    }
}
