extension Ledger {
    /// Which row is each creator's in each wave, while the ledger is built: found by walking the
    /// creator's own few enrollments, latest first. A dictionary keyed by creator and wave hashed
    /// every one of a million enrollments, and again for every credited order, shipment and asset:
    /// a third of building the ledger of a million creators.
    struct CreatorWaveRows {
        /// Where each creator's chain of enrollments starts (its latest), -1 for none.
        private var latest: [Int32]
        /// Each enrollment's wave (position), its row (-1 where the wave asked for left it out)
        /// and the creator's enrollment before it.
        private var links: [(wave: Int32, row: Int32, earlier: Int32)] = []

        init(creators: Int, enrollments: Int) {
            latest = [Int32](repeating: -1, count: creators)
            links.reserveCapacity(enrollments)
        }

        /// A creator's row in a wave; a second enrollment in the same wave (a broken snapshot's)
        /// is found before the first, as a dictionary's last write would be.
        mutating func add(creator: Int, wave: Int, row: Int32) {
            links.append((Int32(wave), row, latest[creator]))
            latest[creator] = Int32(links.count - 1)
        }

        /// The creator's row in the latest of their waves (its first enrollment, if two), for
        /// orders whose wave is not one of theirs; -1 for none.
        func latestRow(creator: Int) -> Int32 {
            var link = latest[creator], found: (wave: Int32, row: Int32) = (-1, -1)
            while link >= 0 {
                let enrollment = links[Int(link)]
                if enrollment.wave >= found.wave { found = (enrollment.wave, enrollment.row) }
                link = enrollment.earlier
            }
            return found.row
        }

        /// The creator's row in the wave: nil if not enrolled in it, -1 if left out.
        func row(creator: Int, wave: Int) -> Int32? {
            var link = latest[creator]
            while link >= 0 {
                let enrollment = links[Int(link)]
                if enrollment.wave == wave { return enrollment.row }
                link = enrollment.earlier
            }
            return nil
        }
    }

    /// A wave's position by id, the wave found last asked first: enrollments, shipments and
    /// assets come wave by wave, and hashing each one's wave id was a tenth of building the ledger.
    struct WavePositions {
        private let positions: [WaveID: Int]
        private var last: (id: WaveID, position: Int)?

        init(_ waves: EntityTable<Wave>) {
            positions = Dictionary(waves.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { _, later in later })
        }

        mutating func callAsFunction(_ id: WaveID) -> Int? {
            if let last, last.id == id { return last.position }
            guard let position = positions[id] else { return nil }
            last = (id, position)
            return position
        }
    }
}
