import ChorusCore
@testable import ChorusUI
import XCTest

/// A coordinator reopening the console finds it as they left it: the wave they were working in
/// and the carrier they ship with (the theme is chosen before the console is built).
final class RememberedSettingsTests: XCTestCase {
    private func console(remembering settings: UserSettings) -> Console {
        Console(session: InMemorySession(Sample.workspace()), themes: ThemeCatalog(directory: nil), themeName: "default",
                noColor: false, today: Sample.today, size: Size(width: 80, height: 24), remembered: settings)
    }

    func testTheRememberedWaveAndCarrierAreWhereTheConsoleStarts() {
        let reopened = console(remembering: UserSettings(wave: Sample.wave2.rawValue, carrier: "DHL"))
        XCTAssertEqual(reopened.state.pipeline.waveID, Sample.wave2)
        XCTAssertEqual(reopened.state.seeding.lastCarrier, .dhl)
        let fresh = console(remembering: UserSettings())
        XCTAssertNotEqual(fresh.state.pipeline.waveID, Sample.wave2, "without settings the console starts elsewhere")
    }

    func testAWaveThatNoLongerExistsOrAnUnknownCarrierFallsBackToTheDefaults() {
        let reopened = console(remembering: UserSettings(wave: "W-9", carrier: "pigeon"))
        let fresh = console(remembering: UserSettings())
        XCTAssertEqual(reopened.state.pipeline.waveID, fresh.state.pipeline.waveID)
        XCTAssertEqual(reopened.state.seeding.lastCarrier, .ups)
    }

    func testTheSettingsFollowWhatThePersonChanges() {
        let driver = ConsoleDriver(themes: ThemeCatalog(directory: ThemeTests.shipped))
        let before = driver.console.settings
        driver.press("t", "w")
        let after = driver.console.settings
        XCTAssertNotEqual(after.theme, before.theme)
        XCTAssertEqual(after.theme, driver.state.themeName)
        XCTAssertNotEqual(after.wave, before.wave)
        XCTAssertEqual(after.wave, driver.state.pipeline.waveID?.rawValue)
        XCTAssertEqual(after.carrier, "UPS")
    }
}
