@testable import ChorusUI
import ChorusCore
import Foundation
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
        let fields = Self.fields(of: creators)
        for needle in ["an", "a", "ång", "花", "hik", "de", "zz", "user59", "@user5", "\n", "nano", "contactable", ""] {
            let folded = Array(CreatorSearchText.fold(needle).utf8)
            let expected = Self.lookingEverywhere(fields, for: folded)
            XCTAssertEqual(text.matchingCreators(folded), expected, "needle \(needle)")
            let query = text.query(folded)
            XCTAssertEqual(creators.indices.map { text.matches($0, query) }, expected, "needle \(needle), creator by creator")
        }
    }

    /// What rules creators out before their own text is read (the letters present, pairs of
    /// letters hashed) and the fields many share, asked once per value, must find exactly the
    /// creators a plain search of each field finds, whatever the bytes: random names, handles,
    /// niches and countries over a small alphabet with accents, CJK and punctuation, and every
    /// kind of word typed; and again once some of them are edited and taken in one by one.
    func testTheCreatorsAWordFindsAreThoseAPlainSearchOfEachOfTheirFieldsFinds() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abilmnz09._-@ éå山花🌿")
        let pick = { (length: Int) in String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) }
        // Few distinct shared values (each its own bit) and many (bits shared, values checked).
        let fewNiches = (0..<10).map { _ in pick(Int.random(in: 1...6, using: &generator)) }
        var found = 0
        for few in [true, false] {
            func creator(_ index: Int) -> Creator {
                Creator(id: CreatorID("CR-\(index)"), handle: pick(Int.random(in: 0...6, using: &generator)), name: pick(Int.random(in: 0...12, using: &generator)),
                        email: Bool.random(using: &generator) ? pick(5) : nil, country: few || Bool.random(using: &generator) ? nil : pick(2),
                        niches: (0..<Int.random(in: 0...3, using: &generator)).map { _ in few ? fewNiches.randomElement(using: &generator)! : pick(Int.random(in: 1...6, using: &generator)) })
            }
            // Many values need both halves (from 4 096 creators) for their numbers to be merged.
            var creators = (0..<(few ? 2_000 : 5_000)).map(creator)
            var text = CreatorSearchText(creators)
            // Then creators edited, taken in one by one rather than folded again.
            for edits in [0, 60] {
                if edits > 0 {
                    let edited = (0..<edits).map { _ in Int.random(in: creators.indices, using: &generator) }
                    for position in edited { creators[position] = creator(position) }
                    text = try XCTUnwrap(text.replacing(edited.map { ($0, creators[$0]) }))
                }
                let fields = Self.fields(of: creators)
                for _ in 0..<(few ? 150 : 80) {
                    let word = Array(CreatorSearchText.fold(pick(Int.random(in: 1...4, using: &generator))).utf8)
                    let expected = Self.lookingEverywhere(fields, for: word)
                    let (all, query) = (text.matchingCreators(word), text.query(word))
                    let wrong = creators.indices.filter { all[$0] != expected[$0] || text.matches($0, query) != expected[$0] }
                    XCTAssertEqual(Array(wrong.prefix(3)), [], "word \(String(decoding: word, as: UTF8.self)), \(edits) edited: creators answered wrongly")
                    found += expected.filter { $0 }.count
                }
            }
        }
        XCTAssertGreaterThan(found, 2_000, "the words typed must find creators for the test to mean anything")
    }

    /// A niche spelt with a precomposed accent and one spelt with a combining accent are
    /// different bytes once folded, though Swift's `String` takes them for equal: a word found in
    /// one only is found in that creator only.
    func testAValueSpeltTwoWaysIsSearchedAsEachIsSpelt() {
        let creators = ["caf\u{E9}", "cafe\u{301}", "caf\u{E9}"].enumerated().map { index, niche in
            Creator(id: CreatorID("CR-\(index)"), handle: "user\(index)", name: "Lena", niches: [niche])
        }
        let text = CreatorSearchText(creators)
        let word = Array(CreatorSearchText.fold("cafe").utf8)
        XCTAssertEqual(text.matchingCreators(word), [false, true, false])
        XCTAssertEqual(creators.indices.map { text.matches($0, text.query(word)) }, [false, true, false])
    }

    /// Each creator's searchable fields as a coordinator knows them, folded the slow way, one
    /// `Data` each: what a filter must find, written apart from what the search holds.
    private static func fields(of creators: [Creator]) -> [[Data]] {
        creators.map { creator in
            var fields = ["@" + Creator.normalizedHandle(creator.handle), creator.name, creator.tier.rawValue]
            fields += [creator.country].compactMap { $0 } + creator.niches + creator.sources.map(\.label)
            fields.append(creator.isContactable ? "contactable" : "no consent")
            if creator.isLead { fields += ["lead no handle"] + [creator.email].compactMap { $0 } }
            return fields.map { Data(CreatorSearchText.fold($0).utf8) }
        }
    }

    /// Whether any field holds `word`, by Foundation's `Data.range(of:)`: a search written apart from ours.
    private static func lookingEverywhere(_ fields: [[Data]], for word: [UInt8]) -> [Bool] {
        let word = Data(word)
        return fields.map { fields in word.isEmpty || fields.contains { $0.range(of: word) != nil } }
    }

    /// `find` skips comparing a one-letter pattern and checks a second letter in place: it must
    /// find what looking at every offset finds, first match included.
    func testFindingAPatternFindsItsFirstOccurrenceAsLookingEverywhereDoes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let pattern = (0..<Int.random(in: 1...4, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let expected = text.count < pattern.count ? nil
                : (0...(text.count - pattern.count)).first { Array(text[$0..<$0 + pattern.count]) == pattern }
            let found = text.withUnsafeBytes { text in pattern.withUnsafeBytes { CreatorSearchText.find($0, in: text) } }
            XCTAssertEqual(found, expected, "\(pattern) in \(text)")
        }
    }

    /// The columns are worked out in chunks on two cores with the ranking on a third thread;
    /// they must be what one plain pass over the creators gives.
    func testTheColumnsOfManyRandomCreatorsAreWhatAPlainPassGives() {
        var generator = SystemRandomNumberGenerator()
        let words = ["Lena", "lena", "@zoë", " Hikes", "siobhan.skincare_", "", "İ", "mia"]
        let creators = (0..<9_000).map { index in
            let handle = (0..<Int.random(in: 0...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
            return Creator(id: CreatorID("CR-\(index)"), handle: handle, name: words.randomElement(using: &generator)! + "\(index % 7)",
                           profiles: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                               SocialProfile(platform: .tiktok, handle: handle, followers: Int.random(in: 0...3_000_000_000, using: &generator)) },
                           engagementRate: Double.random(in: 0...0.2, using: &generator), niches: ["skincare", "Yoga"].filter { _ in Bool.random(using: &generator) },
                           customer: Bool.random(using: &generator) ? nil : CustomerSignals(orders: Int.random(in: 0...9, using: &generator), totalSpent: .zero(.eur),
                                                                                             categories: ["Serums"], acceptsMarketing: true))
        }
        let fit = FitContext(today: Day("2026-03-12"), waveCategories: ["serums"], briefWords: ["skincare"])
        let columns = CreatorColumns(EntityTable(creators), fit: fit)

        XCTAssertEqual(columns.followers, creators.map { Int32(clamping: $0.profiles.map(\.followers).max() ?? 0) })
        XCTAssertEqual(columns.engagement, creators.map { Int32(clamping: Int(($0.engagementRate * 10_000).rounded())) })
        XCTAssertEqual(columns.score, creators.map { $0.isLead ? -1 : Int32((FitScore.value(of: $0, context: fit) * 100).rounded()) })
        XCTAssertEqual(Self.byRank(columns), Self.alphabetically(creators))
        XCTAssertEqual(Set(columns.handleRank).count, creators.count, "no two creators share a rank")

        // Re-scoring the same creators against another context (as when orders arrive): only
        // the scores change, to what a fresh build gives.
        var rescored = columns
        let other = FitContext(today: Day("2026-03-12"), waveCategories: ["serums"], briefWords: ["yoga"])
        rescored.rescore(EntityTable(creators), fit: other)
        XCTAssertNotEqual(rescored.score, columns.score)
        XCTAssertEqual(rescored.score, CreatorColumns(EntityTable(creators), fit: other).score)
        XCTAssertEqual([rescored.followers, rescored.engagement], [columns.followers, columns.engagement])
        XCTAssertEqual(rescored.handleRank, columns.handleRank)
    }

    /// Creators edited — handles, audiences — are taken into the columns one by one: the columns
    /// are then what a fresh pass over the creators as they are gives, each edited handle ranked
    /// among the others; where ranks run out of room between neighbours, the columns say so
    /// rather than rank anyone wrongly.
    func testCreatorsEditedAreRankedAndScoredAsAFreshPassWould() {
        var generator = SystemRandomNumberGenerator()
        let fit = FitContext(today: Day("2026-03-12"), waveCategories: ["serums"], briefWords: ["skincare"])
        let handles = ["ana", "ana.lima", "anaa", "b", "zoe", "山田", "🌿x", "ana.lima.2"]
        var creators = (0..<2_000).map { index in
            Creator(id: CreatorID("CR-\(index)"), handle: handles.randomElement(using: &generator)! + "\(index)", name: "Creator \(index)",
                    profiles: [SocialProfile(platform: .tiktok, handle: "t\(index)", followers: Int.random(in: 0...90_000, using: &generator))],
                    engagementRate: Double.random(in: 0...0.2, using: &generator), niches: ["skincare"])
        }
        var columns = CreatorColumns(EntityTable(creators), fit: fit)
        var (taken, refused) = (0, 0)
        for step in 0..<60 {
            let edited = Array(Set((0..<Int.random(in: 1...5, using: &generator)).map { _ in Int.random(in: creators.indices, using: &generator) }))
            for position in edited {
                // Late steps crowd handles between the same two neighbours until ranks run out of room.
                creators[position].handle = step < 30 ? handles.randomElement(using: &generator)! + "-\(step)-\(position)" : "ana.lima.1\(String(repeating: "0", count: step))\(position)"
                creators[position].profiles[0].followers = Int.random(in: 0...90_000, using: &generator)
                creators[position].engagementRate = Double.random(in: 0...0.2, using: &generator)
            }
            guard columns.replace(edited, of: EntityTable(creators), fit: fit) else {
                refused += 1
                columns = CreatorColumns(EntityTable(creators), fit: fit)
                continue
            }
            taken += 1
            let fresh = CreatorColumns(EntityTable(creators), fit: fit)
            XCTAssertEqual([columns.followers, columns.engagement, columns.score], [fresh.followers, fresh.engagement, fresh.score], "step \(step)")
            XCTAssertEqual(Self.byRank(columns), Self.alphabetically(creators), "step \(step): ranked as a fresh pass ranks them")
            XCTAssertEqual(Set(columns.handleRank).count, creators.count, "step \(step): no two creators share a rank")
        }
        XCTAssertGreaterThan(taken, 30)
        XCTAssertGreaterThan(refused, 0, "crowded ranks must run out of room within the test for it to check that")
    }

    /// Creator positions by rank.
    private static func byRank(_ columns: CreatorColumns) -> [Int] {
        columns.handleRank.indices.sorted { columns.handleRank[$0] < columns.handleRank[$1] }
    }

    /// Creator positions alphabetically as written apart from the columns: by handle's UTF-8
    /// bytes (a lead by name, after every handle), equal ones by position.
    private static func alphabetically(_ creators: [Creator]) -> [Int] {
        let keys = creators.map { $0.isLead ? "\u{FFFF}" + $0.name.lowercased() : Creator.normalizedHandle(Substring($0.handle)) }
        return keys.indices.sorted { a, b in keys[a].utf8.elementsEqual(keys[b].utf8) ? a < b : keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8) }
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
