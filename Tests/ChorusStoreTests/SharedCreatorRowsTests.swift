import Foundation
import XCTest
@testable import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore

/// Creators read from a snapshot share one copy of each combination of niches, sources and
/// store categories, and a profile's handle with the creator's (that is what makes a million of
/// them open quickly); they must still be exactly the creators that were written, whatever
/// their text holds, and written again byte for byte.
final class SharedCreatorRowsTests: XCTestCase {
    /// Text with what JSON escapes, non-ASCII and long words, from few pieces so rows repeat values.
    private static let pieces = ["skincare", "Yoga", "\"quoted\"", "back\\slash", "zoë", "山田", "line\nbreak", "a_very_long_handle_part", "", "@", "🌿✨"]

    private static func text(_ random: inout SeededRandom, words: ClosedRange<Int> = 1...3) -> String {
        (0..<Int.random(in: words, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    private static func creator(_ number: Int, random: inout SeededRandom) -> Creator {
        let handle = text(&random) + String(number)
        let profiles = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            // Mostly the creator's own handle, as in real workspaces; sometimes another, or the
            // same text but for its case or a character more.
            let own = [handle, handle, handle, handle.uppercased(), handle + "x", text(&random)].randomElement(using: &random)!
            return SocialProfile(platform: Platform.allCases.randomElement(using: &random)!, handle: own, followers: Int.random(in: 0...2_000_000, using: &random))
        }
        let customer = Bool.random(using: &random) ? nil : CustomerSignals(
            orders: Int.random(in: 0...40, using: &random), totalSpent: Money(minorUnits: Int64.random(in: 0...99_999, using: &random), currency: .eur),
            categories: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(&random, words: 1...1) }, acceptsMarketing: Bool.random(using: &random))
        return Creator(id: CreatorID("CR-\(number)"), handle: handle, name: text(&random), email: Bool.random(using: &random) ? nil : handle + "@example.com",
                       country: Bool.random(using: &random) ? nil : ["DE", "JP", "FR"].randomElement(using: &random)!,
                       profiles: profiles, engagementRate: Double(Int.random(in: 0...900, using: &random)) / 10_000,
                       niches: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random, words: 1...1) },
                       address: address(&random), sources: (0..<Int.random(in: 0...2, using: &random)).map { _ in CreatorSource.allCases.randomElement(using: &random)! },
                       customer: customer, linkSlug: Bool.random(using: &random) ? nil : text(&random), note: Bool.random(using: &random) ? nil : text(&random, words: 0...6),
                       phone: Bool.random(using: &random) ? nil : "+49 30 \(number)",
                       payoutEmail: Bool.random(using: &random) ? nil : text(&random) + "@pay.example", aliases: Bool.random(using: &random) ? [] : [text(&random)],
                       payoutProfile: payoutProfile(&random), invitationToApply: invitation(&random))
    }

    private static func address(_ random: inout SeededRandom) -> PostalAddress? {
        guard Bool.random(using: &random) else { return nil }
        return PostalAddress(line1: text(&random), line2: Bool.random(using: &random) ? nil : text(&random), city: text(&random, words: 1...2),
                             region: Bool.random(using: &random) ? nil : text(&random, words: 1...1), postalCode: String(Int.random(in: 1_000...99_999, using: &random)),
                             country: ["DE", "JP", "FR", "ES"].randomElement(using: &random)!)
    }

    /// Trailing fields a row holds only when recorded: none, either or both.
    private static func payoutProfile(_ random: inout SeededRandom) -> PayoutProfile? {
        guard Int.random(in: 0...3, using: &random) == 0 else { return nil }
        return PayoutProfile(method: PayoutProfile.Method.allCases.randomElement(using: &random),
                             taxForm: Bool.random(using: &random) ? nil : PayoutProfile.TaxForm.allCases.randomElement(using: &random)!,
                             taxFormReceived: Bool.random(using: &random) ? nil : Day("2026-02-14"), taxCountry: Bool.random(using: &random) ? nil : "DE")
    }

    private static func invitation(_ random: inout SeededRandom) -> Correspondence? {
        guard Int.random(in: 0...3, using: &random) == 0 else { return nil }
        let drafted = Timestamp(day: Day("2026-03-0\(Int.random(in: 1...9, using: &random))")!, hour: 9)
        return Correspondence(kind: MessageKind.allCases.randomElement(using: &random)!, draftedAt: drafted,
                              sentAt: Bool.random(using: &random) ? nil : Timestamp(day: Day("2026-03-12")!, hour: 10))
    }

    /// Reads the bytes back as a snapshot's creators file is read at open, from a file.
    private func decode(_ bytes: [UInt8], rows: Int, sizes: CollectionFile.ReadSizes = .init()) throws -> [Creator] {
        try CollectionFile.decodeFromFile(bytes, as: CreatorRowCodec.self, rows: rows, sizes: sizes)
    }

    /// A snapshot writes creators and enrollments from their tables, piece by piece: the file is
    /// byte for byte the one their rows in one array make.
    func testATableInPiecesIsWrittenAsItsRowsInOneArrayAre() throws {
        var random = SeededRandom(seed: 26)
        let creators = EntityTable((0..<12_000).map { Self.creator($0, random: &random) })
        XCTAssertGreaterThan(creators.storage.pieces.count, 2)
        var pieces: [[UInt8]] = []
        CollectionFile.write(creators, as: CreatorRowCodec.self, currency: .eur) { pieces.append($0) }
        XCTAssertEqual(Array(pieces.joined()), CollectionFile.encode(creators.rows, as: CreatorRowCodec.self, currency: .eur))

        let program = SampleProgram.generate(options: GeneratorOptions(creators: 9_000, orders: 0, seed: 3, today: Day("2026-03-12")!))
        XCTAssertGreaterThan(program.enrollments.storage.pieces.count, 1)
        pieces = []
        CollectionFile.write(program.enrollments, as: EnrollmentRowCodec.self, currency: .eur) { pieces.append($0) }
        XCTAssertEqual(Array(pieces.joined()), CollectionFile.encode(program.enrollments.rows, as: EnrollmentRowCodec.self, currency: .eur))
    }

    func testRandomCreatorsReadTogetherShareTheirRepeatedValuesYetEqualTheOnesWritten() throws {
        var random = SeededRandom(seed: 25)
        let written = (0..<12_000).map { Self.creator($0, random: &random) }
        let bytes = CollectionFile.encode(written, as: CreatorRowCodec.self, currency: .eur)
        XCTAssertGreaterThan(bytes.count, 2 << 20, "big enough to be read in parallel chunks")
        let read = try decode(bytes, rows: written.count)

        XCTAssertEqual(read, written)
        XCTAssertEqual(CollectionFile.encode(read, as: CreatorRowCodec.self, currency: .eur), bytes, "written again byte for byte")
        func storage<Element>(_ array: [Element]) -> UnsafeRawPointer? { array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        // Each combination about once per chunk of the file, not once per creator.
        let withNiches = read.filter { !$0.niches.isEmpty }, withSources = read.filter { !$0.sources.isEmpty }
        XCTAssertLessThan(Set(withNiches.map { storage($0.niches) }).count, withNiches.count / 2)
        XCTAssertLessThan(Set(withSources.map { storage($0.sources) }).count, withSources.count / 10)
        // A profile handle longer than 15 bytes (not stored inline) is the creator's own copy,
        // unless JSON escapes it (then it is read the long way).
        var sharedHandles = 0
        for creator in read where creator.handle.utf8.count > 15 && !creator.handle.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            for profile in creator.profiles where profile.handle == creator.handle {
                var (own, profileHandle) = (creator.handle, profile.handle)
                let ownBytes = own.withUTF8 { UnsafeRawPointer($0.baseAddress) }
                XCTAssertEqual(profileHandle.withUTF8 { UnsafeRawPointer($0.baseAddress) }, ownBytes, "@\(creator.handle)")
                sharedHandles += 1
            }
        }
        XCTAssertGreaterThan(sharedHandles, 1_000)
    }

    /// A snapshot's creators are decoded straight into the rows of the result; row by row, the
    /// codec returns each creator. Both must give the same creators, every field of them.
    func testCreatorsDecodedInPlaceEqualTheOnesReadOneByOne() throws {
        var random = SeededRandom(seed: 2_511)
        let written = (0..<3_000).map { Self.creator($0, random: &random) }
        let bytes = CollectionFile.encode(written, as: CreatorRowCodec.self, currency: .eur)
        // Small windows and pieces, so rows are decoded in parallel pieces and across windows.
        let inPlace = try decode(bytes, rows: written.count, sizes: .init(window: 64 << 10, piece: 4 << 10))
        let oneByOne = try bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer, range: buffer.firstIndex(of: 0x0A)! + 1..<buffer.count)
            return try (0..<written.count).map { _ in try CreatorRowCodec.read(from: &reader, currency: .eur) }
        }
        XCTAssertEqual(inPlace.count, written.count)
        XCTAssertEqual(oneByOne.count, written.count)
        if let index = written.indices.first(where: { inPlace[$0] != written[$0] || oneByOne[$0] != written[$0] }) {
            XCTFail("creator \(index) written: \(written[index])\nin pieces: \(inPlace[index])\none by one: \(oneByOne[index])")
        }
    }

    /// A bad value in a row's last column, deep in a file read in parallel pieces straight into
    /// the result's rows: the pieces give up, and the one-thread reading reports it at its line
    /// and column.
    func testABadValueInTheLastColumnIsReportedAtItsLineAndColumn() throws {
        var random = SeededRandom(seed: 7)
        let written = (0..<2_000).map { Self.creator($0, random: &random) }
        var lines = String(decoding: CollectionFile.encode(written, as: CreatorRowCodec.self, currency: .eur), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A row from the 1 500th on that ends with its empty aliases (lines[0] is the header).
        let bad = try XCTUnwrap((1_500..<1_900).first { lines[$0].hasSuffix(",[]],") })
        lines[bad] = String(lines[bad].dropLast(5)) + ",[1]],"
        XCTAssertThrowsError(try decode(Array(lines.joined(separator: "\n").utf8), rows: written.count,
                                        sizes: .init(window: 64 << 10, piece: 4 << 10))) { error in
            XCTAssertTrue("\(error)".contains("line \(bad + 1)"), "\(error)")
            XCTAssertTrue("\(error)".contains("column aliases: expected a string, found '1]"), "\(error)")
        }
    }

    func testChangingOneCreatorsSharedValuesLeavesTheCreatorsBesideItAlone() throws {
        let written = (0..<3).map { Creator(id: CreatorID("CR-\($0)"), handle: "same.handle.for.all.\($0)", name: "N", niches: ["yoga", "skincare"],
                                            sources: [.inbound]) }
        var read = try decode(CollectionFile.encode(written, as: CreatorRowCodec.self, currency: .eur), rows: 3)
        XCTAssertEqual(Set(read.map { $0.niches.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }).count, 1, "one copy of the niches")
        read[0].niches.append("hiking")
        read[1].sources = []
        XCTAssertEqual(read[0].niches, ["yoga", "skincare", "hiking"])
        XCTAssertEqual(read[1].niches, ["yoga", "skincare"])
        XCTAssertEqual(read[2].sources, [.inbound])
    }

    func testABadValueInASharedColumnIsReportedAtItsLine() throws {
        let written = (0..<3).map { Creator(id: CreatorID("CR-\($0)"), handle: "h\($0)", name: "N", niches: ["yoga"], sources: [.inbound]) }
        let text = String(decoding: CollectionFile.encode(written, as: CreatorRowCodec.self, currency: .eur), as: UTF8.self)
        let broken = text.replacingOccurrences(of: #""h2","N",null,null,[],0.0,["yoga"],null,["inbound"]"#,
                                               with: #""h2","N",null,null,[],0.0,["yoga"],null,["inboundx"]"#)
        XCTAssertNotEqual(broken, text)
        XCTAssertThrowsError(try decode(Array(broken.utf8), rows: 3)) { error in
            XCTAssertTrue("\(error)".contains("line 4"), "\(error)")
            XCTAssertTrue("\(error)".contains("'inboundx' is not one of"), "\(error)")
        }
    }
}
