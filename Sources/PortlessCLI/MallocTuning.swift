#if canImport(Glibc)
import CPortlessMalloc
#endif

/// glibc's allocator settings for Portless's processes, set once at start. By default glibc serves
/// blocks from 128 KiB up with fresh mappings and gives freed heap back to the kernel early, so a
/// session relaying at full speed faulted in new pages for its buffers over and over (a sixth of
/// the agent's CPU, measured): blocks up to 4 MiB now come from the heap, and up to 64 MiB of free
/// heap is kept for reuse (decision 113).
enum MallocTuning {
    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        #endif
    }
}
