import Foundation

/// Who has a workspace open, for maintenance that must wait for them: shared holders of the
/// session lock write no details (there may be many), but Linux lists every `flock` with its
/// process in `/proc/locks`, and `/proc/<pid>` says whose process it is and what it runs.
enum SharedHolders {
    /// "process 4242 (maria: chorus open), process 4250 (sam: chorus import orders nightly.csv)",
    /// or "a console or a command" where the system does not say.
    static func describe(lockFile descriptor: Int32) -> String {
        var info = stat()
        guard fstat(descriptor, &info) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
            return "a console or a command"
        }
        let own = getpid()
        var pids: [Int32] = []
        for line in table.split(separator: "\n") {
            // "1: FLOCK  ADVISORY  READ  4242 08:01:1234567 0 EOF"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]), pid != own else { continue }
            let device = fields[5].split(separator: ":")
            guard device.count == 3, let inode = UInt64(device[2]), inode == UInt64(info.st_ino), !pids.contains(pid) else { continue }
            pids.append(pid)
        }
        guard !pids.isEmpty else { return "a console or a command" }
        let named = pids.sorted().prefix(5).map(name(of:)).joined(separator: ", ")
        return named + (pids.count > 5 ? " and \(pids.count - 5) more" : "")
    }

    private static func name(of pid: Int32) -> String {
        var owner = ""
        var info = stat()
        if stat("/proc/\(pid)", &info) == 0, let entry = getpwuid(info.st_uid), let login = entry.pointee.pw_name {
            owner = String(cString: login)
        }
        let arguments = ((try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data())
            .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        var command = arguments.enumerated().map { $0.offset == 0 ? ($0.element as NSString).lastPathComponent : $0.element }
            .joined(separator: " ")
        if command.count > 60 { command = String(command.prefix(59)) + "…" }
        let detail = [owner, command].filter { !$0.isEmpty }.joined(separator: ": ")
        return "process \(pid)" + (detail.isEmpty ? "" : " (\(detail))")
    }
}
