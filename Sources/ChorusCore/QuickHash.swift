extension UnsafeRawBufferPointer {
    /// A hash of `self[range]` cheap enough to take for every value a row repeats, and spread
    /// enough to pick a slot for values read lately (`RecentValues`, `JSONReader.sharedString`,
    /// an importer's `FieldCache`). FNV-1a's steps, eight bytes at a time (then byte by byte
    /// for the rest): a byte at a time, hashing an order's referral columns cost more than
    /// looking up what they spell; `Hasher` cost more than the lookups it served.
    ///
    /// `seed` replaces FNV's starting value: a table that probes for its keys seeds it at
    /// random, so that which keys share a slot is not fixed in advance by the file.
    public func quickHash(of range: Range<Int>, seed: UInt64 = 14_695_981_039_346_656_037) -> UInt32 {
        UInt32(truncatingIfNeeded: quickHash64(of: range, seed: seed))
    }

    /// The same hash in 64 bits, for keys compared across tables by their hashes alone (an
    /// import's order names, chunk against chunk), where 32 bits would make a million names
    /// share a hash somewhere.
    public func quickHash64(of range: Range<Int>, seed: UInt64) -> UInt64 {
        var hash = seed
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            hash = (hash ^ loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 1_099_511_628_211
            hash ^= hash >> 29
            index += 8
        }
        while index < range.upperBound {
            hash = (hash ^ UInt64(self[index])) &* 1_099_511_628_211
            index += 1
        }
        return hash ^ (hash >> 32)
    }
}
