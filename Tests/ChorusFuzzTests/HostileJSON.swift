/// The JSON-shaped inputs every JSON reader (theme loader, journal, snapshot files) must
/// survive, kept as regression fixtures next to the fuzzer's random ones: the shapes that
/// crash recursive parsers or exhaust memory rather than merely fail to parse.
enum HostileJSON {
    static let fixtures: [(name: String, bytes: [UInt8])] = [
        ("empty file", []),
        ("NUL byte", Array("{\"a\":\"b\u{0}c\"}\n".utf8)),
        ("invalid UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D, 0x0A]),
        ("100 000 nested arrays", Array(repeating: UInt8(ascii: "["), count: 100_000) + Array(repeating: UInt8(ascii: "]"), count: 100_000)),
        ("100 000 nested objects", Array(String(repeating: "{\"a\":", count: 100_000).utf8) + Array(repeating: UInt8(ascii: "}"), count: 100_000)),
        ("10 MB string", Array("{\"name\":\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 10_000_000) + Array("\"}\n".utf8)),
        ("huge numbers", Array("{\"seq\":1e999999,\"generation\":-99999999999999999999999,\"schemaVersion\":1.5}\n".utf8)),
        ("a BOM in the middle", Array("{\"a\":1}".utf8) + [0xEF, 0xBB, 0xBF] + Array("{\"b\":2}\n".utf8)),
    ]
}
