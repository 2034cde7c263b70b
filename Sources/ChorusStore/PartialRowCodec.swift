import ChorusCore

/// A codec that reads only some of a collection's fields, for a report that needs no more than
/// those (reading whole rows was most of its time). The file is the one `Whole` writes and
/// describes, so the layouts are its own; nothing is ever written through a partial codec.
protocol PartialRowCodec: RowCodec {
    associatedtype Whole: RowCodec
}

extension PartialRowCodec {
    static var collection: String { Whole.collection }
    static var columns: String? { Whole.columns }
    static var earlierColumns: [String] { Whole.earlierColumns }

    static func write(_ row: Row, to writer: inout JSONWriter, currency: Currency) {
        preconditionFailure("\(Whole.collection) are written whole, by \(Whole.self)")
    }
}
