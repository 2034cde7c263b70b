/// The CSV inputs every importer must survive, kept as regression fixtures: each once broke, or
/// could break, a reader that trusted its input. Built in code because one is 10 MB.
enum HostileCSV {
    struct Fixture {
        var name: String
        var bytes: [UInt8]
        /// The refusal every importer must give, or nil when a clean result is also fine.
        var refusal: CSVExpectation?
    }

    enum CSVExpectation { case noHeader, invalidUTF8(line: Int), unbalancedQuote(line: Int), fieldTooLong(line: Int, column: Int) }

    /// `header` is the importer's own header row, so a fixture reaches its row-reading code.
    static func fixtures(header: String) -> [Fixture] {
        let header = Array((header + "\n").utf8)
        let columns = header.filter { $0 == UInt8(ascii: ",") }.count + 1
        func row(_ text: String) -> [UInt8] { Array(text.utf8) }
        let filler = String(repeating: ",x", count: max(0, columns - 1))
        return [
            Fixture(name: "empty file", bytes: [], refusal: .noHeader),
            Fixture(name: "header only", bytes: header, refusal: nil),
            Fixture(name: "invalid UTF-8", bytes: header + row("ok" + filler + "\n") + [0x41, 0xC3, 0x28, 0x0A], refusal: .invalidUTF8(line: 3)),
            Fixture(name: "NUL byte", bytes: header + row("a\u{0}b" + filler + "\n"), refusal: nil),
            Fixture(name: "10 MB single field", bytes: header + row("\"") + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000) + row("\"" + filler + "\n"),
                    refusal: .fieldTooLong(line: 2, column: 1)),
            Fixture(name: "10 000 columns", bytes: header.dropLast() + row(String(repeating: ",extra", count: 10_000) + "\n")
                + row("v" + filler + String(repeating: ",1", count: 10_000) + "\n"), refusal: nil),
            Fixture(name: "unbalanced quotes", bytes: header + row("ok" + filler + "\n\"never closed" + filler + "\n"), refusal: .unbalancedQuote(line: 3)),
            Fixture(name: "BOM in the middle", bytes: header + row("a") + [0xEF, 0xBB, 0xBF] + row("b" + filler + "\n") + [0xEF, 0xBB, 0xBF] + header,
                    refusal: nil),
        ]
    }
}
