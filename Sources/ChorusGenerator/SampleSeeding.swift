import ChorusCore

/// Shipments in every state of the seeding queue, with carriers and tracking numbers in each
/// carrier's real format, costs taken from the SKUs, and stock reserved exactly for the
/// parcels still in the warehouse.
extension SampleBuilder {
    /// What happens to a parcel.
    enum ParcelFate {
        case queued, packed, addressProblem, cancelled, inTransit, delivered, lost, returned
    }

    /// When a parcel reached each step; `last` is its latest event.
    struct ParcelTimes {
        var shipped: Timestamp?
        var last: Timestamp
    }

    /// Adds one shipment of the wave's brief products to the creator, created at `created`.
    mutating func addShipment(_ position: Int, wave: Wave, fate: ParcelFate, created: Timestamp,
                              transitDays: ClosedRange<Int> = 2...5, _ random: inout SeededRandom) -> ParcelTimes {
        let creator = creators[position]
        let number = shipments.count + 1
        var items = wave.brief.products.map { ShipmentItem(sku: $0.sku, quantity: $0.quantity) }
        if random.chance(30) { items.append(ShipmentItem(sku: "KS-ACC-CLO", quantity: 1)) }
        var cost = Money.zero(SampleCatalog.currency)
        for item in items {
            let index = SampleCatalog.products.firstIndex { $0.id == item.sku }!
            cost = cost + SampleCatalog.money(SampleCatalog.products[index].unitCost) * Int64(item.quantity)
            if fate == .queued || fate == .packed { reservedUnits[index] += item.quantity }
        }
        var shipment = Shipment(id: ShipmentID(formatID(prefix: "SH-", number: number)), creatorID: creator.id, waveID: wave.id,
                                items: items, status: .queued, productCost: cost,
                                shippingCost: SampleCatalog.money(Self.shippingCost(to: creator.country)), createdAt: created)
        var times = ParcelTimes(last: created)
        let packed = created.adding(seconds: Int64(random.int(in: 3_600...20 * 3_600)))
        switch fate {
        case .queued:
            break
        case .packed:
            shipment.status = .packed
            shipment.packedAt = packed
            times.last = packed
        case .addressProblem:
            let flagged = packed.adding(days: 1)
            shipment.status = .exception
            shipment.packedAt = packed
            shipment.exception = ShipmentException(kind: .addressProblem, note: random.pick(Self.addressProblems), at: flagged)
            times.last = flagged
        case .cancelled:
            shipment.status = .cancelled
            shipment.note = "Cancelled before packing: creator left the program"
        case .inTransit, .delivered, .lost, .returned:
            let shipped = packed.adding(seconds: Int64(random.int(in: 1_800...6 * 3_600)))
            let (carrier, trackingNumber) = Self.dispatch(to: creator.country, shipmentNumber: number, &random)
            shipment.packedAt = packed
            shipment.shippedAt = shipped
            shipment.carrier = carrier
            shipment.trackingNumber = trackingNumber
            shipment.status = .shipped
            times.shipped = shipped
            times.last = shipped
            if fate == .delivered || fate == .returned {
                let delivered = shipped.adding(days: random.int(in: transitDays))
                shipment.status = .delivered
                shipment.deliveredAt = delivered
                times.last = delivered
            }
            if fate == .lost || fate == .returned {
                let flagged = times.last.adding(days: random.int(in: 8...12))
                shipment.status = .exception
                shipment.exception = fate == .lost
                    ? ShipmentException(kind: .lost, note: "Carrier confirms the parcel is lost", at: flagged)
                    : ShipmentException(kind: .returned, note: "Returned to sender: recipient unknown at address", at: flagged)
                times.last = flagged
            }
        }
        shipments.append(shipment)
        return times
    }

    static let addressProblems = ["Address incomplete: no flat number", "Postcode does not match the city", "Creator moved; new address pending"]

    /// Shipping cost in cents by destination: domestic from Germany, then EU, UK, rest of world.
    private static func shippingCost(to country: String?) -> Int64 {
        switch country {
        case "DE": 490
        case "FR", "ES", "IT", "NL", "SE": 890
        case "GB": 1_250
        case "US": 1_800
        default: 2_400
        }
    }

    /// A carrier for the destination and a tracking number in that carrier's format. The
    /// shipment number is built into every number, so numbers never repeat.
    private static func dispatch(to country: String?, shipmentNumber number: Int, _ random: inout SeededRandom) -> (Carrier, String) {
        let carrier: Carrier = switch country {
        case "DE": .dhl
        case "GB": .royalMail
        case "US": [Carrier.usps, .ups, .fedex][number % 3]
        case "FR": [Carrier.dhl, .ups, .other][number % 3]
        case "ES", "IT", "NL", "SE": number % 2 == 0 ? .dhl : .ups
        default: number % 2 == 0 ? .fedex : .dhl
        }
        let digits = { (value: Int, width: Int) in formatID(prefix: "", number: value, width: width) }
        let trackingNumber: String
        switch carrier {
        case .ups:
            let alphabet = Array("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
            trackingNumber = "1Z" + String((0..<6).map { _ in alphabet[random.below(alphabet.count)] }) + digits(number, 10)
        case .usps:
            trackingNumber = "9400" + digits(random.below(10_000_000_000), 10) + digits(number, 8)
        case .fedex:
            trackingNumber = "7" + digits(random.below(1_000), 3) + digits(number, 8)
        case .dhl:
            trackingNumber = country == "DE" || country == "JP" || country == "KR"
                ? digits(random.int(in: 10...99), 2) + digits(number, 8)
                : "JD0146" + digits(random.below(10_000), 4) + digits(number, 8)
        case .royalMail:
            let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
            trackingNumber = String([letters[random.below(letters.count)], letters[random.below(letters.count)]]) + digits(number, 9) + "GB"
        case .other:
            trackingNumber = "CB" + digits(number, 9) + "FR"
        }
        return (carrier, trackingNumber)
    }
}
