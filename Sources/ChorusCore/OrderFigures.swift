import ChorusConcurrency

/// What attribution's totals and the ledger read of an order: its net revenue and the day it
/// was placed. A report or an export of a million orders needs nothing else of them, so a store
/// can read these two columns without decoding whole orders (their ids, e-mails and lines are
/// most of the file and of the memory).
public struct OrderFigures: Hashable, Sendable {
    /// `Order.netRevenue` in minor units.
    public var netRevenue: Int64
    public var day: Day

    public init(netRevenue: Int64, day: Day) {
        self.netRevenue = netRevenue
        self.day = day
    }

    public init(_ order: Order) {
        self.init(subtotal: order.subtotal, refunded: order.refunded, createdAt: order.createdAt)
        assert(netRevenue == order.netRevenue.minorUnits, "OrderFigures follow Order.netRevenue")
    }

    /// From an order's amounts as stored, netted as `Order.netRevenue` nets them (never below zero).
    public init(subtotal: Money, refunded: Money, createdAt: Timestamp) {
        let net = subtotal - refunded
        netRevenue = net.minorUnits < 0 ? 0 : net.minorUnits
        day = createdAt.day
    }
}

extension Array where Element == Order {
    /// Each order's figures, read in place (copying out a million orders retains a dozen references
    /// apiece) and on every core: attribution's totals and the ledger each wait for ten million of them.
    public var figures: [OrderFigures] { figures(pieces: Parallel.pieceCount(for: count, minimumSize: 100_000)) }

    /// `figures`, read in `pieces` runs on separate cores.
    func figures(pieces: Int) -> [OrderFigures] {
        withUnsafeBufferPointer { orders in
            Parallel.array(count: orders.count, pieces: pieces) { range, slots in
                for index in range { (slots + index).initialize(to: OrderFigures(orders[index])) }
            }
        }
    }

    /// Whether `figures` are these orders' figures, compared in place on every core. Figures
    /// taken from a kept file are checked against the orders once those are read; copying ten
    /// million of them out only to compare them put 150 MB on top of a big open's peak memory.
    public func haveFigures(_ figures: [OrderFigures]) -> Bool {
        haveFigures(figures, pieces: Parallel.pieceCount(for: count, minimumSize: 100_000))
    }

    /// `haveFigures`, compared in `pieces` runs on separate cores.
    func haveFigures(_ figures: [OrderFigures], pieces: Int) -> Bool {
        guard figures.count == count else { return false }
        return withUnsafeBufferPointer { orders in
            !Parallel.map(pieces) { piece in
                ((orders.count * piece / pieces)..<(orders.count * (piece + 1) / pieces)).allSatisfy { OrderFigures(orders[$0]) == figures[$0] }
            }.contains(false)
        }
    }
}
