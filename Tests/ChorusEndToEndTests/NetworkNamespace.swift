import Foundation
import XCTest

/// A second machine on a cable of its own, for network-cut tests: a network namespace joined to
/// this one by a veth pair in 10.213.N.0/30 (this side .1, the other .2), made by the test and
/// removed by it. Needs root, as CI has; without it the test fails rather than skips.
///
/// `cut` pulls the cable at this end: the other side keeps its route and a pinned neighbour
/// entry, so what it sends vanishes (no "unreachable" comes back, as on a real cut) and only
/// timeouts tell either side that the link is gone.
final class NetworkNamespace {
    let name: String
    /// This machine's address on the cable, where the server also listens.
    let hostAddress: String
    private let hostLink: String
    private let guestLink: String

    init() throws {
        guard getuid() == 0 else {
            XCTFail("a network-cut test makes a network namespace and a veth pair, which needs root (CI runs as root)")
            throw Spawn.Failure(description: "not root")
        }
        let tag = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(6))
        name = "chorus-cut-" + tag
        hostLink = "cch" + tag
        guestLink = "ccg" + tag
        let subnet = Int.random(in: 0...255)
        hostAddress = "10.213.\(subnet).1"
        let guestAddress = "10.213.\(subnet).2"
        try Self.ip(["netns", "add", name])
        do {
            try Self.ip(["link", "add", hostLink, "type", "veth", "peer", "name", guestLink])
            try Self.ip(["link", "set", guestLink, "netns", name])
            try Self.ip(["addr", "add", hostAddress + "/30", "dev", hostLink])
            try Self.ip(["link", "set", hostLink, "up"])
            try inside(["ip", "addr", "add", guestAddress + "/30", "dev", guestLink])
            try inside(["ip", "link", "set", guestLink, "up"])
            try inside(["ip", "link", "set", "lo", "up"])
            let hostMAC = try String(contentsOfFile: "/sys/class/net/\(hostLink)/address", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try inside(["ip", "neigh", "replace", hostAddress, "lladdr", hostMAC, "dev", guestLink, "nud", "permanent"])
        } catch {
            remove()
            throw error
        }
    }

    /// The words that run a program inside the namespace (`ip netns exec NAME`).
    var launcher: [String] { [Self.ipTool, "netns", "exec", name] }

    func cut() throws { try Self.ip(["link", "set", hostLink, "down"]) }

    func mend() throws { try Self.ip(["link", "set", hostLink, "up"]) }

    /// Removes the cable (both ends go with one) and the namespace.
    func remove() {
        _ = try? Self.ip(["link", "del", hostLink])
        _ = try? Self.ip(["netns", "del", name])
    }

    private func inside(_ command: [String]) throws {
        try Self.ip(["netns", "exec", name] + command)
    }

    static let ipTool = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/sbin/ip"

    private static func ip(_ arguments: [String]) throws {
        let result = try Spawn.run(ipTool, arguments, timeout: 30)
        guard result.status == 0 else {
            throw Spawn.Failure(description: "ip \(arguments.joined(separator: " ")): \(String(decoding: result.stderr, as: UTF8.self))")
        }
    }
}
