//! Tables embedded in the binary and read in place: no copy, no parse, only
//! the pages a look-up touches. Shared with `build.rs`, which bakes some of them.

use std::borrow::Cow;

/// Bytes aligned for `u64`, so the tables embedded in them are read in place.
#[repr(C, align(8))]
pub struct Aligned<T: ?Sized>(pub T);

/// `bytes` as a slice of `T` borrowed in place when aligned on a little-endian
/// machine, else decoded into a copy.
pub fn view<T: Copy>(bytes: &'static [u8], decode: fn(&[u8]) -> T) -> Cow<'static, [T]> {
    let size = std::mem::size_of::<T>();
    let aligned = bytes.as_ptr().align_offset(std::mem::align_of::<T>()) == 0;
    if cfg!(target_endian = "little") && aligned && bytes.len().is_multiple_of(size) {
        // SAFETY: `bytes` is 'static, aligned for T and a whole number of T long; T is
        // a plain integer type (u16, u32, u64) for which every bit pattern is valid, and
        // on a little-endian machine the stored little-endian values read as they are.
        let v: &'static [T] =
            unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<T>(), bytes.len() / size) };
        return Cow::Borrowed(v);
    }
    Cow::Owned(bytes.chunks_exact(size).map(decode).collect())
}
