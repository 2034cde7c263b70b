import Foundation

/// Gathers a file's pieces into stretches and writes each full stretch straight to the disk
/// (`O_DIRECT`), past the page cache; what is left after the last full stretch (all of a file
/// smaller than one) is written through the page cache at the end.
///
/// A big import's staged batch (217 MB for a million orders) went through the page cache: the
/// kernel copied every byte into pages it had to find first, on the one thread that writes,
/// a third of the import's staging (0.3–0.45 s of CPU) while the other core waited to hand it
/// the next piece; the closing `fsync` then waited for the disk anyway. Written directly, the
/// disk takes the bytes from this buffer (0.1–0.2 s of the device's time, hardly any CPU) and
/// the `fsync` finds nothing left. The file is read afterwards from the disk rather than from
/// memory: by a colleague's console and the next opening, each a window at a time while the
/// windows before decode.
///
/// The disk wants whole blocks at aligned addresses and offsets, so stretches are whole
/// multiples of `alignment` in page-aligned buffers. Where a file system refuses direct
/// writes (tmpfs before Linux 6.6, overlayfs), or a direct write comes back short, the rest
/// goes through the page cache, handed on to the disk as it comes (`WriteBehind`).
///
/// Each stretch is written on a thread of its own while the next is gathered: a direct write
/// waits for the disk, and the core that made the pieces would otherwise wait with it.
///
/// A disk keeps what it was handed directly in its own cache until it is told to keep it for
/// good, which the closing `fsync` did for the whole batch at once: 0.27–0.32 s with both cores
/// idle, a tenth of the import. So every `flushEvery` bytes gone direct, `fdatasync` is called
/// on a third thread while the next stretches are made and written, and the closing `fsync`
/// finds one flush's worth left. A direct write waits for a flush running beside it (50 ms
/// rather than 12 for 8 MB), so stretches queue for the writing thread in a ring of buffers
/// rather than one buffer beside the one gathering: the pieces keep coming meanwhile.
final class DirectWrites: @unchecked Sendable {
    // Sendable by hand-over: the stretches out for writing and what the writing thread changes
    // (`isDirect`, `wentDirect`, `directRefused`, `behind`, `unflushed`) are touched by that
    // thread only, until `writing.wait()` returns them to the gathering one; `failure` is
    // behind a lock, as the gathering thread looks at it between stretches.

    /// Direct writes' offsets and lengths are multiples of this (buffers are whole pages): the
    /// logical block size of nearly every disk, 512 bytes on the oldest.
    static let alignment = 4096
    /// Gathered before the first direct write: a file smaller than this never goes direct.
    static let defaultStretch = 8 << 20

