/// The manifest's `journalSequence` against the journal's segments: the snapshot includes the
/// entries through it, and the first segment begins right after it.
///
/// A sequence raised by hand would make replay skip entries nobody undid; one lowered would
/// replay entries the snapshot already holds. Either is named on open (and so by `chorus
/// check`) and nothing is written. Layouts from before segments are not checked: their one
/// journal could keep entries the snapshot includes after a crash mid-compaction.
enum SegmentPositions {
    static func check(_ manifest: Manifest, entries: [JournalEntry], folder: String,
                      location: (Int) -> (file: String, line: Int?)) throws {
        guard manifest.segments != nil else { return }
        let path = folder + "/" + Manifest.fileName
        let through = manifest.journalSequence
        let first = manifest.journalSegments[0]
        let restore = "the workspace was left as it is — put \"journalSequence\" back to \(first.first - 1), or restore \(Manifest.fileName) from a backup"
        if let skipped = entries.first(where: { $0.seq <= through }) {
            let place = location(skipped.seq)
            let line = place.line.map { ", line \($0)" } ?? ""
            throw StoreError(.corrupt, file: path, "says its snapshot includes the journal through entry \(through), but entry \(skipped.seq) "
                             + "(by \(skipped.actor) at \(skipped.at), \(place.file)\(line)) is not in it: the sequence was raised outside "
                             + "Chorus, and opening would skip that entry; " + restore)
        }
        guard first.first == through + 1 else {
            throw StoreError(.corrupt, file: path, "says its snapshot includes the journal through entry \(through), but the journal "
                             + "(\(first.file)) begins at entry \(first.first): the sequence was changed outside Chorus; " + restore)
        }
    }
}
