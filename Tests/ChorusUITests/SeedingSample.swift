import ChorusCore
import Foundation

/// The small sample with something to seed: two SKUs, a brief that seeds them, and (unless
/// asked otherwise) six queued parcels in Wave 1, SH-0001 to SH-0006, to creators 1 to 6.
enum SeedingSample {
    static let serum: SKUID = "SKU-SERUM"
    static let mist: SKUID = "SKU-MIST"

    static func workspace(queued: Int = 6, serumStock: Int = 20) -> Workspace {
        var workspace = Sample.workspace()
        let context = CommandContext(now: Sample.now, actor: "test")
        let euros = { (cents: Int64) in Money(minorUnits: cents, currency: .eur) }
        var wave = workspace.wave(Sample.wave1)!
        wave.brief.products = [BriefProduct(sku: serum, quantity: 1), BriefProduct(sku: mist, quantity: 2)]
        do {
            try workspace.apply(.addSKUs([SKU(id: serum, name: "Glow Serum", unitCost: euros(1_250), stockOnHand: serumStock),
                                          SKU(id: mist, name: "Face Mist", unitCost: euros(400), stockOnHand: 40)]), context: context)
            try workspace.apply(.updateWave(wave), context: context)
            if queued > 0 {
                let requests = (1...queued).map { number in
                    ShipmentRequest(creatorID: CreatorID(formatID(prefix: "CR-", number: number)), waveID: Sample.wave1,
                                    items: [ShipmentItem(sku: serum, quantity: 1)])
                }
                try workspace.apply(.queueShipments(requests), context: context)
            }
        } catch {
            preconditionFailure("the seeding sample does not apply: \(error)")
        }
        return workspace
    }

    /// A valid UPS number ending in `digit`s.
    static func ups(_ number: Int) -> String { "1Z999AA1012345" + String(format: "%04d", number) }
}