    /// `write(2)`, or a stand-in that refuses or shortens writes in tests.
    typealias SystemWrite = (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int
    /// `fdatasync(2)`, or a stand-in that counts or fails flushes in tests.
    typealias SystemFlush = (_ fd: Int32) -> Int32

    /// Stretches gathering or queued for the writing thread: enough to ride out a write that
    /// waits for a flush while the next stretches are made.
    static let bufferCount = 4

    /// Bytes gone direct between flushes behind: a few stretches, so that the last flush is short
    /// and each waits on a disk that has had time to take the bytes before it.
    static let defaultFlushEvery = 32 << 20

    private let fd: Int32
    private let path: String
    private let stretch: Int
    private let systemWrite: SystemWrite
    private let systemFlush: SystemFlush
    private let flushEvery: Int
    /// `bufferCount` stretches, mapped together at the first bytes (and never changed after,
    /// as the writing thread reads them): one gathering pieces while the others wait to be
    /// written, in turn. Mapped rather than allocated, so that a small file costs only the pages
    /// it fills and malloc keeps no 8 MB chunks once they are freed.
    private var buffers: [UnsafeMutableRawBufferPointer] = []
    private var gathering = 0
    private var filled = 0
    /// Counts the buffers neither gathering nor queued: the writing thread signals one as it
    /// finishes a stretch, which, written in turn, is always the one after the gathering one.
    private let free = DispatchSemaphore(value: DirectWrites.bufferCount - 1)
    private let writing = DispatchGroup()
    private let writer = DispatchQueue(label: "chorus.direct-writes")
    private let failureLock = NSLock()
    private var storedFailure: Error?
    private var failure: Error? {
        get { failureLock.withLock { storedFailure } }
        set { failureLock.withLock { storedFailure = newValue } }
    }
    /// Bytes gone direct since the last flush began (the writing thread's).
    private var unflushed = 0
    private let flushing = DispatchGroup()
    private let flusher = DispatchQueue(label: "chorus.direct-writes.flush")
    /// The `errno` of a flush behind that failed: the flush reported the failure for the file,
    /// so the closing `fsync` may succeed over bytes that never reached the disk (the flushing
    /// thread's until `flushing.wait()` returns it).
    private var flushFailure: Int32?
    private var behind: WriteBehind
    /// Whether the file is open with `O_DIRECT` now.
    private var isDirect = false
    /// Whether any stretch went to the disk directly; read it after `finish()`.
    private(set) var wentDirect = false
    /// Set once direct writes were refused here, are not known on this machine, or not wanted.
    private var directRefused: Bool

    /// `stretch` must be a multiple of `alignment`; `sync` is `WriteBehind`'s. Without `direct`,
    /// every stretch goes through the page cache: a small file, read again soon, stays there.
    init(fd: Int32, path: String, stretch: Int = DirectWrites.defaultStretch, direct: Bool = true,
         flushEvery: Int = DirectWrites.defaultFlushEvery,
         syncingBehind sync: WriteBehind.SyncFileRange? = WriteBehind.syncFileRange,
         systemWrite: @escaping SystemWrite = { Foundation.write($0, $1, $2) },
         systemFlush: @escaping SystemFlush = { fdatasync($0) }) {
        precondition(stretch > 0 && stretch % Self.alignment == 0, "a stretch is whole blocks")
        self.fd = fd
        self.path = path
        self.stretch = stretch
        self.flushEvery = flushEvery
        self.systemWrite = systemWrite
        self.systemFlush = systemFlush
        directRefused = !direct || Self.directFlag == nil
        behind = WriteBehind(fd: fd, sync: sync)
    }

    deinit {
        settle()
        for buffer in buffers { munmap(buffer.baseAddress, buffer.count) }
    }

    /// Waits for the stretch being written and the flush behind: the caller closes the file
    /// after this, never while another thread may still use it.
    func settle() {
        writing.wait()
        flushing.wait()
    }

    /// Gathers `bytes`, handing each stretch they fill to the writing thread.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { bytes in
            var taken = 0
            while taken < bytes.count {
                // One at a time, so that `deinit` unmaps those mapped before one that failed.
                if buffers.isEmpty { for _ in 0..<Self.bufferCount { buffers.append(try Self.map(stretch, path)) } }
                let buffer = buffers[gathering]
                let count = min(bytes.count - taken, buffer.count - filled)
                (buffer.baseAddress! + filled).copyMemory(from: bytes.baseAddress! + taken, byteCount: count)
                (filled, taken) = (filled + count, taken + count)
                if filled == buffer.count { try handOver() }
            }
        }
    }

    /// Writes what is gathered, through the page cache, so that the file may end anywhere;
    /// the caller's `fsync` makes it durable, the direct stretches' extents and size included.
    /// Throws what writing any stretch threw, and a write-back that failed (which the `fsync`
    /// would no longer report), and a flush behind that failed.
    func finish() throws {
        settle()
        if let failure { throw failure }
        if let flushFailure { throw StoreError.io("fdatasync", path, errno: flushFailure) }
        if isDirect { try setDirect(false) }
        if filled > 0 { try writeAll(UnsafeRawBufferPointer(rebasing: buffers[gathering][..<filled])) }
        filled = 0
        if let failed = behind.failure { throw StoreError.io("sync_file_range", path, errno: failed) }
    }

    /// Queues the full stretch for the writing thread and gathers into the next buffer once it
    /// is free. After a stretch failed, the ones queued behind it are not written.
    private func handOver() throws {
        let full = gathering
        writer.async(group: writing) { [self] in
            defer { free.signal() }
            guard failure == nil else { return }
            do { try writeStretch(UnsafeRawBufferPointer(buffers[full])) } catch { failure = error }
        }
        free.wait()
        if let failure {
            // Nothing is left queued when the error leaves: a queued block holding the last
            // reference would run `deinit` on the writing thread, waiting for itself.
            settle()
            throw failure
        }
        gathering = (gathering + 1) % buffers.count
        filled = 0
    }

    private func writeStretch(_ stretch: UnsafeRawBufferPointer) throws {
        if !isDirect, !directRefused { try? setDirect(true) }
        do {
            try writeAll(stretch)
        } catch is Refused {
            // The flag was taken but the write refused: this stretch goes as usual, and the rest.
            directRefused = true
            try setDirect(false)
            try writeAll(stretch)
        }
        if isDirect { flushBehind(after: stretch.count) }
    }

    /// Starts a flush once `flushEvery` bytes went direct since the last began, unless that
    /// one is still running (the next stretch looks again).
    private func flushBehind(after count: Int) {
        unflushed += count
        guard unflushed >= flushEvery, flushing.wait(timeout: .now()) == .success, flushFailure == nil else { return }
        unflushed = 0
        flusher.async(group: flushing) { [self] in
            if systemFlush(fd) != 0 { flushFailure = errno }
        }
    }

    /// A direct write refused before it wrote anything.
    private struct Refused: Error {}

    private func setDirect(_ on: Bool) throws {
        guard let flag = Self.directFlag else { return }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, on ? flags | flag : flags & ~flag) == 0 else {
            if on { directRefused = true }
            throw StoreError.io("fcntl", path)
        }
        isDirect = on
    }

    /// Writes the bytes at the file's end. A direct write that comes back short may leave
    /// the file's end off a block boundary, which the next direct write would be refused at:
    /// the rest of the stretch goes through the page cache, and the next stretch tries direct
    /// again once the file's end is aligned.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let count = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                let code = errno
                if isDirect, done == 0, code == EINVAL { throw Refused() }
                throw StoreError.io("write", path, errno: code)
            }
            guard count > 0 else { throw StoreError(.io, file: path, "write failed: the file system took no bytes", code: EIO) }
            if isDirect { wentDirect = true; behind.passed(count) } else { behind.wrote(count) }
            done += count
            if isDirect, done < bytes.count { try setDirect(false) }
        }
    }

    private static func map(_ count: Int, _ path: String) throws -> UnsafeMutableRawBufferPointer {
        let address = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let address, address != MAP_FAILED else { throw StoreError.io("mmap", path) }
        return UnsafeMutableRawBufferPointer(start: address, count: count)
    }

    /// `O_DIRECT`, which Swift's Glibc module does not declare (it is behind `_GNU_SOURCE`);
    /// its value differs between architectures (asm/fcntl.h). Nil where it is not known here.
    static let directFlag: Int32? = {
        #if os(Linux) && arch(x86_64)
        return 0o40000
        #elseif os(Linux) && arch(arm64)
        return 0o200000
        #else
        return nil
        #endif
    }()
}
