import ChorusCore
@testable import ChorusUI
import XCTest

/// One key that moves money or changes structure asks first, once, showing what would
/// happen; `y` does it and `n` (or Esc) changes nothing.
final class ConfirmationKeyTests: XCTestCase {
    private func promptLine(_ console: ConsoleDriver) -> String { console.frame.line(console.frame.size.height - 1) }

    /// The sample program with a flat fee on Wave 1 and two creators who have posted, so it is due.
    private func programWithFeesDue() throws -> Workspace {
        var workspace = Sample.workspace()
        let context = CommandContext(now: Sample.now, actor: "test")
        var wave = try XCTUnwrap(workspace.wave(Sample.wave1))
        wave.incentivePlan.flatFee = Money(minorUnits: 150_00, currency: workspace.program.currency)
        _ = try workspace.apply(.updateWave(wave), context: context)
        let active: CreatorID = "CR-0006", seeded: CreatorID = "CR-0007"
        _ = try workspace.apply(.advanceStage(creators: [active], wave: Sample.wave1), context: context)
        for _ in 0..<2 { _ = try workspace.apply(.advanceStage(creators: [active, seeded], wave: Sample.wave1), context: context) }
        return workspace
    }

    func testThePayoutRunShowsWhoIsPaidWhatAndTheTotalBeforeItIsCreated() throws {
        let console = ConsoleDriver(try programWithFeesDue(), size: Size(width: 80, height: 24)).press("6", "$")
        guard case .confirm(let confirmation)? = console.state.prompt?.purpose else {
            return XCTFail("$ asks first; message: \(console.state.message?.text ?? "none")\n\(console.dump)")
        }
        guard case .run(let effects) = confirmation.yes, case .command(.createPayoutRun(let run), .plain)? = effects.first else {
            return XCTFail("the question is about a payout run")
        }
        let total = Money(minorUnits: run.total, currency: console.workspace.program.currency)
        XCTAssertTrue(promptLine(console).hasPrefix(" Create payout run 1: pay \(run.payments.count) creator"), console.dump)
        XCTAssertTrue(promptLine(console).contains("\(total)? y/n"), console.dump)
        for payment in run.payments {
            let handle = "@" + console.workspace.creator(payment.creatorID)!.handle
            let amount = Money(minorUnits: payment.total, currency: total.currency).description
            XCTAssertTrue(console.frame.lines.contains { $0.contains(handle) && $0.contains(amount) }, "\(handle) \(amount)\n\(console.dump)")
        }
        XCTAssertNotNil(console.frame.row(containing: "Total \(total) to \(run.payments.count)"), console.dump)

        console.press("n")
        XCTAssertNil(console.state.prompt)
        XCTAssertTrue(console.workspace.payoutRuns.isEmpty, "n creates nothing")
        XCTAssertTrue(console.session.performed.isEmpty)
        XCTAssertEqual(console.state.message?.text, "no payout run created")

        console.press("$", "j")
        XCTAssertEqual(console.state.message?.text, "press y for yes or n for no", "another key asks again")
        console.press("y")
        XCTAssertEqual(console.workspace.payoutRuns.map(\.total), [run.total])
        XCTAssertEqual(console.session.performed.count, 1, "asked once, created once")
    }

    func testCopyingAWaveAsksOnceInThePipelineAndInWaves() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0))
        let waves = console.workspace.waves.count
        console.press("C")
        XCTAssertTrue(promptLine(console).hasPrefix(" Copy Wave 1 into a new wave W3 \"Wave 3\""), console.dump)
        console.press(.escape)
        XCTAssertEqual(console.workspace.waves.count, waves, "Esc creates nothing")
        console.press("7", "j", "C", "n")
        XCTAssertEqual(console.workspace.waves.count, waves, "n creates nothing")
        console.press("C", "y")
        XCTAssertEqual(console.workspace.waves.count, waves + 1)
        XCTAssertEqual(console.workspace.waves.last?.brief, console.workspace.waves[1].brief, "the wave under the cursor is copied")
    }

    func testCancellingParcelsListsThemAndNKeepsThem() {
        let console = ConsoleDriver(SeedingSample.workspace())
        let reserved = console.workspace.sku(SeedingSample.serum)?.reserved
        console.press("2", " ", " ", "x")
        XCTAssertTrue(promptLine(console).hasPrefix(" Cancel 2 parcels? Stock they hold goes back. y/n"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "SH-0001  @"), console.dump)
        XCTAssertNotNil(console.frame.row(containing: "SH-0002  @"), console.dump)
        console.press("n")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .queued)
        XCTAssertEqual(console.workspace.sku(SeedingSample.serum)?.reserved, reserved)
        XCTAssertEqual(console.state.seeding.marks, ["SH-0001", "SH-0002"], "n keeps the marks for another try")
        console.press("x", "y")
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .cancelled)
        XCTAssertEqual(console.workspace.shipment("SH-0002")?.status, .cancelled)
    }

    func testClosingALiveWaveWithParcelsInTransitAsksAndNGoesBackToTheForm() throws {
        let console = ConsoleDriver(SeedingSample.workspace())
        console.press("2", " ", "s", .enter).type(SeedingSample.ups(1)).press(.enter)
        XCTAssertEqual(console.workspace.shipment("SH-0001")?.status, .shipped)
        console.press(.escape)  // the run's summary stays until dismissed
        let base = try XCTUnwrap(console.workspace.wave(Sample.wave1))
        console.press("7", "e")
        for _ in 0..<WaveForm.Field.allCases.count where console.state.form?.form.focus != WaveForm.Field.status.rawValue { console.press(.tab) }
        XCTAssertEqual(console.state.form?.form.focus, WaveForm.Field.status.rawValue, console.dump)
        console.press(.control("u")).type("closed").press(.control("s"))
        XCTAssertTrue(promptLine(console).hasPrefix(" Close Wave 1 with 1 parcel in transit? y/n"), console.dump)
        console.press("n")
        XCTAssertNotNil(console.state.form, "n goes back to the form with what was typed")
        XCTAssertEqual(console.state.form?.form.fields[WaveForm.Field.status.rawValue].text, "closed")
        XCTAssertEqual(console.workspace.wave(Sample.wave1), base)
        console.press(.control("s"), "y")
        XCTAssertNil(console.state.form)
        XCTAssertEqual(console.workspace.wave(Sample.wave1)?.status, .closed)
    }

    func testClosingAWaveWithNothingOpenDoesNotAsk() {
        let console = ConsoleDriver(SeedingSample.workspace(queued: 0))
        console.press("7", "e")
        for _ in 0..<WaveForm.Field.allCases.count where console.state.form?.form.focus != WaveForm.Field.status.rawValue { console.press(.tab) }
        console.press(.control("u")).type("closed").press(.control("s"))
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.workspace.wave(Sample.wave1)?.status, .closed)
    }

    func testEscOnAnUnchangedFormClosesItWithoutAsking() {
        let console = ConsoleDriver(SeedingSample.workspace()).press("7", "e", .escape)
        XCTAssertNil(console.state.form)
        XCTAssertNil(console.state.prompt)
        XCTAssertEqual(console.state.message?.text, "cancelled; nothing changed")
    }
}
