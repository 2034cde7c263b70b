import ChorusCore

/// Reads a snapshot's orders and survey responses: the part of a big workspace (over 80 % of
/// its bytes) that the console's first frame does not need. `load` is safe to run on another
/// thread; the store attaches the result on its owner's thread.
public struct OrderHistoryLoader: @unchecked Sendable {
    // @unchecked: the file system is only read here, and POSIXFileSystem holds no state.
    let orders: (path: String, rows: Int)
    let surveyResponses: (path: String, rows: Int)
    let currency: Currency
    let fileSystem: any FileSystem

    /// Orders in the snapshot (before the load), for progress messages.
    public var orderCount: Int { orders.rows }

    public func load() throws -> OrderHistory {
        let orders = try CollectionFile.decode(try fileSystem.readFile(at: self.orders.path), as: OrderRowCodec.self,
                                               currency: currency, expectedRows: self.orders.rows, file: self.orders.path)
        let responses = try CollectionFile.decode(try fileSystem.readFile(at: surveyResponses.path), as: SurveyResponseRowCodec.self,
                                                  currency: currency, expectedRows: surveyResponses.rows, file: surveyResponses.path)
        return OrderHistory(orders: orders, surveyResponses: responses)
    }
}
