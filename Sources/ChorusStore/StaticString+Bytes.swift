extension StaticString {
    /// The text's UTF-8 bytes, for the fixed pieces (headers, separators, footers) of files
    /// written piece by piece.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: utf8Start, count: utf8CodeUnitCount)) }
}
