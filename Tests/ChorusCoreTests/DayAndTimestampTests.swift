import Foundation
import XCTest
@testable import ChorusCore

final class DayAndTimestampTests: XCTestCase {
    func testParsesAndFormatsDays() {
        let day = Day("2026-03-12")
        XCTAssertEqual(day?.description, "2026-03-12")
        XCTAssertEqual(day?.components.year, 2026)
        XCTAssertEqual(day?.components.month, 3)
        XCTAssertEqual(day?.components.day, 12)
        XCTAssertEqual(Day("1970-01-01")?.ordinal, 0)
        XCTAssertEqual(Day("1969-12-31")?.ordinal, -1)
        XCTAssertEqual(Day(year: 2026, month: 3, day: 12), day)
    }

    func testRefusesDaysThatDoNotExist() {
        XCTAssertNil(Day("2026-13-01"))
        XCTAssertNil(Day("2026-00-10"))
        XCTAssertNil(Day("2026-04-31"))
        XCTAssertNil(Day("2026-3-12"))
        XCTAssertNil(Day("12/03/2026"))
        XCTAssertNil(Day("2026-03-12T09:00:00Z"))
        XCTAssertNil(Day("2026-03-1x"))
    }

    func testLeapYears() {
        XCTAssertNotNil(Day("2024-02-29"))
        XCTAssertNil(Day("2026-02-29"))
        XCTAssertNil(Day("1900-02-29"), "centuries are not leap years")
        XCTAssertNotNil(Day("2000-02-29"), "unless divisible by 400")
        XCTAssertEqual(Day("2024-02-28")!.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(Day("2024-02-28")!.adding(days: 2).description, "2024-03-01")
        XCTAssertEqual(Day("2026-02-28")!.adding(days: 1).description, "2026-03-01")
        XCTAssertEqual(Day("2024-01-01")!.days(until: Day("2025-01-01")!), 366)
        XCTAssertEqual(Day("2026-12-31")!.adding(days: 1).description, "2027-01-01")
    }

    func testWeekdays() {
        XCTAssertEqual(Day("1970-01-01")?.weekday, 4, "a Thursday")
        XCTAssertEqual(ProgramFixture.today.weekday, 4, "12 March 2026 is a Thursday")
        XCTAssertEqual(Day("2026-03-14")?.isWeekend, true)
        XCTAssertEqual(Day("2026-03-15")?.weekday, 7)
        XCTAssertEqual(Day("2026-03-16")?.weekday, 1)
        XCTAssertEqual(Day("1969-12-28")?.weekday, 7, "days before 1970 work too")
    }

    func testBusinessDaysSkipTheWeekend() {
        let friday = Day("2026-03-13")!, monday = Day("2026-03-16")!, thursday = ProgramFixture.today
        XCTAssertEqual(friday.businessDays(until: monday), 1, "Saturday and Sunday do not age a draft")
        XCTAssertEqual(thursday.businessDays(until: monday), 2)
        XCTAssertEqual(thursday.businessDays(until: Day("2026-03-19")!), 5, "a full week")
        XCTAssertEqual(Day("2026-03-14")!.businessDays(until: Day("2026-03-15")!), 0, "a weekend alone")
        XCTAssertEqual(monday.businessDays(until: friday), 0, "backwards counts nothing")
        XCTAssertEqual(monday.businessDays(until: monday), 0)
    }

    func testParsesTimestampsInEveryExportedForm() {
        let expected = Timestamp(day: ProgramFixture.today, hour: 9, minute: 14, second: 2)
        XCTAssertEqual(Timestamp("2026-03-12T09:14:02Z"), expected)
        XCTAssertEqual(Timestamp("2026-03-12 09:14:02 +0000"), expected, "Shopify's export form")
        XCTAssertEqual(Timestamp("2026-03-12T10:14:02+01:00"), expected)
        XCTAssertEqual(Timestamp("2026-03-12 10:14:02 +0100"), expected)
        XCTAssertEqual(Timestamp("2026-03-12T04:14:02-05:00"), expected)
        XCTAssertEqual(Timestamp("2026-03-12T09:14:02.750Z"), expected, "fractional seconds are dropped")
        XCTAssertEqual(Timestamp("2026-03-12T09:14:02"), expected, "no zone means UTC")
        XCTAssertEqual(Timestamp("2026-03-12"), Timestamp(day: ProgramFixture.today), "a bare date is midnight UTC")
    }

    func testAnOffsetCanMoveTheInstantToAnotherDay() {
        let lateInNewYork = Timestamp("2026-03-12T22:30:00-05:00")!
        XCTAssertEqual(lateInNewYork.description, "2026-03-13T03:30:00Z")
        XCTAssertEqual(lateInNewYork.day.description, "2026-03-13")
        let earlyInTokyo = Timestamp("2026-03-12 07:00:00 +0900")!
        XCTAssertEqual(earlyInTokyo.day.description, "2026-03-11")
    }

    func testRefusesMalformedTimestamps() {
        XCTAssertNil(Timestamp("2026-03-12T25:00:00Z"))
        XCTAssertNil(Timestamp("2026-03-12T09:60:00Z"))
        XCTAssertNil(Timestamp("2026-03-12T09:14Z"))
        XCTAssertNil(Timestamp("2026-03-12T09:14:02 CET"))
        XCTAssertNil(Timestamp("2026-03-12T09:14:02+1"))
        XCTAssertNil(Timestamp("2026-02-30T09:14:02Z"))
        XCTAssertNil(Timestamp("yesterday"))
    }

    func testFormatsAsISO8601AndRoundTrips() throws {
        let stamp = ProgramFixture.context.now
        XCTAssertEqual(stamp.description, "2026-03-12T09:00:00Z")
        XCTAssertEqual(Timestamp(stamp.description), stamp)
        let beforeEpoch = Timestamp(secondsSinceEpoch: -1)
        XCTAssertEqual(beforeEpoch.description, "1969-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp(beforeEpoch.description), beforeEpoch)
        XCTAssertEqual(stamp.adding(days: 1).day.description, "2026-03-13")

        let encoded = try JSONEncoder().encode([stamp])
        XCTAssertEqual(String(decoding: encoded, as: UTF8.self), "[\"2026-03-12T09:00:00Z\"]")
        XCTAssertEqual(try JSONDecoder().decode([Timestamp].self, from: encoded), [stamp])
        let day = try JSONEncoder().encode([ProgramFixture.today])
        XCTAssertEqual(String(decoding: day, as: UTF8.self), "[\"2026-03-12\"]")
        XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data("[\"2026-02-30\"]".utf8)))
    }
}

