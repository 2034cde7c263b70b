import Foundation
import XCTest
@testable import ChorusCore
@testable import ChorusGenerator
@testable import ChorusStore

/// Enrollments read from a snapshot share one copy of each exit reason a chunk of the file
/// repeats, and their stage is recognised by its bytes; they must still be exactly the
/// enrollments that were written, whatever the reasons hold, and be written again byte for byte.
final class SharedEnrollmentRowsTests: XCTestCase {
    /// Reasons with what JSON escapes, non-ASCII, short (stored inline) and long text, from few
    /// pieces so rows repeat them, and some nearly equal to others.
    private static let reasons = ["No post 14 days after delivery", "No post 14 days after deliverx", "Parcel lost; not re-sent",
                                  "Not taking gifted work \"this\" season", "back\\slash and more than fifteen bytes", "Zoë ne répond plus depuis",
                                  "山田さんは辞退しました", "line\nbreak, then a long tail", "short", "", "🌿✨ emoji reasons are long enough"]

    private static func enrollment(_ number: Int, random: inout SeededRandom) -> Enrollment {
        let stage = PipelineStage.allCases.randomElement(using: &random)!
        let reason = Int.random(in: 0...3, using: &random) == 0 ? nil : reasons.randomElement(using: &random)!
        let plan = Int.random(in: 0...9, using: &random) > 0 ? nil : IncentivePlan(
            gifting: Bool.random(using: &random), flatFee: Money(minorUnits: Int64.random(in: 0...90_000, using: &random), currency: .eur),
            commissionBasisPoints: Bool.random(using: &random) ? nil : 1_500,
            bonusTiers: [BonusTier(metric: .directOrders, threshold: 10, bonus: Money(minorUnits: 5_000, currency: .eur))])
        let sent = Timestamp(day: Day("2026-03-12")!, hour: 10)
        let correspondence = (0..<Int.random(in: 0...2, using: &random)).map { _ in
            Correspondence(kind: MessageKind.allCases.randomElement(using: &random)!, draftedAt: Timestamp(day: Day("2026-03-11")!, hour: 9),
                           sentAt: Bool.random(using: &random) ? nil : sent)
        }
        return Enrollment(creatorID: CreatorID("CR-\(number)"), waveID: WaveID("W\(number % 3 + 1)"), stage: stage,
                          stageChangedAt: Timestamp(day: Day("2026-07-16")!, hour: number % 24), exitReason: reason, incentiveOverride: plan,
                          dueDate: Bool.random(using: &random) ? nil : Day("2026-08-01"), correspondence: correspondence)
    }

    func testRandomEnrollmentsShareTheirRepeatedReasonsYetEqualTheOnesWritten() throws {
        var random = SeededRandom(seed: 25)
        let written = (0..<20_000).map { Self.enrollment($0, random: &random) }
        let bytes = CollectionFile.encode(written, as: EnrollmentRowCodec.self, currency: .eur)
        for sizes in [CollectionFile.ReadSizes(), .init(window: 64 << 10, piece: 4 << 10)] {
            let read = try CollectionFile.decodeFromFile(bytes, as: EnrollmentRowCodec.self, rows: written.count, sizes: sizes)
            if let index = written.indices.first(where: { read[$0] != written[$0] }) {
                XCTFail("enrollment \(index) written: \(written[index])\nread: \(read[index])")
            }
            XCTAssertEqual(CollectionFile.encode(read, as: EnrollmentRowCodec.self, currency: .eur), bytes, "written again byte for byte")
            guard sizes.window > 1 << 20 else { continue }
            // A reason longer than 15 bytes (not stored inline) is about one copy per chunk of the
            // file, not one per enrollment, unless JSON escapes it (then it is read the long way).
            var storage = Set<UnsafeRawPointer?>(), long = 0
            for enrollment in read {
                guard var reason = enrollment.exitReason, reason.utf8.count > 15,
                      !reason.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else { continue }
                storage.insert(reason.withUTF8 { UnsafeRawPointer($0.baseAddress) })
                long += 1
            }
            XCTAssertGreaterThan(long, 4_000)
            XCTAssertLessThan(storage.count, long / 10, "\(sizes)")
        }
    }

    func testAnUnknownStageIsReportedAtItsLineAsBefore() throws {
        let written = (0..<3).map { Enrollment(creatorID: CreatorID("CR-\($0)"), waveID: WaveID("W1"), stage: .posted,
                                               stageChangedAt: Timestamp(day: Day("2026-07-16")!, hour: 9)) }
        let text = String(decoding: CollectionFile.encode(written, as: EnrollmentRowCodec.self, currency: .eur), as: UTF8.self)
        for (stage, message) in [("postedx", "'postedx' is not one of"), ("post", "'post' is not one of"), ("pos\\u0074ed", nil)] {
            let broken = text.replacingOccurrences(of: #"["CR-2","W1","posted""#, with: #"["CR-2","W1",""# + stage + #"""#)
            XCTAssertNotEqual(broken, text)
            guard let message else {
                // Escaped, a known stage is still read: by the String path.
                XCTAssertEqual(try CollectionFile.decodeFromFile(Array(broken.utf8), as: EnrollmentRowCodec.self, rows: 3), written)
                continue
            }
            XCTAssertThrowsError(try CollectionFile.decodeFromFile(Array(broken.utf8), as: EnrollmentRowCodec.self, rows: 3)) { error in
                XCTAssertTrue("\(error)".contains("line 4"), "\(error)")
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }
}
