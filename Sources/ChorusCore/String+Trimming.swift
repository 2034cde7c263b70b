extension String {
    /// Without surrounding white space. Text from files and forms is almost always trimmed
    /// already, so the common case checks two bytes and returns `self` without copying; only
    /// text that starts or ends with white space or a non-ASCII character takes the Unicode route.
    public var trimmingWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if Self.isTrimmed(first: first, last: last) { return self }
        var slice = Substring(self)
        while let head = slice.first, head.isWhitespace { slice = slice.dropFirst() }
        while let tail = slice.last, tail.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// Whether text whose UTF-8 starts with `first` and ends with `last` is certainly its own
    /// `trimmingWhitespace`: both bytes ASCII and neither white space. False only says that
    /// the Unicode route must decide; a reader of bytes uses it to skip making a `String`.
    public static func isTrimmed(first: UInt8, last: UInt8) -> Bool {
        func asciiSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        return first < 0x80 && last < 0x80 && !asciiSpace(first) && !asciiSpace(last)
    }
}
