import ChorusCore

/// The orders file read for each order's `OrderFigures` alone: its amounts and time are read,
/// every other field skipped (ids, e-mails, referral fields and lines are most of the file, and
/// decoding them was most of a report's time). Skipped fields are still checked to be of their
/// type, so a file a full open refuses is refused here too. Read only: the file is written by
/// `OrderRowCodec`, whose layouts this follows. An order converted from another currency is
/// marked, so a caller that must name the rates used can read the whole orders instead.
enum OrderFiguresRowCodec: PartialRowCodec {
    struct Row: Sendable {
        var figures: OrderFigures
        /// The order keeps what the store charged in another currency (`Order.original`).
        var converted: Bool
    }

    typealias Whole = OrderRowCodec

    static func read(from reader: inout JSONReader, currency: Currency) throws -> Row {
        try read(from: &reader, currency: currency, keepingKeys: false).row
    }

    /// The figures and the keys survey answers name orders by, for a report that lists the
    /// ambiguous answers beside kept attribution (`Attribution.ambiguousMentions(of:orderIDs:…)`);
    /// a row of its own, so the figures alone stay small for the reports that need no more.
    enum WithKeys: PartialRowCodec {
        typealias Whole = OrderRowCodec

        struct Row: Sendable {
            var figures: OrderFiguresRowCodec.Row
            var id: OrderID
            var shopifyID: String?
        }

        static func read(from reader: inout JSONReader, currency: Currency) throws -> Row {
            let (figures, id, shopifyID) = try OrderFiguresRowCodec.read(from: &reader, currency: currency, keepingKeys: true)
            return Row(figures: figures, id: id ?? OrderID(""), shopifyID: shopifyID)
        }
    }

    private static func read(from reader: inout JSONReader, currency: Currency, keepingKeys: Bool) throws
        -> (row: Row, id: OrderID?, shopifyID: String?) {
        try reader.beginArray("order")
        var id: OrderID?
        if keepingKeys { id = OrderID(try reader.string("id")) } else { try reader.skipString("id") }
        try reader.skipString("email", optional: true)
        try reader.skipString("financialStatus")
        let createdAt = try reader.timestamp("createdAt")
        _ = try reader.optionalTimestamp("cancelledAt")
        let subtotal = try reader.money("subtotal", currency: currency)
        let refunded = try reader.money("refunded", currency: currency)
        for column: StaticString in ["discountCodes", "source", "utmSource", "utmMedium", "utmCampaign", "utmContent"] {
            try reader.skipString(column, optional: true)
        }
        try reader.beginArray("lines")
        while reader.hasMoreElements() {
            try reader.beginArray("lines")
            try reader.skipString("lines.sku", optional: true)
            try reader.skipString("lines.name")
            _ = try reader.int64("lines.quantity")
            _ = try reader.money("lines.price", currency: currency)
            try reader.endArray("lines")
        }
        try reader.endArray("lines")
        var shopifyID: String?
        if reader.hasMoreElements() {
            if keepingKeys { shopifyID = try reader.optionalString("shopifyId") } else { try reader.skipString("shopifyId", optional: true) }
        }
        var converted = false
        if reader.hasMoreElements(), !(try reader.nextIsNull("original")) {
            // Checked by the whole read that follows (see the type's comment).
            _ = try reader.skipValue("original")
            converted = true
        }
        try reader.endArray("order")
        return (Row(figures: OrderFigures(subtotal: subtotal, refunded: refunded, createdAt: createdAt), converted: converted), id, shopifyID)
    }
}
