import ArgumentParser
import ChorusCore
import ChorusStore
import Foundation

/// A hidden command for crash tests: applies `count` stock adjustments one by one and prints
/// `ack N` only after command N is durable, compacting every `--compact-every` commands so that
/// kills also land mid-compaction. A test kills it at random and checks that every acknowledged
/// command survived. Several run at once on one workspace with different `--sku`s (each its
/// own counter), as colleagues do.
struct StressAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-append", abstract: "Crash-test helper.", shouldDisplay: false)

    static let sku = SKUID("STRESS-1")

    @Option(help: "The counter's SKU (one per concurrent writer).") var sku = StressAppendCommand.sku.rawValue

    @OptionGroup var workspace: WorkspaceOption
    @Option var count = 1_000
    @Option(help: "Compact after every N commands (0: never).") var compactEvery = 0
    @Option(help: "Milliseconds to wait after each command (0: append flat out).") var pause = 0

    func run() throws {
        try reportingErrors {
            let store = try ServerWorkspace.address(workspace.url).map { try ServerWorkspace.open($0).0 }
                ?? WorkspaceStore.open(at: workspace.url, mode: .readWrite)
            defer { store.close() }
            let counter = SKUID(sku)
            if store.workspace.sku(counter) == nil {
                let currency = store.workspace.program.currency
                try store.perform(.addSKUs([SKU(id: counter, name: "Stress test unit", unitCost: .zero(currency), stockOnHand: 0)]),
                                  context: Clock.context)
            }
            try Output.print("ready")
            for index in 1...count {
                try store.perform(.adjustStock(sku: counter, delta: 1, reason: "stress \(index)"), context: Clock.context)
                try Output.print("ack \(index)")
                if compactEvery > 0, index % compactEvery == 0 { try store.compact() }
                if pause > 0 { usleep(UInt32(pause) * 1_000) }
            }
        }
    }
}
