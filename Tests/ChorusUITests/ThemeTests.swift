import ChorusCore
@testable import ChorusUI
import Foundation
import XCTest

final class ThemeTests: XCTestCase {
    /// `Themes/` of the package: `swift test` runs in the package folder.
    static let shipped: URL = {
        let candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()]
        let folders = candidates.map { $0.appendingPathComponent("Themes") }
        return folders.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("default.json").path) } ?? folders[0]
    }()

    func testShippedThemesAllLoadWithoutProblems() {
        let catalog = ThemeCatalog(directory: Self.shipped)
        XCTAssertEqual(catalog.problems, [])
        XCTAssertEqual(catalog.names, ["default", "high-contrast", "light", "mono"])
        for name in catalog.names {
            let theme = catalog.theme(named: name)!
            XCTAssertEqual(Set(theme.styles.keys), Set(StyleRole.allCases), "\(name) styles every role")
        }
    }

    func testDefaultJSONMatchesTheBuiltInDefault() {
        XCTAssertEqual(ThemeCatalog(directory: Self.shipped).defaultTheme, ThemeCatalog(directory: nil).defaultTheme)
    }

    func testPartialThemesInheritFromTheDefault() throws {
        let light = ThemeCatalog(directory: Self.shipped).theme(named: "light")!
        XCTAssertEqual(light.style(.title), Style(foreground: .index(25), bold: true), "role from default, accent from light")
        XCTAssertEqual(light.style(.selection).background, .index(153))
    }

    func testMonoUsesNoColour() {
        let mono = ThemeCatalog(directory: Self.shipped).theme(named: "mono")!
        for role in StyleRole.allCases {
            XCTAssertEqual(mono.style(role).foreground, .terminalDefault)
            XCTAssertEqual(mono.style(role).background, .terminalDefault)
        }
        XCTAssertTrue(mono.style(.selection).reverse)
    }

    func testAMalformedThemeGivesAClearMessageAndTheDefault() throws {
        let folder = try temporaryThemes([
            "broken.json": "{ \"roles\": { \"title\": ",
            "typo.json": "{ \"roles\": { \"titel\": { \"bold\": true } } }",
            "badcolor.json": "{ \"roles\": { \"title\": { \"fg\": \"chartreuse-ish\" } } }",
            "orphan.json": "{ \"inherits\": \"nowhere\" }",
            "ok.json": "{ \"palette\": { \"accent\": \"#ff0000\" } }",
        ])
        let catalog = ThemeCatalog(directory: folder)
        XCTAssertEqual(catalog.names, ["default", "ok"])
        XCTAssertEqual(catalog.problems, [
            "theme badcolor: role \"title\": \"chartreuse-ish\" is not a palette entry, colour name, 0–255 or #rrggbb; using the default theme",
            "theme broken.json is not valid (not well-formed JSON); using the default theme",
            "theme orphan: there is no theme named \"nowhere\"; using the default theme",
            "theme typo: unknown role \"titel\"; roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")); using the default theme",
        ])
        XCTAssertEqual(catalog.theme(named: "ok")?.style(.title).foreground, .index(196), "#ff0000 is xterm red 196")

        let console = ConsoleDriver(themes: catalog)
        XCTAssertEqual(console.state.message?.kind, .warning)
        XCTAssertTrue(console.frame.line(23).hasPrefix(" theme badcolor: role"))
        XCTAssertEqual(console.console.theme, catalog.defaultTheme)
    }

    func testThemeSwitchingByKeyAndPalette() {
        let console = ConsoleDriver(theme: "light", themes: ThemeCatalog(directory: Self.shipped))
        XCTAssertEqual(console.console.theme.name, "light")
        console.press("t")
        XCTAssertEqual(console.state.themeName, "mono")
        XCTAssertEqual(console.state.message, StatusMessage(.info, "theme mono"))
        console.press(":").type("theme hi").press(.tab, .enter)
        XCTAssertEqual(console.console.theme.name, "high-contrast")
    }

    func testUnknownThemeNameFallsBackWithAMessage() {
        let console = ConsoleDriver(theme: "neon", themes: ThemeCatalog(directory: Self.shipped))
        XCTAssertEqual(console.console.theme.name, "default")
        XCTAssertEqual(console.state.message, StatusMessage(.warning, "no theme named \"neon\"; using the default theme"))
    }

    func testNoColorStripsColoursButKeepsDistinctions() {
        let console = ConsoleDriver(themes: ThemeCatalog(directory: Self.shipped), noColor: true)
        let theme = console.console.theme
        XCTAssertTrue(StyleRole.allCases.allSatisfy { theme.style($0).foreground == .terminalDefault && theme.style($0).background == .terminalDefault })
        XCTAssertTrue(theme.style(.selection).reverse)
        XCTAssertTrue(theme.style(.statusBar).reverse)
    }

    func testEightColourFallback() {
        XCTAssertEqual(ThemeColor.index(75).downgraded(toColors: 8), .index(6), "light blue becomes cyan")
        XCTAssertEqual(ThemeColor.index(203).downgraded(toColors: 8), .index(1), "salmon becomes red")
        XCTAssertEqual(ThemeColor.index(12).downgraded(toColors: 8), .index(4), "bright blue becomes blue")
        XCTAssertEqual(ThemeColor.index(238).downgraded(toColors: 8), .index(0), "dark grey becomes black")
        XCTAssertEqual(ThemeColor.index(245).downgraded(toColors: 8), .index(7), "mid grey becomes white, not yellow")
        XCTAssertEqual(ThemeColor.index(243).downgraded(toColors: 8), .index(0))
        XCTAssertEqual(ThemeColor.index(245).downgraded(toColors: 16), .index(8), "bright black exists with 16 colours")
        XCTAssertEqual(ThemeColor.index(75).downgraded(toColors: 256), .index(75))
        XCTAssertEqual(ThemeColor.terminalDefault.downgraded(toColors: 8), .terminalDefault)
    }

    private func temporaryThemes(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
