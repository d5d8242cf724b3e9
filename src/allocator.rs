//! What the reader asks of the system allocator so that memory it is done with
//! goes back to the system: a big brief's extraction builds and frees hundreds
//! of megabytes, and glibc would otherwise keep much of it for reuse.

/// Blocks of 1 MiB and more are mapped on their own and unmapped when freed.
/// glibc raises this threshold (up to 32 MiB) each time such a block is freed,
/// after which big temporaries are carved from the heap and their pages kept.
/// Measured on a 100 MB brief: peak 220 → 202 MB, resident once loaded 196 → 189 MB.
pub fn map_big_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; no memory is touched.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// Returns the free pages the allocator still holds (after extraction).
pub fn give_back_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}
