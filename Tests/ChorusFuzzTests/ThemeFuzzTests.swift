import ChorusUI
import Foundation
import XCTest

/// Theme files are hand-edited JSON: a damaged one (mutations of the shipped themes) is left
/// out with one sentence naming it, and the default theme is always there.
final class ThemeFuzzTests: XCTestCase {
    func testDamagedThemesAreReportedAndTheDefaultSurvives() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("Themes"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.map { [UInt8](try Data(contentsOf: $0)) }
        XCTAssertFalse(shipped.isEmpty)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-fuzz-themes-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("fuzzed.json")

        let target = FuzzTarget(name: "theme", seeds: shipped) { bytes in
            try Data(bytes).write(to: file)
            let catalog = ThemeCatalog(directory: directory)
            guard catalog.theme(named: ThemeCatalog.defaultName) != nil else { throw FuzzFailure("no default theme") }
            if catalog.theme(named: "fuzzed") != nil {
                return .accepted
            }
            guard catalog.problems.count == 1, catalog.problems[0].contains("fuzzed") else {
                throw FuzzFailure("a theme left out without one sentence naming it: \(catalog.problems)")
            }
            return .refused
        }
        for fixture in HostileJSON.fixtures {
            XCTAssertNoThrow(try target.read(fixture.bytes), fixture.name)
        }
        let report = Fuzzer.run(target)
        print("fuzz \(report)")
        XCTAssertEqual(report.failures, [])
        XCTAssertGreaterThan(report.accepted, 0)
        XCTAssertGreaterThan(report.refused, 0)
    }
}
