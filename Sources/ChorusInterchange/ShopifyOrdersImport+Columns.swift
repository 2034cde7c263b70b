import ChorusCore

/// How the import reads one row of the export: where each column it reads sits, and what the
/// rows of a chunk repeat (see `ShopifyOrdersImport`).
extension ShopifyOrdersImport {
    /// Where each column the importer reads sits in this file's header. A class, so that the
    /// closures that read a row's fields capture a reference: a struct this size was copied
    /// into each of them, a third of reading an order.
    final class Columns: Sendable {
        let name, financialStatus, createdAt, subtotal: Int
        let email, currency, discountCode, refunded, cancelledAt, source: Int?
        let quantity, itemName, sku, price: Int?
        let landingSite, noteAttributes: Int?
        let shopifyID: Int?
        /// The columns a referral is read from (-1 for one the file lacks), the key of `Repeats.referral`.
        let referralColumns: [Int]
        /// For naming the file and the field in a row's error.
        let header: CSVHeader
        let fileName: String

        init(_ header: CSVHeader, fileName: String) {
            self.header = header
            self.fileName = fileName
            name = header.index(of: "Name")!
            financialStatus = header.index(of: "Financial Status")!
            createdAt = header.index(of: "Created at")!
            subtotal = header.index(of: "Subtotal")!
            email = header.index(of: "Email")
            currency = header.index(of: "Currency")
            discountCode = header.index(of: "Discount Code")
            refunded = header.index(of: "Refunded Amount")
            cancelledAt = header.index(of: "Cancelled at")
            source = header.index(of: "Source")
            quantity = header.index(of: "Lineitem quantity")
            itemName = header.index(of: "Lineitem name")
            sku = header.index(of: "Lineitem sku")
            price = header.index(of: "Lineitem price")
            landingSite = header.index(of: "Landing Site")
            noteAttributes = header.index(of: "Note Attributes")
            shopifyID = header.index(of: "Id")
            referralColumns = [discountCode, source, landingSite, noteAttributes].map { $0 ?? -1 }
        }

        /// The error for `column` of `record`, naming its file, line and field. A method rather
        /// than a closure made for each row, which copied the row and these columns into it.
        func failure(_ record: CSVRecord, _ column: Int, _ message: String) -> ImportRowError {
            ImportRowError(fileName: fileName, line: record.line, column: column + 1, message: message, field: header.name(at: column))
        }

        /// The order on its first row, in the currency its `Currency` column names (else
        /// `programCurrency`); an order in another currency is converted after reading. Its
        /// line item is the caller's to add.
        func readOrder(_ record: CSVRecord, id: OrderID, currency programCurrency: Currency, repeats: inout Repeats) throws -> Order {
            var currency = programCurrency
            if let column = self.currency, !record.isEmpty(at: column) {
                currency = try record.withBytes(at: column) { bytes in
                    try repeats.currencies.value(for: bytes) {
                        let code = record[column].trimmingWhitespace.uppercased()
                        guard code.utf8.count == 3, code.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
                            throw failure(record, column, "'\(record[column])' is not a currency code like EUR or USD")
                        }
                        return Currency(code)
                    }
                }
            }
            let status = record.withBytes(at: financialStatus) { bytes in
                repeats.statuses.value(for: bytes) { String(decoding: bytes, as: UTF8.self).trimmingWhitespace.lowercased() }
            }
            guard let created = try time(record, createdAt) else { throw failure(record, createdAt, "no Created at time on the order's first row") }
            let cancelled = try cancelledAt.flatMap { try time(record, $0) }
            guard let subtotal = try money(record, subtotal, currency) else { throw failure(record, subtotal, "no Subtotal on the order's first row") }
            let refunded = try refunded.flatMap { try money(record, $0, currency) } ?? .zero(currency)
            let referral = repeats.referral(record, readBy: self)
            var order = Order(id: id, email: email(record, into: &repeats.emails), financialStatus: status, createdAt: created,
                              cancelledAt: cancelled, subtotal: subtotal, refunded: refunded, referral: referral, lines: OrderLines(),
                              shopifyID: nil, original: nil)
            if let shopifyID { try readShopifyID(record, shopifyID, into: &order) }
            return order
        }

        /// The row's line item; nil when the file has no line-item columns or the row none.
        func lineItem(_ record: CSVRecord, currency: Currency, texts: inout FieldCache<String>) throws -> OrderLine? {
            guard let itemName, !record.isEmpty(at: itemName) else { return nil }
            var quantity = 1
            if let column = self.quantity, !record.isEmpty(at: column) {
                guard let value = record.withBytes(at: column, Self.plainNumber) ?? Int(record[column].trimmingWhitespace), value > 0 else {
                    throw failure(record, column, "'\(record[column].excerpt)' is not a quantity")
                }
                quantity = value
            }
            let price = try self.price.flatMap { try money(record, $0, currency) } ?? .zero(currency)
            let name = record.withBytes(at: itemName) { bytes in texts.value(for: bytes) { Self.trimmed(bytes) } }
            let sku = sku.map { column in record.withBytes(at: column) { bytes in texts.value(for: bytes) { Self.trimmed(bytes) } } }
            return OrderLine(sku: sku?.isEmpty == false ? sku : nil, name: name, quantity: quantity, price: price)
        }

        /// The referral of a row whose referral columns have not been seen before.
        func readReferral(_ record: CSVRecord, utm known: inout Repeats.UTMValues) -> OrderReferral {
            let fromLink = utm(record, landingSite, among: &known.links, reading: UTMParameters.init(landingURL:))
            let fromNotes = utm(record, noteAttributes, among: &known.notes, reading: UTMParameters.init(noteAttributes:))
            let utm = fromLink.filled(from: fromNotes)
            return OrderReferral(discountCodes: text(record, discountCode), source: text(record, source), utmSource: utm.source,
                                 utmMedium: utm.medium, utmCampaign: utm.campaign, utmContent: utm.content)
        }

