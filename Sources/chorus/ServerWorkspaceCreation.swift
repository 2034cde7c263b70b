import ChorusCore
import ChorusPostgres
import ChorusStore
import Foundation

/// `chorus init --postgres URL --name NAME`: the workspace's schema, role and functions on the
/// server (see `WorkspaceSchema`), holding an empty program or a copy of the sample.
struct ServerWorkspaceCreation {
    var url: String
    var name: String
    var brand: String
    var currency: String?
    var landingURL: String
    var sample: Bool

    func run() throws {
        let namedInURL = URLComponents(string: url)?.queryItems?.contains { $0.name == "workspace" } ?? false
        let address = try PostgresAddress(url, workspace: namedInURL ? nil : name)
        let workspace: Workspace
        if sample {
            let copy = try SampleWorkspace.makeTemporaryFolder(prefix: "chorus-sample")
            defer { try? FileManager.default.removeItem(at: copy) }
            try SampleWorkspace.copy(to: copy)
            workspace = try WorkspaceStore.open(at: copy.path, mode: .readOnly).workspace
        } else {
            workspace = Workspace(program: Program(name: namedInURL ? name : address.workspace, brand: brand,
                                                   currency: Currency(currency ?? "EUR"), landingURL: landingURL,
                                                   currencyIsProvisional: currency == nil))
        }
        try PostgresLog.create(address, workspace: workspace)
        try Output.print("created \(sample ? "a copy of the sample program" : "an empty workspace") at \(address)")
        try Output.print("you are its admin; open it with chorus --workspace '\(address.url)', "
                         + "and add people with their roles: chorus people add NAME --role ROLE --workspace '\(address.url)'")
    }
}
