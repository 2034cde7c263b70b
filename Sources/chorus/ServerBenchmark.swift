import ChorusBench
import ChorusPostgres
import ChorusStore
import Foundation

/// `chorus bench --postgres URL`: the team figures on a server (append p99 while three writers
/// append, one console's change on another's screen, through LISTEN) beside the same on a folder
/// in the same run. The workspace it makes on the server is removed afterwards.
enum ServerBenchmark {
    static func run(server: String, appendsPerWriter: Int, changes: Int) throws {
        let name = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let address = try PostgresAddress(server, workspace: String(name))
        try Output.print("chorus bench --postgres — \(address)")
        try PostgresLog.create(address, workspace: try TeamBenchmark.program(context: Clock.context))
        defer { try? PostgresLog.remove(address) }
        try Output.print(try TeamBenchmark.run(appendsPerWriter: appendsPerWriter, changes: changes, label: "server", appendTarget: 10,
                                                 context: { Clock.context }) {
            try ServerWorkspace.open(address).0
        })
        try Output.print(try TeamBenchmark.run(appendsPerWriter: appendsPerWriter, changes: changes))
    }
}