        /// The UTM values in `column`, looked up among those read before: a chunk's few hundred
        /// landing links and notes come back under thousands of codes, and splitting and
        /// decoding each again was most of making a new referral.
        private func utm(_ record: CSVRecord, _ column: Int?, among known: inout FieldCache<UTMParameters>,
                         reading: (String) -> UTMParameters) -> UTMParameters {
            guard let column, !record.isEmpty(at: column) else { return UTMParameters() }
            return record.withBytes(at: column) { bytes in known.value(for: bytes) { text(record, column).map(reading) ?? UTMParameters() } }
        }

        /// Shopify's numeric `Id`: digits, after a `'` that keeps spreadsheets from turning a
        /// long id into 5.1E+12. Bytes, not Characters: walking a million ids grapheme by
        /// grapheme was a fifth of reading an order (an ASCII digit Character is one byte 0–9).
        /// Digits as they are in the file are taken as they are, without a `String` of them.
        private func readShopifyID(_ record: CSVRecord, _ column: Int, into order: inout Order) throws {
            let plain = record.withBytes(at: column) { bytes -> Bool in
                guard let first = bytes.first, let last = bytes.last, String.isTrimmed(first: first, last: last) else { return false }
                let digits = first == UInt8(ascii: "'") ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes
                guard digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
                order.setShopifyID(digits: digits)
                return true
            }
            guard !plain, let id = text(record, column) else { return }
            let digits = id.hasPrefix("'") ? String(id.dropFirst()) : id
            guard digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { throw failure(record, column, "'\(id)' is not a Shopify order Id") }
            order.shopifyID = digits
        }

        /// The e-mail, trimmed, appended to the chunk's shared block of e-mails; the bytes go
        /// there as they are unless their ends need trimming.
        private func email(_ record: CSVRecord, into emails: inout PackedText.Builder) -> PackedText {
            guard let email, !record.isEmpty(at: email) else { return PackedText(nil) }
            return record.withBytes(at: email) { bytes in
                if String.isTrimmed(first: bytes.first!, last: bytes.last!) { return emails.add(utf8: bytes) }
                let trimmed = Self.trimmed(bytes)
                return trimmed.isEmpty ? PackedText(nil) : emails.add(trimmed)
            }
        }

        private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        }

        /// Digits only, as nearly every quantity is; nil sends anything else to `Int`'s parser.
        private static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }

        private func text(_ record: CSVRecord, _ column: Int?) -> String? {
            guard let column, !record.isEmpty(at: column) else { return nil }
            let value = record[column].trimmingWhitespace
            return value.isEmpty ? nil : value
        }

        /// Read from the field's bytes, as `Money.parse` reads the text.
        private func money(_ record: CSVRecord, _ column: Int, _ currency: Currency) throws -> Money? {
            guard !record.isEmpty(at: column) else { return nil }
            guard let value = record.withBytes(at: column, { Money.parse(utf8: $0, currency: currency) }) else {
                throw failure(record, column, "'\(record[column].excerpt)' is not an amount like 1234.50")
            }
            return value
        }

        private func time(_ record: CSVRecord, _ column: Int) throws -> Timestamp? {
            guard !record.isEmpty(at: column) else { return nil }
            // A time read from the bytes as they are needed no trimming: it starts and ends
            // with a digit or a `Z`. Anything else takes the text's route, error included.
            if let value = record.withBytes(at: column, { Timestamp(utf8: $0) }) { return value }
            let field = record[column].trimmingWhitespace
            guard !field.isEmpty else { return nil }
            guard let value = Timestamp(field) else { throw failure(record, column, "'\(field.excerpt)' is not a time like 2026-03-12 09:14:02 +0000") }
            return value
        }
    }

    /// What a chunk's rows repeat, each made once from its bytes (see `FieldCache`), and the
    /// shared blocks its orders' e-mails and lines are kept in.
    struct Repeats {
        var currencies = FieldCache<Currency>(limit: 256)
        var statuses = FieldCache<String>(limit: 256)
        /// Line items' names and SKUs, trimmed.
        var texts = FieldCache<String>(limit: 16_384)
        private var referrals = FieldCache<OrderReferral>()
        private var utm = UTMValues()

        /// The UTM values of the landing links and notes read, by their bytes (see `Columns.utm`).
        struct UTMValues {
            var links = FieldCache<UTMParameters>(limit: 4_096)
            var notes = FieldCache<UTMParameters>(limit: 4_096)
        }
        /// Each distinct referral once, shared by the chunk's orders that have it (see
        /// `OrderReferral`), also when their columns spell it differently.
        private var distinctReferrals: Set<OrderReferral> = []
        /// Where the referral columns of the row being read are put together (`CSVRecord.withKey`).
        private var referralKey: [UInt8] = []
        var emails = PackedText.Builder()
        var lines = OrderLines.Builder()

        /// The row's referral, made once per spelling of its columns: a creator's code with
        /// their campaign's link repeats on every order they bring.
        mutating func referral(_ record: CSVRecord, readBy columns: Columns) -> OrderReferral {
            var scratch = referralKey
            referralKey = []  // handed back below, so that writing the key never copies it
            defer { referralKey = scratch }
            return record.withKey(of: columns.referralColumns, in: &scratch) { key in
                if let known = referrals.value(for: key) { return known }
                let referral = distinctReferrals.insert(columns.readReferral(record, utm: &utm)).memberAfterInsert
                referrals.keep(referral, for: key)
                return referral
            }
        }
    }
}
