import ChorusCore

/// Orders as rows, the biggest collection (a million in a large program); line items nest as
/// `[sku, name, quantity, price]` arrays; an order converted from another currency ends with
/// `[currency, subtotal, refunded, rate day, rate]` as the store charged it.
enum OrderRowCodec: RowCodec {
    static let collection = "orders"
    static let columns: String? = #"["id","email","financialStatus","createdAt","cancelledAt","subtotal","refunded","#
        + #""discountCodes","source","utmSource","utmMedium","utmCampaign","utmContent",{"lines":["sku","name","quantity","price"]},"shopifyId","#
        + #"{"original":["currency","subtotal","refunded","rateDay","rate"]}]"#
    static let earlierColumns = [
        #"["id","email","financialStatus","createdAt","cancelledAt","subtotal","refunded","#
            + #""discountCodes","source","utmSource","utmMedium","utmCampaign","utmContent",{"lines":["sku","name","quantity","price"]}]"#,
        #"["id","email","financialStatus","createdAt","cancelledAt","subtotal","refunded","#
            + #""discountCodes","source","utmSource","utmMedium","utmCampaign","utmContent",{"lines":["sku","name","quantity","price"]},"shopifyId"]"#,
    ]

    static func write(_ order: Order, to writer: inout JSONWriter, currency: Currency) {
        var memo = WritingMemo()
        write(order, to: &writer, currency: currency, memo: &memo)
    }

    /// What writing an order leaves for the next orders of its piece of the file: the bytes of
    /// the products and referrals they share.
    struct WritingMemo: RowWritingMemo {
        var products = WrittenProducts()
        var referrals = WrittenReferrals()
    }

    static func write(_ order: Order, to writer: inout JSONWriter, currency: Currency, memo: inout WritingMemo) {
        writer.beginArray()
        writer.string(order.id.rawValue)
        writer.optionalString(order.packedEmail)
        writer.string(order.financialStatus)
        writer.timestamp(order.createdAt)
        writer.optionalTimestamp(order.cancelledAt)
        writer.money(order.subtotal, currency: currency)
        writer.money(order.refunded, currency: currency)
        let referral = order.referral
        let rewritten = referral.sharedFields.map { memo.referrals.rewrite($0, to: &writer) } ?? false
        if !rewritten {
            let start = writer.valuesStart { writer in
                writer.optionalString(referral.discountCodes)
                writer.optionalString(referral.source)
                writer.optionalString(referral.utmSource)
                writer.optionalString(referral.utmMedium)
                writer.optionalString(referral.utmCampaign)
                writer.optionalString(referral.utmContent)
            }
            if let box = referral.sharedFields { memo.referrals.keep(writer.bytes[start...], for: box) }
        }
        writer.beginArray()
        let lines = order.lines
        for position in lines.indices {
            let (product, quantity, price) = lines.packedLine(at: position)
            writer.beginArray()
            if !memo.products.rewrite(product, to: &writer) {
                let line = lines[position]
                let start = writer.valuesStart { writer in
                    writer.optionalString(line.sku)
                    writer.string(line.name)
                }
                memo.products.keep(writer.bytes[start...], for: product)
            }
            writer.int(quantity)
            writer.money(price, currency: currency)
            writer.endArray()
        }
        writer.endArray()
        order.withShopifyID { id in if let id { writer.string(utf8: id) } else { writer.null() } }
        if let original = order.original {
            writer.beginArray()
            writer.string(original.subtotal.currency.code)
            writer.int(original.subtotal.minorUnits)
            writer.int(original.refunded.minorUnits)
            writer.day(original.rate.day)
            writer.string(original.rate.rate.description)
            writer.endArray()
        } else {
            writer.null()
        }
        writer.endArray()
    }

    static func read(from reader: inout JSONReader, currency: Currency) throws -> Order {
        try reader.beginArray("order")
        let id = OrderID(try reader.string("id"))
        let email = try readEmail(from: &reader)
        let status = try reader.string("financialStatus", shared: true)
        let createdAt = try reader.timestamp("createdAt")
        let cancelledAt = try reader.optionalTimestamp("cancelledAt")
        let subtotal = try reader.money("subtotal", currency: currency)
        let refunded = try reader.money("refunded", currency: currency)
        let referral = try readReferral(from: &reader)
        try reader.beginArray("lines")
        while reader.hasMoreElements() {
            try reader.beginArray("lines")
            let line = OrderLine(sku: try reader.optionalString("lines.sku", shared: true), name: try reader.string("lines.name", shared: true),
                                 quantity: try reader.int("lines.quantity"), price: try reader.money("lines.price", currency: currency))
            reader.orderSharing.lines.append(line)
            try reader.endArray("lines")
        }
        try reader.endArray("lines")
        let lines = reader.orderSharing.lines.takeOrder()
        let shopifyID = reader.hasMoreElements() ? try reader.optionalString("shopifyId") : nil
        let original = reader.hasMoreElements() ? try readOriginal(from: &reader) : nil
        try reader.endArray("order")
        return Order(id: id, email: email, financialStatus: status, createdAt: createdAt, cancelledAt: cancelledAt,
                     subtotal: subtotal, refunded: refunded, referral: referral, lines: lines, shopifyID: shopifyID, original: original)
    }

