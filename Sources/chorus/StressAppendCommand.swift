import ArgumentParser
import ChorusCore
import ChorusStore
import Foundation

/// A hidden command for crash tests: applies `count` stock adjustments one by one and prints
/// `ack N` only after command N is durable, compacting every `--compact-every` commands so that
/// kills also land mid-compaction. A test kills it at random and checks that every acknowledged
/// command survived.
struct StressAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-append", abstract: "Crash-test helper.", shouldDisplay: false)

    static let sku = SKUID("STRESS-1")

    @OptionGroup var workspace: WorkspaceOption
    @Option var count = 1_000
    @Option(help: "Compact after every N commands (0: never).") var compactEvery = 0

    func run() throws {
        try reportingErrors {
            let store = try WorkspaceStore.open(at: workspace.url, mode: .readWrite)
            defer { store.close() }
            if store.workspace.sku(Self.sku) == nil {
                let currency = store.workspace.program.currency
                try store.perform(.addSKUs([SKU(id: Self.sku, name: "Stress test unit", unitCost: .zero(currency), stockOnHand: 0)]),
                                  context: Clock.context)
            }
            try Output.print("ready")
            for index in 1...count {
                try store.perform(.adjustStock(sku: Self.sku, delta: 1, reason: "stress \(index)"), context: Clock.context)
                try Output.print("ack \(index)")
                if compactEvery > 0, index % compactEvery == 0 { try store.compact() }
            }
        }
    }
}