/// Timestamps as the stores' exports write them, read back here as Foundation's own date
/// parser reads them: any instant, any offset, with and without fractional seconds.
final class TimestampsAsFoundationReadsThemTests: XCTestCase {
    func testEveryExportedFormReadsAsFoundationsParserReadsIt() {
        var seed: UInt64 = 7
        func next(_ below: Int64) -> Int64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int64((seed >> 33) % UInt64(below))
        }
        let formats = ["yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssZ",
                       "yyyy-MM-dd HH:mm:ssZ", "yyyy-MM-dd"]
        let writer = DateFormatter()
        writer.locale = Locale(identifier: "en_US_POSIX")
        for round in 0..<3_000 {
            let instant = Date(timeIntervalSince1970: TimeInterval(next(4_000_000_000) - 500_000_000))
            let minutes = Int(next(26 * 4) - 12 * 4) * 15
            writer.timeZone = TimeZone(secondsFromGMT: minutes * 60)
            writer.dateFormat = formats[Int(next(Int64(formats.count)))]
            let text = writer.string(from: instant)
            let read = Timestamp(text)
            let foundation = writer.date(from: text).map { Int64($0.timeIntervalSince1970.rounded(.down)) }
            if writer.dateFormat == "yyyy-MM-dd" {
                // A bare day is midnight UTC here, midnight in the writer's zone for Foundation.
                XCTAssertEqual(read?.secondsSinceEpoch, foundation.map { $0 + Int64(minutes * 60) }, "round \(round): \(text)")
            } else {
                XCTAssertEqual(read?.secondsSinceEpoch, foundation, "round \(round): \(text)")
            }
            XCTAssertEqual(Timestamp(Substring(" " + text + " ").dropFirst().dropLast()), read, "a slice reads as the whole string")
        }
    }
}
