#if canImport(Glibc)
    import Glibc
#endif

/// How freed memory goes back to the system. glibc's functions are found at run time: Swift's
/// Glibc module leaves `malloc.h` out.
package enum MemoryReturn {
    /// Every block of a megabyte or more gets pages of its own, returned when it is freed.
    ///
    /// glibc's default raises that threshold to the size of each large block freed (up to
    /// 32 MB) and then keeps such blocks in its heap once freed: an outsized file's work frees
    /// and makes many arrays of a few megabytes (each run's links, findings, pages), and the
    /// heap kept 80 to 90 MB of them past their use at the peak of checking or building a
    /// 50 MB issue. The cost is fresh pages for each such block, a few percent of the time of
    /// those runs and nothing measurable on the archive, where blocks are small.
    package static func configure() {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in glibc's malloc.h
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 1 << 20)
        #endif
    }

    /// Gives the heap's free pages back (`malloc_trim`), after an outsized file's work freed many
    /// small blocks that what follows will not reuse: the check of a 50 MB issue lets its model
    /// go (a hundred megabytes of small blocks) before it makes its links, whose arrays take
    /// pages of their own, and the freed heap was 30 MB of its peak. It walks the heap, a few
    /// milliseconds: not for every file of an archive.
    package static func returnFreedPages() {
        #if canImport(Glibc)
            typealias Trim = @convention(c) (Int) -> Int32
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
