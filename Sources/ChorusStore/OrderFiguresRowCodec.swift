import ChorusCore

/// The orders file read for each order's `OrderFigures` alone: its amounts and time are read,
/// every other field skipped (ids, e-mails, referral fields and lines are most of the file, and
/// decoding them was most of a report's time). Read only: the file is written by `OrderRowCodec`,
/// whose layouts this follows. An order converted from another currency is marked, so a caller
/// that must name the rates used can read the whole orders instead.
enum OrderFiguresRowCodec: RowCodec {
    struct Row: Sendable {
        var figures: OrderFigures
        /// The order keeps what the store charged in another currency (`Order.original`).
        var converted: Bool
    }

    static let collection = OrderRowCodec.collection
    static let columns = OrderRowCodec.columns
    static let earlierColumns = OrderRowCodec.earlierColumns

    static func write(_ row: Row, to writer: inout JSONWriter, currency: Currency) {
        preconditionFailure("orders are written whole, by OrderRowCodec")
    }

    static func read(from reader: inout JSONReader, currency: Currency) throws -> Row {
        try reader.beginArray("order")
        for column: StaticString in ["id", "email", "financialStatus"] { _ = try reader.skipValue(column) }
        let createdAt = try reader.timestamp("createdAt")
        _ = try reader.skipValue("cancelledAt")
        let subtotal = try reader.money("subtotal", currency: currency)
        let refunded = try reader.money("refunded", currency: currency)
        for column: StaticString in ["discountCodes", "source", "utmSource", "utmMedium", "utmCampaign", "utmContent", "lines"] {
            _ = try reader.skipValue(column)
        }
        if reader.hasMoreElements() { _ = try reader.skipValue("shopifyId") }
        var converted = false
        if reader.hasMoreElements(), !(try reader.nextIsNull("original")) {
            _ = try reader.skipValue("original")
            converted = true
        }
        try reader.endArray("order")
        return Row(figures: OrderFigures(subtotal: subtotal, refunded: refunded, createdAt: createdAt), converted: converted)
    }
}
