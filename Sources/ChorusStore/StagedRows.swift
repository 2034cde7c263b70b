import ChorusCore

/// How a big import's batch holds its rows: as the snapshot's file of that collection does
/// (`CollectionFile`, one row per line in the collection's columns), so staging writes each
/// order once as a row and replay, a colleague's console and `chorus check` decode it on every
/// core with the snapshot's reader.
///
/// Batches of journal formats up to 5 held the command as `JSONEncoder` writes it: twice the
/// bytes (every field named in every order), and read back with `JSONDecoder`, which took a
/// colleague's console some twenty seconds and gigabytes for a million orders. Those batches
/// are still read as they are.
public struct StagedRows: Codable, Hashable, Sendable {
    /// The collection the rows are of, which names the import: `orders` or `surveyResponses`.
    public var collection: String
    public var count: Int
    /// The currency of amounts written as bare numbers (see `JSONWriter.money`).
    public var currency: String
}

extension StagedRows {
    /// The rows `command` is staged as; nil for a command staged as a journal line holds it.
    init?(of command: Command, currency: Currency) {
        switch command {
        case .importOrders(let orders): (collection, count) = (OrderRowCodec.collection, orders.count)
        case .importSurveyResponses(let responses): (collection, count) = (SurveyResponseRowCodec.collection, responses.count)
        default: return nil
        }
        self.currency = currency.code
    }

    /// Hands the file of `command`'s rows to `write` in consecutive pieces, written on every
    /// core a few pieces at a time: a staged batch of hundreds of megabytes is never held whole.
    func write(_ command: Command, rowsPerPiece: Int, to write: ([UInt8]) throws -> Void) throws {
        switch command {
        case .importOrders(let orders):
            try CollectionFile.write(orders, as: OrderRowCodec.self, currency: Currency(currency), rowsPerPiece: rowsPerPiece, to: write)
        case .importSurveyResponses(let responses):
            try CollectionFile.write(responses, as: SurveyResponseRowCodec.self, currency: Currency(currency), rowsPerPiece: rowsPerPiece,
                                     to: write)
        default:
            preconditionFailure("\(command.kind) is not staged as rows")
        }
    }

    /// Whether the batch holds `workspace`'s orders table row for row, after the import staged
    /// as `command`: when the import made the whole table, as a brand's first import of its
    /// order history does. The store then notes the batch as the file of those orders (see
    /// `SavedRows`), and the snapshot taken right after links it instead of writing every order
    /// again, if amounts are still in the batch's currency.
    func holdsTheOrders(of workspace: Workspace, staged command: Command) -> Bool {
        guard collection == OrderRowCodec.collection, count == workspace.orders.count, case .importOrders(let orders) = command else {
            return false
        }
        return workspace.orders.rows == orders
    }

    /// The import in `payload`, the batch named `batch`; its checksum has been checked.
    func command(from payload: [UInt8], batch: String) throws -> Command {
        switch collection {
        case OrderRowCodec.collection:
            .importOrders(try CollectionFile.decode(payload, as: OrderRowCodec.self, currency: Currency(currency), expectedRows: count, file: batch))
        case SurveyResponseRowCodec.collection:
            .importSurveyResponses(try CollectionFile.decode(payload, as: SurveyResponseRowCodec.self, currency: Currency(currency),
                                                             expectedRows: count, file: batch))
        default:
            throw StoreError(.corrupt, file: batch, "holds rows of \"\(collection)\", which no import stages")
        }
    }
}
