#if canImport(Glibc)
import Glibc
#endif

/// glibc's malloc, tuned where its defaults keep memory the process has freed. Its functions
/// are looked up at run time: Swift's Glibc module does not export `malloc.h`.
public enum SystemAllocator {
    /// Bytes from which a block gets pages of its own, handed back to the system when freed.
    /// glibc starts at 128 KB but raises the threshold to the size of any such block freed, up
    /// to 32 MB: once opening has freed its first 16 MB file window, every array below 16 MB
    /// (windows' rows, indexes, per-core pieces) comes from the heap, which keeps what they
    /// free, and the order history's load peaked ~50 MB higher at 100k creators / 1M orders.
    /// Setting it fixes it (and the trim threshold) where it is.
    public static let ownPagesFrom = 4 << 20

    /// Keeps blocks of `ownPagesFrom` bytes or more on pages of their own for the whole
    /// process; call once, first thing.
    public static func giveLargeBlocksTheirOwnPages() {
        typealias SetOption = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in malloc.h
        guard let symbol = function("mallopt") else { return }
        _ = unsafeBitCast(symbol, to: SetOption.self)(mmapThreshold, Int32(ownPagesFrom))
    }

    /// Gives memory freed so far back to the system (`malloc_trim(0)`).
    public static func returnFreedMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = function("malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    private static func function(_ name: String) -> UnsafeMutableRawPointer? {
        #if canImport(Glibc)
        return dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
        #else
        return nil
        #endif
    }
}
