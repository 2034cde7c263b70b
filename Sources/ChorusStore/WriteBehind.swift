import Foundation

/// Starts the disk writing a big file's bytes while the rest of it is still being made, so that
/// the `fsync` which makes it durable finds little left to write.
///
/// A big import writes a staged batch of half a gigabyte and a snapshot of a few hundred
/// megabytes, each encoded on all cores over seconds; written plainly, the kernel held most of
/// it dirty and the closing `fsync` waited on the disk for all of it (0.8 s for the batch) with
/// the cores idle. Here each stretch of `stretch` bytes is handed to the disk
/// (`sync_file_range`) once written, after waiting for the one before: about two stretches are
/// dirty at a time. It changes when the bytes reach the disk, never which bytes.
///
/// Waiting for a stretch reports a failed write-back and marks it reported for the file: the
/// closing `fsync` would then succeed over bytes that never reached the disk. So a failure is
/// kept (`failure`) and the writer must throw it even when `fsync` succeeds. Where the call is
/// not available (not Linux, a file system without it) nothing is handed over early.
struct WriteBehind {
    typealias SyncFileRange = (_ fd: Int32, _ offset: Int64, _ count: Int64, _ flags: UInt32) -> Int32

    private let fd: Int32
    private let stretch: Int
    private var sync: SyncFileRange?
    /// Bytes written to the file so far.
    private var written = 0
    /// Where the bytes not yet handed to the disk begin, and the stretch handed over last.
    private var started = 0
    private var previous: Range<Int>?
    /// The `errno` of the first hand-over or wait that failed; nothing is handed over after it.
    private(set) var failure: Int32?

    /// `sync` stands in for `sync_file_range` in tests.
    init(fd: Int32, stretch: Int = 16 << 20, sync: SyncFileRange? = WriteBehind.syncFileRange) {
        precondition(stretch > 0, "a stretch of no bytes would hand the whole file over at every write")
        self.fd = fd
        self.stretch = stretch
        self.sync = sync
    }

    /// Notes `count` more bytes written, handing a full stretch to the disk.
    mutating func wrote(_ count: Int) {
        written += count
        guard written - started >= stretch, failure == nil, let sync else { return }
        if let previous, !call(sync, previous, Self.waitForWriting) { return }
        guard call(sync, started..<written, Self.startWriting) else { return }
        previous = started..<written
        started = written
    }

    /// Notes `count` more bytes written straight to the disk (see `DirectWrites`): nothing of
    /// them waits in the page cache, so the next stretch handed over starts after them.
    mutating func passed(_ count: Int) {
        written += count
        started = written
    }

    /// Calls `sync` over `range`; false, having noted why, if it failed.
    private mutating func call(_ sync: SyncFileRange, _ range: Range<Int>, _ flags: UInt32) -> Bool {
        if sync(fd, Int64(range.lowerBound), Int64(range.count), flags) == 0 { return true }
        let error = errno
        if [EINVAL, ESPIPE, ENOSYS, EOPNOTSUPP].contains(error) {
            self.sync = nil  // not offered here: the closing fsync writes everything, as it did
        } else {
            failure = error
        }
        return false
    }

    /// `SYNC_FILE_RANGE_WRITE`, and the same between `WAIT_BEFORE` and `WAIT_AFTER` (linux/fs.h).
    static let startWriting: UInt32 = 2
    static let waitForWriting: UInt32 = 1 | 2 | 4

    private typealias CSyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// Linux's `sync_file_range`, which Swift's Glibc module does not declare.
    static var syncFileRange: SyncFileRange? { linuxSyncFileRange.map { call in { call($0, $1, $2, $3) } } }

    private static let linuxSyncFileRange: CSyncFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: CSyncFileRange.self)
        #else
        return nil
        #endif
    }()
}
