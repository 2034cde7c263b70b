import Foundation

/// The rows `chorus bench --peers` prints: what Chorus measured, what the peer measured, and
/// their ratio, for time and (for whole programs) peak memory.
struct PeerTable {
    var peer: String
    private(set) var lines: [String] = []

    init(peer: String) {
        self.peer = peer
        lines = ["  " + Self.pad("target", 72) + Self.pad("Chorus", 12) + Self.pad(peer, 12) + "ratio"]
    }

    mutating func add(_ target: String, chorus: Double, peer: Double) {
        lines.append("  " + Self.pad(target, 72) + Self.pad(Self.seconds(chorus), 12) + Self.pad(Self.seconds(peer), 12)
                     + Self.ratio(chorus, peer))
    }

    mutating func add(_ target: String, chorus: MeasuredRun, peer: MeasuredRun) {
        add(target, chorus: chorus.seconds, peer: peer.seconds)
        lines.append("  " + Self.pad("  peak memory (RSS)", 72) + Self.pad("\(chorus.peakMegabytes) MB", 12)
                     + Self.pad("\(peer.peakMegabytes) MB", 12) + Self.ratio(Double(chorus.peakMegabytes), Double(peer.peakMegabytes)))
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    private static func ratio(_ chorus: Double, _ peer: Double) -> String { peer > 0 ? String(format: "%.2f", chorus / peer) : "—" }
    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
