import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts and reaps child processes with `posix_spawn` and `waitpid`, not Foundation's
/// `Process`: on Linux, `Process.waitUntilExit()` was seen to wait forever for a tmux client
/// that had already exited (a zombie nobody reaped), which hung CI. Here the test owns the
/// wait, with a deadline, and the child gets only the descriptors it is given (stdin is
/// /dev/null, every other descriptor is closed), so a tmux server it starts holds no pipe of ours.
struct Spawn {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t

    /// Starts `executable` with `arguments`. `stdout` and `stderr` are descriptors for the
    /// child's output (default /dev/null); they stay open in the caller, who closes them.
    init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
         stdout: Int32? = nil, stderr: Int32? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdout { posix_spawn_file_actions_adddup2(&actions, stdout, 1) } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        if let stderr { posix_spawn_file_actions_adddup2(&actions, stderr, 2) } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        _ = Self.closeTheRest?(&actions, 3)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, env)
        guard status == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))") }
        pid = child
    }

    /// Waits for the child to exit and returns its exit status (128 + signal if killed). After
    /// `timeout` the child is killed and `Failure` thrown, so a stuck child fails one test
    /// instead of hanging the run.
    @discardableResult
    func wait(timeout: TimeInterval = 60) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failure(description: "process \(pid) did not exit within \(Int(timeout)) s and was killed")
            }
            usleep(2_000)
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs a command to completion and returns its status, stdout and stderr. Output goes
    /// through temporary files, so a chatty child can never block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    timeout: TimeInterval = 60) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let out = try TemporaryOutput(), err = try TemporaryOutput()
        let child = try Spawn(executable, arguments, environment: environment,
                              stdout: out.descriptor, stderr: err.descriptor)
        let status = try child.wait(timeout: timeout)
        return (status, try out.contents(), try err.contents())
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
    /// does not export; looked up at run time so an older libc merely skips it.
    private static let closeTheRest: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// An unlinked temporary file that a child writes and the parent reads back.
    private final class TemporaryOutput {
        let descriptor: Int32

        init() throws {
            var template = Array((NSTemporaryDirectory() + "/chorus-spawn-XXXXXX").utf8CString)
            descriptor = mkstemp(&template)
            guard descriptor >= 0 else { throw Failure(description: "mkstemp: \(String(cString: strerror(errno)))") }
            unlink(template)
        }

        deinit { close(descriptor) }

        func contents() throws -> Data {
            lseek(descriptor, 0, SEEK_SET)
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                data.append(contentsOf: buffer[0..<count])
            }
            return data
        }
    }
}
