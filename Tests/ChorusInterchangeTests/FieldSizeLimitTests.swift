import ChorusCore
import ChorusInterchange
import XCTest

/// A damaged or hostile import file with a 10 MB cell: refused at that cell with the limit
/// for its kind of column, in a message of one short line — and an error that quotes a long
/// (but allowed) value quotes only the start of it.
final class FieldSizeLimitTests: XCTestCase {
    private let workspace = Workspace(program: Program(name: "Limits", brand: "Limits", currency: .eur, landingURL: "https://limits.example/"))

    func testATenMegabyteCaptionIsRefusedWithItsPlaceAndTheLimitInOneShortLine() throws {
        let caption = String(repeating: "a", count: 10 << 20)
        let csv = "handle,wave,platform,format,caption,asset_urls,submitted_at\nmila,W1,instagram,reel,\"\(caption)\",,2026-03-18\n"
        XCTAssertThrowsError(try SubmissionsImport(bytes: Array(csv.utf8), fileName: "drafts.csv", workspace: workspace)) { error in
            XCTAssertEqual((error as? CSVError)?.description,
                           "drafts.csv, line 2, column 5: the 'caption' field is 10485760 bytes long, more than the 20000 bytes allowed for "
                           + "captions, notes and other long text; shorten it and import again")
        }
    }

    func testEachKindOfColumnHasItsDocumentedLimit() throws {
        XCTAssertEqual(FieldLimit.forColumn(named: "caption"), .longText)
        XCTAssertEqual(FieldLimit.forColumn(named: "on_screen_text"), .longText)
        XCTAssertEqual(FieldLimit.forColumn(named: "Note"), .longText)
        XCTAssertEqual(FieldLimit.forColumn(named: "post_url"), .link)
        XCTAssertEqual(FieldLimit.forColumn(named: "handle"), .field)
        XCTAssertEqual(FieldLimit.forColumn(named: "Billing Name"), .field)
        XCTAssertEqual([FieldLimit.longText, .link, .field].map(\.bytes), [20_000, 4_096, 2_000])

        let handle = String(repeating: "h", count: 2_001)
        let csv = "handle,name\n\(handle),Ana\n"
        XCTAssertThrowsError(try CreatorsImport(bytes: Array(csv.utf8), fileName: "creators.csv", workspace: workspace,
                                                codeTerms: DiscountTerms(kind: .percent, value: 10))) { error in
            XCTAssertEqual((error as? CSVError)?.line, 2)
            XCTAssertEqual((error as? CSVError)?.column, 1)
            XCTAssertTrue("\(error)".contains("the 'handle' field is 2001 bytes long, more than the 2000 bytes allowed"), "\(error)")
        }
        // Every row of a big orders export, read in chunks on several cores, is held to the same limits.
        let note = String(repeating: "n", count: 20_001)
        let orders = "Name,Email,Financial Status,Created at,Subtotal,Discount Code,Notes\n#1,a@b.c,paid,2026-03-12 09:14:02 +0000,10.00,,\"\(note)\"\n"
        XCTAssertThrowsError(try ShopifyOrdersImport(bytes: Array(orders.utf8), fileName: "orders.csv", currency: .eur)) { error in
            XCTAssertEqual((error as? CSVError)?.column, 7, "\(error)")
        }
    }

    func testAnErrorQuotesOnlyTheStartOfALongValue() throws {
        let email = String(repeating: "x", count: 1_500)
        let csv = "handle,email\nana.glow,\(email)\n"
        let parsed = try CreatorsImport(bytes: Array(csv.utf8), fileName: "creators.csv", workspace: workspace,
                                        codeTerms: DiscountTerms(kind: .percent, value: 10))
        let message = try XCTUnwrap(parsed.errors.first?.description)
        XCTAssertEqual(message, "creators.csv, line 2, column 2 (email): '\(String(repeating: "x", count: 60))…' is not an email address")
    }
}
