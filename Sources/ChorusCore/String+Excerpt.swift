extension String {
    /// The text as an error message quotes it: whole when short, else its first 60 characters
    /// and "…", so a message about a 10 MB cell is one line, not 10 MB on stderr.
    public var excerpt: String {
        let limit = 60
        guard utf8.count > limit else { return self }
        var end = startIndex
        guard formIndex(&end, offsetBy: limit, limitedBy: endIndex), end < endIndex else { return self }
        return String(self[..<end]) + "…"
    }
}
