import ChorusCore

extension CollectionFile {
    /// A collection file written for a table's first rows, which the file of the table with
    /// rows added since begins with byte for byte: `write` copies it up to its footer and
    /// encodes only the added rows — five thousand new orders after ten million, rather than
    /// ten million and five thousand. Made only for a file as this build writes one (this
    /// codec's header and columns, a footer after rows), so what is copied reads as the rest.
    struct HeldRows {
        let path: String
        let rows: Int
        /// The file's bytes before its footer: what the new file begins with.
        let copied: Int

        /// Nil when the file is not one to build on: gone, written otherwise, or holding all of
        /// `count` rows or none.
        init?<Codec: RowCodec>(_ path: String, rows: Int, of count: Int, as codec: Codec.Type, fileSystem: any FileSystem) {
            let head = header(Codec.collection, columns: Codec.columns) + firstRowSeparator.bytes, tail = footer.bytes
            guard rows > 0, rows < count, let size = fileSystem.byteCount(at: path), size >= head.count + tail.count,
                  (try? fileSystem.readFile(at: path, offset: 0, count: head.count)) == head,
                  (try? fileSystem.readFile(at: path, offset: size - tail.count, count: tail.count)) == tail else { return nil }
            (self.path, self.rows, copied) = (path, rows, size - tail.count)
        }

        /// The file of every row of `table`, the first `rows` of them copied, handed to `write`
        /// a window at a time. Throws when the file does not hold `rows` rows after all (one
        /// line each: values never hold a raw line break), or changed while it was copied; the
        /// caller then writes every row (`Snapshot.writeFiles`).
        func write<Codec: RowCodec>(_ table: EntityTable<Codec.Row>, as codec: Codec.Type, currency: Currency, fileSystem: any FileSystem,
                                    to write: ([UInt8]) throws -> Void) throws where Codec.Row: TableKeyed {
            var window: [UInt8] = [], offset = 0, lines = 0
            while offset < copied {
                window = try fileSystem.readFile(at: path, offset: offset, count: min(Self.windowBytes, copied - offset), reusing: consume window)
                guard !window.isEmpty else { throw StoreError(.io, file: path, "was cut short while a new snapshot copied it") }
                lines += Self.lineBreaks(in: window)
                try write(window)
                offset += window.count
            }
            guard lines == rows, fileSystem.byteCount(at: path) == copied + footer.bytes.count else {
                throw StoreError(.io, file: path, "does not hold the \(rows) rows it was noted for")
            }
            try CollectionFile.write(table, as: codec, currency: currency, from: rows, to: write)
        }

        /// A plain loop the compiler vectorises: a 2 GB orders file in a fraction of a second.
        private static func lineBreaks(in bytes: [UInt8]) -> Int {
            bytes.withUnsafeBufferPointer { bytes in
                var count = 0
                for byte in bytes { count &+= byte == 0x0A ? 1 : 0 }
                return count
            }
        }

        private static let windowBytes = 16 << 20
    }
}
