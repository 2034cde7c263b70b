import ChorusConcurrency
import ChorusCore

/// The staged payload of a big order or survey import, written with `JSONWriter` in exactly
/// the bytes Foundation's `JSONEncoder` (sorted keys, slashes unescaped) writes for the command.
///
/// Encoding a million orders through `Codable` builds a tree of boxed values first: it was half
/// of `chorus import orders`' time and most of its peak memory. Writing the same bytes straight
/// keeps the batch's format (replay and followers still decode it with `JSONDecoder`, and its
/// checksum is over these bytes); `StagedOrdersPayloadTests` compare both encodings on random
/// orders, so a field added to `Order` without a line here fails there, not in a journal.
enum StagedOrdersPayload {
    /// Hands the payload for `command` to `write` in consecutive pieces, or returns false (and
    /// writes nothing) for a command written the `Codable` way. Rows are written on all cores
    /// in pieces of `rowsPerPiece`, a few at a time, each handed over while the next few are
    /// written: a staged batch of hundreds of megabytes is never held whole.
    static func write(_ command: Command, rowsPerPiece: Int = 20_000, to write: ([UInt8]) throws -> Void) throws -> Bool {
        switch command {
        case .importOrders(let orders):
            try array(#"{"kind":"importOrders","orders":["#, orders, bytesPerRow: 600, rowsPerPiece: rowsPerPiece, to: write) { self.write($0, to: &$1) }
        case .importSurveyResponses(let responses):
            try array(#"{"kind":"importSurveyResponses","responses":["#, responses, bytesPerRow: 200, rowsPerPiece: rowsPerPiece, to: write) {
                self.write($0, to: &$1)
            }
        default:
            return false
        }
        return true
    }

    /// `opening`, the rows separated by commas, and `]}`, as pieces: every piece of rows after
    /// the first begins with the comma that separates it from the one before.
    private static func array<Row>(_ opening: StaticString, _ rows: [Row], bytesPerRow: Int, rowsPerPiece: Int,
                                   to write: ([UInt8]) throws -> Void, _ writeRow: (Row, inout JSONWriter) -> Void) throws {
        let starts = Array(stride(from: 0, to: rows.count, by: max(1, rowsPerPiece)))
        try write(opening.bytes)
        // Lent through the buffer, as `CollectionFile.write` lends a snapshot's rows, not copied.
        try rows.withUnsafeBufferPointer { rows in
            try Parallel.writePieces(starts.count, making: { index, bytes in
                let range = starts[index]..<min(starts[index] + rowsPerPiece, rows.count)
                var writer = JSONWriter(reusing: &bytes, capacity: range.count * bytesPerRow + 1)
                if index > 0 { writer.raw(",") }
                for row in range { writeRow(rows[row], &writer) }
                bytes = writer.bytes
            }, to: write)
        }
        try write(("]}" as StaticString).bytes)
    }

    /// Members are named as the synthesized `CodingKeys` name them, in sorted order; a nil
    /// optional is left out, as `encodeIfPresent` does.
    private static func write(_ order: Order, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(#""cancelledAt":"#, order.cancelledAt)
        writer.member(#""createdAt":"#, order.createdAt)
        writer.member(#""discountCodes":"#, order.discountCodes)
        writer.member(#""email":"#, order.email)
        writer.member(#""financialStatus":"#, order.financialStatus)
        writer.member(#""id":"#, order.id.rawValue)
        writer.key(#""lines":"#)
        writer.beginArray()
        for line in order.lines {
            writer.beginObject()
            writer.member(#""name":"#, line.name)
            writer.member(#""price":"#, line.price)
            writer.key(#""quantity":"#)
            writer.int(line.quantity)
            writer.member(#""sku":"#, line.sku)
            writer.endObject()
        }
        writer.endArray()
        if let original = order.original {
            writer.key(#""original":"#)
            writer.beginObject()
            writer.key(#""rate":"#)
            writer.beginObject()
            writer.member(#""currency":"#, original.rate.currency.code)
            writer.member(#""day":"#, original.rate.day.description)
            writer.member(#""rate":"#, original.rate.rate.description)
            writer.endObject()
            writer.member(#""refunded":"#, original.refunded)
            writer.member(#""subtotal":"#, original.subtotal)
            writer.endObject()
        }
        writer.member(#""refunded":"#, order.refunded)
        writer.member(#""shopifyID":"#, order.shopifyID)
        writer.member(#""source":"#, order.source)
        writer.member(#""subtotal":"#, order.subtotal)
        writer.member(#""utmCampaign":"#, order.utmCampaign)
        writer.member(#""utmContent":"#, order.utmContent)
        writer.member(#""utmMedium":"#, order.utmMedium)
        writer.member(#""utmSource":"#, order.utmSource)
        writer.endObject()
    }

    private static func write(_ response: SurveyResponse, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(#""couponCode":"#, response.couponCode)
        writer.member(#""creditedCreator":"#, response.creditedCreator?.rawValue)
        writer.member(#""email":"#, response.email)
        writer.member(#""id":"#, response.id.rawValue)
        writer.member(#""orderID":"#, response.orderID.rawValue)
        writer.member(#""other":"#, response.other)
        writer.member(#""question":"#, response.question)
        writer.member(#""response":"#, response.response)
        writer.member(#""utmSource":"#, response.utmSource)
        writer.endObject()
    }
}

/// JSON objects as `JSONEncoder` writes them (the snapshot itself writes rows as arrays).
/// Keys come spelled as written, quotes and colon included (`#""email":"#`), so each is one
/// copy into the buffer rather than three: a staged import writes some twenty per order.
private extension JSONWriter {
    mutating func beginObject() {
        separate()
        raw("{")
    }

    mutating func endObject() {
        raw("}")
        finishValue()
    }

    /// Starts a member with `quotedKey`, a literal such as `#""email":"#`; its value follows.
    mutating func key(_ quotedKey: StaticString) {
        separate()
        raw(quotedKey)
    }

    mutating func member(_ quotedKey: StaticString, _ value: String?) {
        guard let value else { return }
        key(quotedKey)
        string(value)
    }

    /// A time in `Timestamp.description`'s text, written digit by digit as the snapshot
    /// writes it (`JSONWriter.timestamp`) rather than through an interpolated `String`.
    mutating func member(_ quotedKey: StaticString, _ time: Timestamp?) {
        guard let time else { return }
        key(quotedKey)
        timestamp(time)
    }

    /// `{"currency":"USD","minorUnits":1234}`, the object `Money` encodes as.
    mutating func member(_ quotedKey: StaticString, _ money: Money) {
        key(quotedKey)
        raw(#"{"currency":"#)
        string(money.currency.code)
        raw(#","minorUnits":"#)
        int(money.minorUnits)
        endObject()
    }
}
