@testable import chorus
@testable import ChorusUI
import Foundation

extension Console {
    /// Turns of the console's loop, as the terminal runs them between key presses, until the
    /// session says something starting with `prefix` (or ten seconds passed); what it said.
    @discardableResult
    func runUntil(_ session: StoreSession, says prefix: String) -> [String] {
        var said: [String] = []
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !said.contains(where: { $0.hasPrefix(prefix) }) {
            if let news = session.collectBackgroundWork() {
                said.append(news)
                announce(news)
            }
            _ = collectBackgroundWork()
            Thread.sleep(forTimeInterval: 0.005)
        }
        return said
    }
}
