/// A text that equals another only byte for byte. `String` calls canonically equivalent texts
/// equal ("ễ" stored as one character, or as "e" and two marks), but name folding reads them
/// differently (`TextFolding` keeps the first and strips the marks of the second, so only the
/// second says "nguyen"). A memory of texts already read must keep them apart, or it would
/// answer for one form what was found for the other.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
