import Foundation

/// Starts the disk writing a big file's bytes while the rest of it is still being made, so that
/// the `fsync` which makes it durable finds little left to write.
///
/// A big import writes a staged batch of half a gigabyte and a snapshot of a few hundred
/// megabytes, each encoded on all cores over seconds; written plainly, the kernel held most of
/// it dirty and the closing `fsync` waited on the disk for all of it (0.8 s for the batch) with
/// the cores idle. Here each stretch of `stretch` bytes is handed to the disk
/// (`sync_file_range`) once written, after waiting for the one before: at most two stretches
/// are dirty at a time. It changes when the bytes reach the disk, never which bytes or the
/// `fsync` that makes them durable. Where the call is not available (not Linux) it does nothing.
struct WriteBehind {
    private let fd: Int32
    private let stretch: Int
    /// Bytes written to the file so far.
    private var written = 0
    /// Where the bytes not yet handed to the disk begin, and the stretch handed over last.
    private var started = 0
    private var previous: Range<Int>?

    init(fd: Int32, stretch: Int = 16 << 20) {
        self.fd = fd
        self.stretch = stretch
    }

    /// Notes `count` more bytes written, handing a full stretch to the disk.
    mutating func wrote(_ count: Int) {
        written += count
        guard written - started >= stretch, let syncRange = Self.syncRange else { return }
        // Failures are ignored: the closing fsync still writes, and reports, whatever is left.
        if let previous { _ = syncRange(fd, Int64(previous.lowerBound), Int64(previous.count), Self.waitForWriting) }
        _ = syncRange(fd, Int64(started), Int64(written - started), Self.startWriting)
        previous = started..<written
        started = written
    }

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// `SYNC_FILE_RANGE_WRITE`, and the same between `WAIT_BEFORE` and `WAIT_AFTER` (linux/fs.h).
    private static let startWriting: UInt32 = 2
    private static let waitForWriting: UInt32 = 1 | 2 | 4

    /// Linux's `sync_file_range`, which Swift's Glibc module does not declare.
    private static let syncRange: SyncFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: SyncFileRange.self)
        #else
        return nil
        #endif
    }()
}
