import ChorusCore

/// Writes orders in the layout of Shopify's order export (Orders → Export → CSV).
///
/// Chorus reads the store's own export, so sample and test files must look exactly like it:
/// one row per line item; the order-level fields (statuses, totals, discount code, UTM note
/// attributes…) only on an order's first row, with `Name`, `Email` and `Created at` repeated
/// on every row as Shopify does. Dates are `2026-03-12 09:14:02 +0000`, amounts `1234.50`.
///
/// The domain keeps only what attribution and the ledger need, so columns it does not model
/// (addresses, taxes, shipping lines) are written empty or as zero. Fulfilment is derived:
/// orders that count are `fulfilled` a day after they were placed. UTM parameters go into
/// `Note Attributes` as `utm_source: instagram` lines (what storefront UTM apps write) and into
/// a trailing `Landing Site` column as a URL with a query string, so importers can be tested
/// against both.
public enum ShopifyOrdersCSV {
    /// Shopify's column order, followed by `Landing Site`.
    public static let header: [String] = [
        "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing", "Currency",
        "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method", "Created at",
        "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
        "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
        "Billing Name", "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip",
        "Billing Province", "Billing Country", "Billing Phone",
        "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City",
        "Shipping Zip", "Shipping Province", "Shipping Country", "Shipping Phone",
        "Notes", "Note Attributes", "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount", "Vendor",
        "Outstanding Balance", "Employee", "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount",
        "Tax 1 Name", "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Tax 3 Name", "Tax 3 Value", "Tax 4 Name", "Tax 4 Value",
        "Tax 5 Name", "Tax 5 Value", "Phone", "Receipt Number", "Duties", "Billing Province Name", "Shipping Province Name",
        "Payment ID", "Payment Terms Name", "Next Payment Due At", "Payment References", "Landing Site",
    ]

    /// The export of `orders`, in their order; `program` supplies the vendor and landing page.
    public static func write(orders: [Order], program: Program, lineEnding: CSVWriter.LineEnding = .lf) -> [UInt8] {
        var writer = CSVWriter(lineEnding: lineEnding, reservingCapacity: 64 + orders.count * 420)
        writer.writeRow(header)
        for order in orders {
            let fulfilled = order.counts
            writeFirstRow(order, line: order.lines.first, fulfilled: fulfilled, program: program, into: &writer)
            for line in order.lines.dropFirst() {
                writeFollowingRow(order, line: line, fulfilled: fulfilled, program: program, into: &writer)
            }
        }
        return writer.bytes
    }

    /// Shopify's numeric order id, derived from the order number (`#1001` → 5100000001001).
    public static func numericID(for order: OrderID) -> Int? {
        guard let number = Int(order.rawValue.drop { $0 == "#" }) else { return nil }
        return 5_100_000_000_000 + number
    }

    /// The `Note Attributes` text for an order's UTM parameters, one `key: value` per line.
    public static func noteAttributes(for order: Order) -> String? {
        guard hasUTM(order) else { return nil }
        let pairs = utmPairs(order)
        return pairs.isEmpty ? nil : pairs.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
    }

    /// The landing page the order came in on, with its UTM query; nil without UTM parameters.
    public static func landingSite(for order: Order, landingURL: String) -> String? {
        guard hasUTM(order) else { return nil }
        let pairs = utmPairs(order)
        guard !pairs.isEmpty else { return nil }
        let separator = landingURL.contains("?") ? "&" : "?"
        return landingURL + separator + pairs.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    private static func hasUTM(_ order: Order) -> Bool {
        order.utmSource != nil || order.utmMedium != nil || order.utmCampaign != nil || order.utmContent != nil
    }

    private static func utmPairs(_ order: Order) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        if let value = order.utmSource { pairs.append(("utm_source", value)) }
        if let value = order.utmMedium { pairs.append(("utm_medium", value)) }
        if let value = order.utmCampaign { pairs.append(("utm_campaign", value)) }
        if let value = order.utmContent { pairs.append(("utm_content", value)) }
        return pairs
    }

    private static func isPaid(_ order: Order) -> Bool {
        switch order.financialStatus {
        case "paid", "refunded", "partially_refunded": true
        default: false
        }
    }

    private static func writeFirstRow(_ order: Order, line: OrderLine?, fulfilled: Bool, program: Program, into writer: inout CSVWriter) {
        let currency = order.subtotal.currency
        var lineTotal = Money.zero(currency)
        for item in order.lines { lineTotal = lineTotal + item.price * Int64(item.quantity) }
        let discount = lineTotal - order.subtotal
        writer.append(order.id.rawValue)
        writer.append(order.email)
        writer.append(order.financialStatus)
        writer.append(isPaid(order) ? order.createdAt.adding(seconds: 2) : nil, style: .shopify)
        writer.append(fulfilled ? "fulfilled" : "unfulfilled")
        writer.append(fulfilled ? order.createdAt.adding(days: 1) : nil, style: .shopify)
        writer.append("no")
        writer.append(currency.code)
        writer.append(order.subtotal)
        writer.append(Money.zero(currency))
        writer.append(Money.zero(currency))
        writer.append(order.subtotal)
        writer.append(order.discountCodes)
        writer.append(discount.minorUnits > 0 ? discount : Money.zero(currency))
        writer.append("Standard")
        writer.append(order.createdAt, style: .shopify)
        writeLineItem(line, fulfilled: fulfilled, into: &writer)
        writer.appendEmpty(20)  // billing and shipping address columns
        writer.appendEmpty()  // Notes
        writer.append(noteAttributes(for: order))
        writer.append(order.cancelledAt, style: .shopify)
        writer.append(order.financialStatus == "pending" ? "manual" : "Shopify Payments")
        writer.appendEmpty()  // Payment Reference
        writer.append(order.refunded)
        writer.append(program.brand)
        writer.append(Money.zero(currency))
        writer.appendEmpty(3)  // Employee, Location, Device ID
        if let id = numericID(for: order.id) { writer.append(id) } else { writer.appendEmpty() }
        writer.appendEmpty()  // Tags
        writer.append("Low")
        writer.append(order.source ?? "web")
        writer.append(Money.zero(currency))
        writer.appendEmpty(19)  // taxes 1–5, phone, receipt, duties, province names, payment ids and terms
        writer.append(landingSite(for: order, landingURL: program.landingURL))
        writer.endRow()
    }

    private static func writeFollowingRow(_ order: Order, line: OrderLine, fulfilled: Bool, program: Program, into writer: inout CSVWriter) {
        let currency = order.subtotal.currency
        writer.append(order.id.rawValue)
        writer.append(order.email)
        writer.appendEmpty(13)  // statuses, totals and discounts belong to the first row
        writer.append(order.createdAt, style: .shopify)
        writeLineItem(line, fulfilled: fulfilled, into: &writer)
        writer.appendEmpty(26)  // addresses, notes, cancellation, payment, refund
        writer.append(program.brand)
        writer.appendEmpty(8)  // balance … source
        writer.append(Money.zero(currency))
        writer.appendEmpty(20)  // taxes … landing site
        writer.endRow()
    }

    private static func writeLineItem(_ line: OrderLine?, fulfilled: Bool, into writer: inout CSVWriter) {
        guard let line else { writer.appendEmpty(8); return }
        writer.append(line.quantity)
        writer.append(line.name)
        writer.append(line.price)
        writer.appendEmpty()  // compare at price
        writer.append(line.sku)
        writer.append("true")
        writer.append("true")
        writer.append(fulfilled ? "fulfilled" : "pending")
    }
}
