import ChorusCore
import ChorusStore
import Foundation
import XCTest

/// The committed sample workspace was saved before creators had a phone, payout email and
/// aliases, orders a Shopify `Id` and survey answers a credited creator. It still opens, and
/// the next snapshot is written in the new layout and reads back the same, new fields included.
final class EarlierLayoutTests: XCTestCase {
    func testASnapshotFromBeforeTheNewFieldsOpensAndIsRewrittenInTheNewLayout() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data/workspace")
        let folder = StoreFixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: sample.path, toPath: folder)
        let creators = try String(contentsOfFile: folder + "/creators-1.json", encoding: .utf8)
        XCTAssertFalse(creators.prefix(400).contains("aliases"), "the committed sample is in the earlier layout")

        let store = try WorkspaceStore.open(at: folder)
        let old = store.workspace
        XCTAssertEqual(old.creators.count, 300)
        XCTAssertTrue(old.creators.allSatisfy { $0.aliases.isEmpty && $0.phone == nil })
        XCTAssertTrue(old.orders.allSatisfy { $0.shopifyID == nil })
        var felt = old.creators[0]
        felt.phone = "+49 30 1234567"
        felt.aliases = ["the one from the reel"]
        try store.perform(.updateCreator(felt), context: CommandContext(now: Timestamp("2026-11-25T09:00:00Z")!, actor: "test"))
        try store.compact()
        let expected = store.workspace
        store.close()

        let reopened = try WorkspaceStore.open(at: folder)
        defer { reopened.close() }
        try reopened.finishLoadingOrderHistory()
        XCTAssertEqual(reopened.workspace, expected)
        XCTAssertEqual(reopened.workspace.creator(felt.id)?.aliases, ["the one from the reel"])
        let rewritten = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("creators-") }
        XCTAssertEqual(rewritten.count, 1)
        XCTAssertTrue(try String(contentsOfFile: folder + "/" + rewritten[0], encoding: .utf8).prefix(400).contains(#""phone","payoutEmail","aliases"]"#))
    }
}
