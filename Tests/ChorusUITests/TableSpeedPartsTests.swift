@testable import ChorusUI
import ChorusCore
import XCTest

/// The fast paths behind the Pipeline table must give exactly what the simple ways give.
final class TableSpeedPartsTests: XCTestCase {
    func testRadixSortOrdersLikeAStableComparisonSort() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 10, 65, 1_000, 20_000] {
            // Few distinct high bits and many ties, as sort keys have.
            let keys = (0..<count).map { _ in UInt64.random(in: 0..<4, using: &generator) << 56 | UInt64.random(in: 0..<50, using: &generator) }
            let rows = (0..<Int32(count)).map { $0 }
            let expected = zip(keys, rows).enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
            XCTAssertEqual(RadixSort.order(keys: keys, rows: rows), expected, "\(count) rows")
        }
    }

    func testTheWholeTextFilterFindsTheSameCreatorsAsTheRowByRowOne() {
        let names = ["Ana Lima", "山田 花子", "Zoë Ångström", "Mia 🌿", "ANNA", "bob", "Léa Girard", "Hannah"]
        let creators = (0..<6_000).map { index in
            Creator(id: CreatorID("CR-\(index)"), handle: "user\(index)", name: names[index % names.count],
                    country: index % 3 == 0 ? "DE" : nil, niches: index % 5 == 0 ? ["hiking"] : [])
        }
        let text = CreatorSearchText(creators)
        for needle in ["an", "a", "ång", "花", "hik", "de", "zz", "user59", "\n"] {
            let folded = Array(CreatorSearchText.fold(needle).utf8)
            let expected = creators.indices.map { text.matches($0, folded) }
            XCTAssertEqual(text.matchingCreators(folded), expected, "needle \(needle)")
        }
    }

    func testHandlesSortInByteOrderEvenWhenTheirFirstEightBytesAgree() {
        let handles = ["lena.hikes", "lena.hik", "lena.hikes2", "ana", "", "lena.hikeR", "zoë", "zoe", "lena.hikes1", "😀smile"]
        let order = CreatorColumns.alphabetical(handles).map { handles[$0] }
        XCTAssertEqual(order, handles.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(order.prefix(3), ["", "ana", "lena.hik"])
    }

    func testManyHandlesSortInByteOrderWithDuplicatesInTheirOriginalOrder() {
        var generator = SystemRandomNumberGenerator()
        let stems = ["lena.hikes", "lena.hik", "ana", "zoë", "zoe", "😀smile", "léa_", "a", ""]
        let handles = (0..<5_000).map { _ in stems.randomElement(using: &generator)! + String(Int.random(in: 0..<40, using: &generator)) }
        let expected = handles.indices.sorted { a, b in
            handles[a] == handles[b] ? a < b : handles[a].utf8.lexicographicallyPrecedes(handles[b].utf8)
        }
        XCTAssertEqual(CreatorColumns.alphabetical(handles), expected)
    }

    /// Generated and real handles share long prefixes by the thousand (`siobhan.skincare_12`,
    /// `siobhan.skincare_7`): runs that agree on 8, 16 and more bytes, handles that end inside
    /// another's prefix, NUL bytes that look like the padding after a shorter one.
    func testHandlesSharingLongPrefixesSortInByteOrderWithDuplicatesInTheirOriginalOrder() {
        var generator = SystemRandomNumberGenerator()
        let stems = ["siobhan.skincare_", "siobhan.skincare", "siobhan.", "siobhan", "siobhan.skincare_routines.", "a\u{0}", "a", "a\u{0}\u{0}b", "zoë.ångström_",
                     "a" + String(repeating: "\u{0}", count: 16), "lena.hikes.lena.hikes"]
        let handles = (0..<20_000).map { _ in
            stems.randomElement(using: &generator)! + (Bool.random(using: &generator) ? String(Int.random(in: 0..<300, using: &generator)) : "")
        }
        let expected = handles.indices.sorted { a, b in
            handles[a].utf8.elementsEqual(handles[b].utf8) ? a < b : handles[a].utf8.lexicographicallyPrecedes(handles[b].utf8)
        }
        XCTAssertEqual(CreatorColumns.alphabetical(handles), expected)
    }
}