    /// The e-mail, its bytes copied from the file into the rows' shared block without a `String`
    /// made of them first: for text over fifteen bytes that was an allocation and its release
    /// per order. Text with escapes or beyond ASCII is read (and checked) as ever.
    private static func readEmail(from reader: inout JSONReader) throws -> PackedText {
        if try reader.nextIsNull("email") { return PackedText(nil) }
        guard let (range, ascii) = try reader.plainStringBody("email") else { return reader.orderSharing.emails.add(try reader.escapedStringBody("email")) }
        guard ascii else { return reader.orderSharing.emails.add(try reader.makeString(range, ascii: false, "email")) }
        let text = UnsafeRawBufferPointer(rebasing: reader.bytes[range]).assumingMemoryBound(to: UInt8.self)
        return reader.orderSharing.emails.add(utf8: text)
    }

    /// The six referral columns, as the box every order with them shares. A chunk of orders
    /// spells a few thousand referrals, nearly all of them over and over ("web" and five nulls,
    /// a creator's code with their campaign), so the columns are first passed over and their
    /// bytes looked up among the spellings this chunk and the file's earlier windows read:
    /// reading six strings and hashing them to find the shared box was about a quarter of
    /// decoding an order. A new spelling, or
    /// bytes that do not pass as values, are read in place as ever (a bad one refused as before).
    private static func readReferral(from reader: inout JSONReader) throws -> OrderReferral {
        let start = reader.mark
        let spelling = try? reader.skipValues(6, "referral")
        let hash = spelling.map { ReferralSpellings.hash(of: $0, in: reader.bytes) }
        if let spelling, let hash, let known = reader.orderSharing.readBefore(spelling, hash: hash, in: reader.bytes) { return known }
        reader.rewind(to: start)
        let referral = reader.orderSharing.share(OrderReferral(discountCodes: try reader.optionalString("discountCodes", shared: true),
                                                               source: try reader.optionalString("source", shared: true),
                                                               utmSource: try reader.optionalString("utmSource", shared: true),
                                                               utmMedium: try reader.optionalString("utmMedium", shared: true),
                                                               utmCampaign: try reader.optionalString("utmCampaign", shared: true),
                                                               utmContent: try reader.optionalString("utmContent", shared: true)))
        if let spelling, let hash { reader.orderSharing.learned.keep(referral, spelled: spelling, hash: hash, in: reader.bytes) }
        return referral
    }

    /// Storage the rows of one reader (one chunk of the file, on one thread) share: the lines and
    /// the e-mails of all of them in a few blocks, and one box per distinct referral — the
    /// file's, through `pool`, when the reader has one.
    struct Sharing {
        var lines = OrderLines.Builder()
        var emails = PackedText.Builder()
        var pool: ReferralPool?
        private var shared: Set<OrderReferral> = []
        /// The shared referrals by the bytes they were read from (see `readReferral`): what the
        /// file's chunks read in earlier windows (`ReferralPool`), and what this one read
        /// besides, to hand back when it ends.
        var known = ReferralSpellings(), learned = ReferralSpellings()

        func readBefore(_ spelling: Range<Int>, hash: UInt64, in bytes: UnsafeRawBufferPointer) -> OrderReferral? {
            known.referral(spelled: spelling, hash: hash, in: bytes) ?? learned.referral(spelled: spelling, hash: hash, in: bytes)
        }

        mutating func share(_ referral: OrderReferral) -> OrderReferral {
            if let known = shared.firstIndex(of: referral) { return shared[known] }
            let boxed = pool?.share(referral) ?? referral
            shared.insert(boxed)
            return boxed
        }
    }

    private static func readOriginal(from reader: inout JSONReader) throws -> ForeignAmounts? {
        if try reader.nextIsNull("original") { return nil }
        try reader.beginArray("original")
        let code = try reader.string("original.currency", shared: true)
        guard code.utf8.count == 3, code.allSatisfy(\.isLetter) else { throw JSONReadError(offset: 0, message: "'\(code)' is not a currency") }
        let currency = Currency(code)
        let subtotal = try reader.int64("original.subtotal"), refunded = try reader.int64("original.refunded")
        let day = try reader.day("original.rateDay")
        let text = try reader.string("original.rate", shared: true)
        guard let rate = DecimalRate(text) else { throw JSONReadError(offset: 0, message: "'\(text)' is not an exchange rate") }
        try reader.endArray("original")
        return ForeignAmounts(subtotal: Money(minorUnits: subtotal, currency: currency), refunded: Money(minorUnits: refunded, currency: currency),
                              rate: ExchangeRate(day: day, currency: currency, rate: rate))
    }
}
