import XCTest
@testable import ChorusCore

/// Commands are the journal: each must survive JSON unchanged.
final class CommandCodingTests: XCTestCase {
    func testEveryCommandRoundTripsThroughJSON() throws {
        for command in CommandSamples.all {
            let data = try JSONEncoder().encode(command)
            XCTAssertEqual(try JSONDecoder().decode(Command.self, from: data), command, CommandSamples.kind(of: command))
        }
    }

    /// `CommandSamples.kind(of:)` is exhaustive, so a new case needs a sample; this makes the
    /// sample prove that the new kind is written and read (`Command+Fields`).
    func testThereIsASampleOfEveryKindAndEachIsWrittenAsItsKindWithNamedFields() throws {
        XCTAssertEqual(CommandSamples.all.map(\.kind), CommandSamples.all.map(CommandSamples.kind(of:)))
        XCTAssertEqual(Set(CommandSamples.all.map(\.kind)), Set(Command.Kind.allCases.map(\.rawValue)), "every kind has a sample")
        for command in CommandSamples.all {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(command)) as? [String: Any])
            XCTAssertEqual(object["kind"] as? String, command.kind)
            XCTAssertFalse(object.keys.contains { $0.hasPrefix("_") }, "\(command.kind) names its fields: \(object.keys.sorted())")
        }
    }

    func testACommandOfAKindThisChorusDoesNotKnowIsRefusedNamingTheKind() {
        let line = #"{"kind":"splitWave","wave":"W1"}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Command.self, from: Data(line.utf8))) {
            XCTAssertTrue("\($0)".contains(#""splitWave" is not a kind of command this Chorus knows"#), "\($0)")
        }
        let legacy = #"{"splitWave":{"_0":"W1"}}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Command.self, from: Data(legacy.utf8))) {
            XCTAssertTrue("\($0)".contains(#""splitWave" is not a kind of command this Chorus knows"#), "\($0)")
        }
    }

    /// A field a newer Chorus added would change what the command does: it is refused, not dropped.
    func testAFieldThisChorusDoesNotKnowIsRefusedNamingIt() {
        let line = #"{"kind":"approve","submissions":["SUB-0001"],"onBehalfOf":"maria"}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Command.self, from: Data(line.utf8))) {
            XCTAssertTrue("\($0)".contains(#"the command "approve" has a field "onBehalfOf" that this Chorus does not know"#), "\($0)")
        }
        let missing = #"{"kind":"approve","submission":["SUB-0001"]}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Command.self, from: Data(missing.utf8)))
    }

    func testTheUndoOfEveryCommandRoundTripsThroughJSON() throws {
        for command in CommandSamples.all {
            var workspace = ProgramFixture.workspace
            let undo = try workspace.run(command).undo
            XCTAssertEqual(try JSONDecoder().decode(Command.self, from: JSONEncoder().encode(undo)), undo, CommandSamples.kind(of: command))
        }
    }

    func testAJournalReplaysToTheSameWorkspace() throws {
        var live = ProgramFixture.workspace
        var journal: [Data] = []
        @discardableResult func record(_ command: Command) throws -> AppliedCommand {
            let applied = try live.run(command)
            journal.append(try JSONEncoder().encode(command))
            return applied
        }
        try record(.enroll(creators: [ProgramFixture.mila], wave: ProgramFixture.summer, stage: .invited))
        try record(.queueShipments([ShipmentRequest(creatorID: ProgramFixture.lea, waveID: ProgramFixture.spring,
                                                    items: [ShipmentItem(sku: ProgramFixture.cream, quantity: 1)])]))
        try record(.markShipped([ShipmentDispatch(shipmentID: "SH-0043", carrier: .royalMail, trackingNumber: "AB123456789GB")]))
        let approval = try record(.approve([ProgramFixture.compliantDraft]))
        try record(approval.undo)

        var replayed = ProgramFixture.workspace
        for line in journal { try replayed.run(try JSONDecoder().decode(Command.self, from: line)) }
        XCTAssertTrue(replayed == live)
        XCTAssertNil(replayed.asset("AS-0002"), "the journaled undo took the approval back")
        XCTAssertEqual(replayed.shipment("SH-0043")?.trackingNumber, "AB123456789GB")
    }

    func testAnImpossibleDateInTheJournalIsRejectedOnLoad() {
        let badDay = #"{"recordPost":{"_0":"SUB-0005","url":"https://x","postedOn":"2026-02-30"}}"#
        XCTAssertThrowsError(try JSONDecoder().decode(Command.self, from: Data(badDay.utf8)))
    }

    /// Journals written before creators had a phone, payout email and aliases, orders a Shopify
    /// `Id` and answers a credited creator still open, with those fields empty.
    func testJournalEntriesFromBeforeAddressesAndResolutionsStillDecode() throws {
        let creator = #"{"updateCreator":{"_0":{"id":"CR-0001","handle":"mila.makes","name":"Mila","profiles":[],"engagementRate":0,"#
            + #""niches":[],"sources":[]}}}"#
        guard case .updateCreator(let mila) = try JSONDecoder().decode(Command.self, from: Data(creator.utf8)) else { return XCTFail() }
        XCTAssertEqual(mila.aliases, [])
        XCTAssertNil(mila.phone)
        let answer = ##"{"importSurveyResponses":{"_0":[{"id":"SR-1","orderID":"#1001","response":"Instagram"}]}}"##
        guard case .importSurveyResponses(let answers) = try JSONDecoder().decode(Command.self, from: Data(answer.utf8)) else { return XCTFail() }
        XCTAssertNil(answers[0].creditedCreator)
        let order = ##"{"importOrders":{"_0":[{"id":"#1001","financialStatus":"paid","createdAt":"2026-03-08T14:22:05Z","##
            + ##""subtotal":{"minorUnits":6400,"currency":"EUR"},"refunded":{"minorUnits":0,"currency":"EUR"},"lines":[]}]}}"##
        guard case .importOrders(let orders) = try JSONDecoder().decode(Command.self, from: Data(order.utf8)) else { return XCTFail() }
        XCTAssertNil(orders[0].shopifyID)
    }
}

/// Journals and workspaces written before payout details and reconciliation open unchanged,
/// and a creator or run without them is written without them.
final class PayoutJournalCompatibilityTests: XCTestCase {
    func testAPayoutRunAndACreatorFromBeforePayoutDetailsDecodeAndEncodeWithoutThem() throws {
        let run = #"{"createdOn":"2026-03-01","number":1,"payments":[{"creatorID":"CR-0001","items":[{"amount":4000,"key":"fee W1"}]}]}"#
        let creator = #"{"aliases":[],"engagementRate":0.05,"handle":"mila","id":"CR-0001","name":"Mila","niches":[],"profiles":[],"sources":[]}"#
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (old, written) in [(#"{"createPayoutRun":{"_0":"# + run + "}}", #"{"kind":"createPayoutRun","run":"# + run + "}"),
                               (#"{"updateCreator":{"_0":"# + creator + "}}", #"{"creator":"# + creator + #","kind":"updateCreator"}"#)] {
            let command = try JSONDecoder().decode(Command.self, from: Data(old.utf8))
            XCTAssertEqual(String(decoding: try encoder.encode(command), as: UTF8.self), written)
        }
    }
}
