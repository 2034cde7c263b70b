import ChorusCore
import Foundation

/// The one place the executable reads the time. `CHORUS_NOW` (an ISO time such as
/// 2026-11-21T09:00:00Z) pins it, so end-to-end tests and demos of dated data are repeatable.
enum Clock {
    static var now: Timestamp {
        if let pinned = ProcessInfo.processInfo.environment["CHORUS_NOW"], let time = Timestamp(pinned) { return time }
        return Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }

    /// Who is recorded in the journal: the person named by `chorus --as`, else the login.
    static var actor: String { ActingPerson.requested ?? login }

    /// Who is at the keyboard: `$CHORUS_USER`, else the login name.
    static var login: String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["CHORUS_USER"] ?? environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    static var context: CommandContext {
        CommandContext(now: now, actor: actor, login: actor == login ? nil : login)
    }
}
