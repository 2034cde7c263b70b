extension CSVWriter {
    /// A phone number as label tools and carriers read it: `+49 151 2345678` as typed, without
    /// the `'` that keeps formulas from running, because digits, spaces and `+ - ( ) .` call no
    /// function and a label printed with `'+49…` reaches no one. Other text is appended as usual.
    public mutating func append(phone: String?) {
        guard let phone, !phone.isEmpty else { appendEmpty(); return }
        let plain: Set<UInt8> = [0x20, 0x2B, 0x2D, 0x28, 0x29, 0x2E]
        guard phone.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || plain.contains($0) }) else { append(phone); return }
        startField()
        appendRaw(phone.utf8)
    }
}
