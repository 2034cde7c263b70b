import Foundation
@testable import ChorusStore

extension CollectionFile {
    /// Reads `bytes` back as a snapshot's collection file is read at open: from a file on disk,
    /// a window at a time, in pieces of `sizes`.
    static func decodeFromFile<Codec: RowCodec>(_ bytes: [UInt8], as codec: Codec.Type, rows: Int,
                                                sizes: ReadSizes = ReadSizes()) throws -> [Codec.Row] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decoded-\(Codec.collection)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\(Codec.collection)-1.json").path
        try POSIXFileSystem().writeFile(at: path, bytes: bytes)
        return try decode(file: path, fileSystem: POSIXFileSystem(), as: codec, currency: .eur, expectedRows: rows, sizes: sizes)
    }
}
