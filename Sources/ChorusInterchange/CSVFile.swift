import Foundation

/// A CSV file on disk, read a window at a time by position.
///
/// A million-order Shopify export is half a gigabyte; held whole while its orders are built,
/// it alone pushed an import past a gigabyte of memory. Read in windows, only the window each
/// core is reading is in memory. Reads go through `pread`, not a memory map, so a file that is
/// cut short while it is read is reported as an error instead of crashing the process.
public final class CSVFile: Sendable {
    /// Why the file cannot be opened or read, in the system's words ("No such file or directory").
    public struct Unreadable: Error {
        public let reason: String
    }

    private let descriptor: Int32
    /// The file's size when it was opened: what is read, even if the file grows meanwhile.
    public let count: Int
    /// How many bytes a reader reads at a time (more when one row is longer).
    let windowSize: Int
    /// When the file was last written, as it was opened. (Not the inode's change time: a
    /// `chmod`, a `mv` or a sync client's extended attributes move it with the rows untouched.)
    private let modified: timespec

    /// Opens a regular file for reading.
    public init(path: String, windowSize: Int = 1 << 20) throws(Unreadable) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw Unreadable(reason: "not a regular file")
        }
        self.descriptor = descriptor
        self.count = Int(status.st_size)
        self.windowSize = max(1, windowSize)
        modified = status.st_mtim
    }

    /// Whether the file was written to since it was opened. Read in windows, an export that a
    /// browser or a script is still writing could yield rows half old and half new; an import
    /// checks this after reading and refuses rather than apply them.
    public var changedSinceOpened: Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return true }
        return Int(status.st_size) != count || status.st_mtim.tv_sec != modified.tv_sec || status.st_mtim.tv_nsec != modified.tv_nsec
    }

    deinit { close(descriptor) }

    /// The whole file in one array, for the imports of files small enough to hold.
    public func readAll() throws(Unreadable) -> [UInt8] {
        var bytes: [UInt8] = []
        try read(0..<count, into: &bytes)
        return bytes
    }

    /// Reads `range` into the start of `buffer`, which grows when it is shorter and is otherwise
    /// reused (its bytes past `range.count` are left as they were).
    func read(_ range: Range<Int>, into buffer: inout [UInt8]) throws(Unreadable) {
        if buffer.count < range.count {
            buffer = [UInt8](unsafeUninitializedCapacity: range.count) { _, initialized in initialized = range.count }
        }
        var failure: Int32 = 0
        var done = 0
        buffer.withUnsafeMutableBytes { target in
            while done < range.count {
                let got = pread(descriptor, target.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno; return }
                if got == 0 { return }
                done += got
            }
        }
        guard failure == 0 else { throw Unreadable(reason: String(cString: strerror(failure))) }
        guard done == range.count else { throw Unreadable(reason: "the file got shorter while it was read") }
    }
}
