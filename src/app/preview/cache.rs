//! File heads read for the panel, the least recently used dropped first. An entry is found by
//! what it is read from and by its size, etag and date, so a file that changed (an upload over
//! it, a local save) misses and is read again.

use super::head::Head;
use crate::fs::Entry;
use crate::fs::read::Source;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    source: Source,
    size: u64,
    etag: Option<String>,
    mtime: Option<i64>,
}

impl Key {
    pub fn of(source: &Source, entry: &Entry) -> Self {
        Self {
            source: source.clone(),
            size: entry.size,
            etag: entry.etag.clone(),
            mtime: entry.mtime,
        }
    }
}

/// At most `max` heads, most recently used last.
#[derive(Debug, Clone)]
pub struct Cache {
    max: usize,
    held: Vec<(Key, Head)>,
}

impl Default for Cache {
    fn default() -> Self {
        Self::new(super::CACHED)
    }
}

impl Cache {
    pub fn new(max: usize) -> Self {
        Self {
            max: max.max(1),
            held: Vec::new(),
        }
    }

    /// The head kept for `key`, marked as just used.
    pub fn get(&mut self, key: &Key) -> Option<Head> {
        let at = self.held.iter().position(|(k, _)| k == key)?;
        let item = self.held.remove(at);
        let head = item.1.clone();
        self.held.push(item);
        Some(head)
    }

    pub fn put(&mut self, key: Key, head: Head) {
        self.held.retain(|(k, _)| *k != key);
        if self.held.len() >= self.max {
            self.held.remove(0);
        }
        self.held.push((key, head));
    }

    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::file;

    fn head(n: u8) -> Head {
        Head::new("f", Source::Cloud(1), &[n; 4], 4)
    }

    #[test]
    fn least_used_goes_first_and_a_changed_file_misses() {
        let mut c = Cache::new(2);
        let (a, b, d) = (Source::Cloud(1), Source::Cloud(2), Source::Cloud(3));
        let f = file("x", 4);
        c.put(Key::of(&a, &f), head(1));
        c.put(Key::of(&b, &f), head(2));
        assert!(c.get(&Key::of(&a, &f)).is_some());
        c.put(Key::of(&d, &f), head(3));
        assert_eq!(c.len(), 2);
        assert!(c.get(&Key::of(&b, &f)).is_none(), "b was least used");
        assert!(c.get(&Key::of(&a, &f)).is_some());
        let mut changed = f.clone();
        changed.etag = Some("0123".into());
        assert!(c.get(&Key::of(&a, &changed)).is_none());
        changed = file("x", 5);
        assert!(c.get(&Key::of(&a, &changed)).is_none());
    }
}
