import ChorusConcurrency

/// A file read from its start a window at a time, so that a collection file of a few hundred
/// megabytes is decoded without ever being held whole: `bytes` are the file from `start` on, as
/// far as it has been read, and the reader drops what it has decoded before reading on.
struct FileWindow {
    let path: String
    let fileSystem: any FileSystem
    /// Bytes read at a time.
    let size: Int
    private(set) var bytes: [UInt8] = []
    /// Where `bytes` begin in the file.
    private(set) var start = 0
    /// Whether `bytes` reach the end of the file.
    private(set) var isAtEnd = false
    /// The window `readAhead(from:)` is reading on another thread, and where in the file it starts.
    private var ahead: (offset: Int, read: BackgroundWork<Result<[UInt8], any Error>>)?
    /// The window last dropped, whose memory the next read fills (`readFile(…reusing:)`) rather
    /// than fresh pages; let go once the file is read to its end.
    private var spare: [UInt8] = []

    init(path: String, fileSystem: any FileSystem, size: Int) {
        self.path = path
        self.fileSystem = fileSystem
        self.size = max(1, size)
    }

    /// Reads the next window onto the end of `bytes`; a short read is the end of the file. A
    /// window read ahead from there is taken as it is; one read ahead from elsewhere is waited
    /// for and forgotten, so no read outlives the decoding it was for.
    mutating func readOn() throws {
        let offset = start + bytes.count
        let early = ahead.map { (offset: $0.offset, read: $0.read.wait()) }
        ahead = nil
        let next: [UInt8]
        if let early, early.offset == offset { next = try early.read.get() } else {
            next = try fileSystem.readFile(at: path, offset: offset, count: size, reusing: Self.take(&spare))
        }
        isAtEnd = next.count < size
        if isAtEnd { spare = [] }
        if bytes.isEmpty { bytes = next } else { bytes += next }
    }

    /// Starts reading the window that begins at `bytes[index]` on another thread, for the
    /// `readOn` after `drop(before: index)`: the read (copying 16 MB out of the page cache) then
    /// overlaps the decoding of the rows before `index` rather than leaving the other cores
    /// idle between windows, a tenth of opening a million creators. A file system that reads one
    /// file at a time reads when asked instead: fault injection numbers its steps, and a fault
    /// injected into a read ahead that is not taken up would be lost and move the steps after.
    mutating func readAhead(from index: Int) {
        guard fileSystem.readsFilesConcurrently else { return }
        let (path, fileSystem, offset, size) = (path, fileSystem, start + index, size)
        if let ahead { _ = ahead.read.wait() }
        // Handed over, not shared: the read may fill the spare's memory only while nothing else holds it.
        nonisolated(unsafe) var handedOver = Self.take(&spare)
        ahead = (offset, BackgroundWork { Result { try fileSystem.readFile(at: path, offset: offset, count: size, reusing: Self.take(&handedOver)) } })
    }

    /// Waits for a window being read ahead and forgets it: a reading that fails leaves no read
    /// running after it.
    mutating func settle() {
        if let ahead { _ = ahead.read.wait() }
        ahead = nil
    }

    /// Forgets `bytes` before `index`, and the rest too: the next `readOn` starts at `index`, so
    /// the row the window's end cut is read again from the file (a few hundred bytes). Keeping
    /// it instead meant appending the next window to it, a second window-sized buffer beside
    /// the one just read, at the moment the decoded rows take most memory.
    mutating func drop(before index: Int) {
        start += index
        if !isAtEnd { spare = Self.take(&bytes) } else { bytes = [] }
    }

    /// `array`'s value, leaving it empty, so the value returned is its only holder.
    private static func take(_ array: inout [UInt8]) -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &array)
        return taken
    }

    /// The 1-based line of `bytes[index]`. The lines before `start` are counted by reading the
    /// file up to it again, which only an error message needs; nil if that read fails.
    func line(of index: Int) -> Int? {
        var newlines = bytes.withUnsafeBytes { CollectionFile.newlines(in: UnsafeRawBufferPointer(rebasing: $0[0..<min(index, $0.count)])) }
        var offset = 0
        while offset < start {
            guard let earlier = try? fileSystem.readFile(at: path, offset: offset, count: min(size, start - offset)), !earlier.isEmpty else { return nil }
            newlines += earlier.withUnsafeBytes { CollectionFile.newlines(in: $0) }
            offset += earlier.count
        }
        return 1 + newlines
    }
}
