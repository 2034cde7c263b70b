extension Array {
    /// The element at `index`, or nil past either end: a cursor may point past a list that just
    /// shrank (a wave undone), and that must draw nothing rather than trap.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
