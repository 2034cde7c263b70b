import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// Damaged, truncated and too-new files are refused with the file, the line and the problem,
/// and every byte in the folder stays as it was.
final class CorruptionTests: XCTestCase {
    private func savedWorkspace() throws -> String {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        return folder
    }

    private func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "fixture text not found in \(path)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Opens in both modes, expects the same refusal, and checks nothing was written.
    private func assertRefused(_ folder: String, file: StaticString = #filePath, line: UInt = #line) throws -> StoreError? {
        let before = try StoreFixtures.contents(of: folder)
        var last: StoreError?
        for mode in [WorkspaceStore.Mode.readWrite, .readOnly] {
            last = assertStoreError(try WorkspaceStore.open(at: folder, mode: mode), file: file, line: line)
        }
        XCTAssertEqual(try StoreFixtures.contents(of: folder), before, "files are byte-identical", file: file, line: line)
        return last
    }

    func testGarbageInTheOrdersFileNamesTheFileLineAndColumn() throws {
        let folder = try savedWorkspace()
        let orders = try StoreFixtures.file("orders", in: folder)
        try replace(##""#1002",null,"refunded""##, with: ##""#1002",null,refunded"##, in: orders)
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertEqual(error?.file, orders)
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.description.contains("column financialStatus: expected a string, found 'refunded") ?? false, error?.description ?? "")
    }

    func testAWrongValueTypeNamesTheColumn() throws {
        let folder = try savedWorkspace()
        let creators = try StoreFixtures.file("creators", in: folder)
        try replace(#"["instagram","ana.glow",8400]"#, with: #"["instagram","ana.glow","many"]"#, in: creators)
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("column profiles.followers: expected a whole number") ?? false, error?.description ?? "")
    }

    func testATruncatedCollectionFileIsRefused() throws {
        let folder = try savedWorkspace()
        let orders = try StoreFixtures.file("orders", in: folder)
        let data = try Data(contentsOf: URL(fileURLWithPath: orders))
        try data.prefix(data.count - 40).write(to: URL(fileURLWithPath: orders))
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.file, orders)
        XCTAssertTrue(error?.message.contains("cut short") ?? false, error?.description ?? "")
    }

    func testAMissingRowIsCaughtByTheManifestCount() throws {
        let folder = try savedWorkspace()
        let orders = try StoreFixtures.file("orders", in: folder)
        var lines = try String(contentsOfFile: orders, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.remove(at: 2)
        lines[1] = String(lines[1].dropLast())  // the comma before the removed row
        try (lines.joined(separator: "\n") + "\n").write(toFile: orders, atomically: false, encoding: .utf8)
        let error = try assertRefused(folder)
        XCTAssertTrue(error?.message.contains("holds 1 rows but chorus.json says 2") ?? false, error?.description ?? "")
    }

    func testGarbageInASmallCollectionNamesTheRowsLine() throws {
        let folder = try savedWorkspace()
        let shipments = try StoreFixtures.file("shipments", in: folder)
        try replace(#""status":"shipped""#, with: #""status":"teleported""#, in: shipments)
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.file, shipments)
        XCTAssertEqual(error?.line, 2)
    }

    /// The small collections are read on a thread of their own while the creators decode; a
    /// damaged creator is still the one reported, as when the files were read one after another.
    func testWithACreatorAndAShipmentDamagedTheCreatorsFileIsNamed() throws {
        let folder = try savedWorkspace()
        let (creators, shipments) = (try StoreFixtures.file("creators", in: folder), try StoreFixtures.file("shipments", in: folder))
        try replace(#"["instagram","ana.glow",8400]"#, with: #"["instagram","ana.glow","many"]"#, in: creators)
        try replace(#""status":"shipped""#, with: #""status":"teleported""#, in: shipments)
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.file, creators)
        XCTAssertEqual(error?.line, 2)
    }

    func testNewerSchemaVersionIsRefusedAsNewer() throws {
        let folder = try savedWorkspace()
        let manifest = folder + "/chorus.json"
        try replace(#""schemaVersion" : 2"#, with: #""schemaVersion" : 99"#, in: manifest)
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.kind, .newerSchema)
        XCTAssertEqual(error?.description, manifest + ": was written by a newer Chorus (schema 99; this build reads 2); upgrade Chorus to open it")
    }

    func testADamagedManifestIsRefused() throws {
        let folder = try savedWorkspace()
        try Data("{\"format\":\"chorus-workspace\",\"sche".utf8).write(to: URL(fileURLWithPath: folder + "/chorus.json"))
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertTrue(error?.description.hasPrefix(folder + "/chorus.json: is not valid JSON") ?? false, error?.description ?? "")
    }

    func testADamagedProgramFileIsRefused() throws {
        let folder = try savedWorkspace()
        let program = try StoreFixtures.file("program", in: folder)
        try replace(#""currency" : "EUR""#, with: #""currency" : 42"#, in: program)
        let error = try assertRefused(folder)
        XCTAssertEqual(error?.file, program)
        XCTAssertTrue(error?.message.contains("program.currency") ?? false, error?.description ?? "")
    }
}
