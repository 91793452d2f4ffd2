//! Slice buffers, reused: each upload slice is read into a buffer from here and the buffer
//! comes back once the request that sent it is gone. Without reuse every slice would be a fresh
//! multi-megabyte allocation on some blocking thread, and the allocator tends to keep such
//! memory around per thread; with it, slice memory stays at `workers × slice_parallelism`
//! buffers of the slice size.

use std::sync::Mutex;

use bytes::{Bytes, BytesMut};

pub(crate) struct BufferPool {
    free: Mutex<Vec<BytesMut>>,
    keep: usize,
}

impl BufferPool {
    pub fn new(keep: usize) -> Self {
        Self {
            free: Mutex::new(Vec::new()),
            keep,
        }
    }

    /// A zeroed buffer of `len` bytes.
    pub fn take(&self, len: usize) -> BytesMut {
        let reused = self.free.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut buf = reused.unwrap_or_default();
        buf.clear();
        buf.resize(len, 0);
        buf
    }

    /// Returns a buffer handed out as `bytes`, if nobody else holds it any more.
    pub fn give(&self, bytes: Bytes) {
        if let Ok(buf) = bytes.try_into_mut() {
            let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
            if free.len() < self.keep {
                free.push(buf);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_come_back_only_when_unshared_and_up_to_the_cap() {
        let pool = BufferPool::new(1);
        let a = pool.take(1000).freeze();
        let ptr = a.as_ptr();
        let shared = a.clone();
        pool.give(a);
        assert_ne!(pool.take(1000).as_ptr(), ptr, "still shared: not reused");
        pool.give(shared);
        let b = pool.take(10);
        assert_eq!((b.as_ptr(), b.len()), (ptr, 10));
        pool.give(b.freeze());
        pool.give(pool.take(5).freeze());
        assert_eq!(pool.free.lock().unwrap().len(), 1);
    }
}
