@testable import ChorusUI
import ChorusCore
import XCTest

/// The Pipeline finds a wave's enrollments through a column kept between builds
/// (`EnrollmentWaves`); whatever happened to the enrollments since, it must find what a pass
/// over every enrollment finds.
final class EnrollmentWavesTests: XCTestCase {
    func testAWavesEnrollmentsAreFoundAsAPassOverAllFindsThemThroughEnrollingStageMovesUndoAReloadAndAnotherCopy() {
        var generator = SystemRandomNumberGenerator()
        let waves = ["W1", "W2", "W3", "W4"].map { WaveID($0) }
        var table = EntityTable<Enrollment>()
        var column = EnrollmentWaves()
        var next = 0
        var earlier = table
        for step in 0..<400 {
            if Int.random(in: 0..<20, using: &generator) == 0 { earlier = table }
            switch Int.random(in: 0..<11, using: &generator) {
            case 0...4:  // creators enrolled, a wave at a time or mixed
                for _ in 0..<Int.random(in: 1...30, using: &generator) {
                    table.upsert(Enrollment(creatorID: CreatorID("CR-\(next)"), waveID: waves.randomElement(using: &generator)!,
                                            stage: .prospect, stageChangedAt: Timestamp(secondsSinceEpoch: 0)))
                    next += 1
                }
            case 5...7:  // a stage moved in place
                guard var enrollment = table.randomElement(using: &generator) else { continue }
                enrollment.stage = .invited
                table.upsert(enrollment)
            case 8:  // an enrolling undone: rows taken out, the later ones move up
                table.remove(keys: Set(table.shuffled(using: &generator).prefix(Int.random(in: 1...5, using: &generator)).map(\.key)))
            case 9:  // a colleague's snapshot read: the same rows, a new table
                table = EntityTable(table.rows.shuffled(using: &generator))
            default:  // an earlier copy of the table, gone another way: other rows added to it
                let added = table.count - earlier.count
                table = earlier
                for _ in 0..<max(1, added) {
                    table.upsert(Enrollment(creatorID: CreatorID("CR-\(next)"), waveID: waves.randomElement(using: &generator)!,
                                            stage: .prospect, stageChangedAt: Timestamp(secondsSinceEpoch: 0)))
                    next += 1
                }
            }
            for wave in waves {
                let expected = table.indices.filter { table[$0].waveID == wave }.map(Int32.init)
                XCTAssertEqual(column.positions(in: wave, of: table), expected, "step \(step), wave \(wave.rawValue)")
            }
        }
        XCTAssertGreaterThan(table.count, 100)
    }
}
