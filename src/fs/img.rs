//! The image-space backend (图床) over [`api::Client`], shaped like [`super::pan::PanFs`]:
//! listings streamed to the pane in growing batches (pages of 100 until the cursor says
//! `"-1"`), a short-lived folder cache patched by the changes panfm makes, details with the
//! public URLs, and API errors mapped to [`FsError`] kinds. Changes live in `img_ops`.

use super::listing::{self, ListingCache};
use super::pan::to_fs_error;
use super::{DirRef, Entry, EntryKey, FsError, Patch};
use crate::api::{self, ImageEntry, TimeWindow};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct ImgFs {
    client: api::Client,
    dirs: Arc<Mutex<ListingCache<String>>>,
    /// Public links learnt from listings (which carry them), so copying the links of a
    /// folder's images needs no detail call per image.
    links: Arc<Mutex<HashMap<String, String>>>,
}

impl ImgFs {
    pub fn new(client: api::Client) -> Self {
        Self {
            client,
            dirs: Arc::default(),
            links: Arc::default(),
        }
    }

    /// The public link of image `id`: from the last listing that showed it, else asked for.
    pub async fn link(&self, id: &str) -> Result<Option<String>, FsError> {
        let known = self
            .links
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(id)
            .cloned();
        if let Some(url) = known {
            return Ok(Some(url));
        }
        Ok(public_url(&self.detail(id).await?))
    }

    pub fn client(&self) -> &api::Client {
        &self.client
    }

    /// Lists image folder `dir` (`""` = root), handing entries to `sink` in batches; `sink`
    /// returns `false` to stop. With `fresh` the cache is bypassed.
    pub async fn list(
        &self,
        dir: &str,
        fresh: bool,
        mut sink: impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<(), FsError> {
        if !fresh {
            let cached = self.lock().fresh(dir);
            if let Some(entries) = cached {
                sink(entries);
                return Ok(());
            }
        }
        // The client already ends on "-1", an empty page or a cursor that does not move;
        // `stream` ends a cycle.
        let page = |cursor: Option<String>| async move {
            let page = self
                .client
                .image_list_page(dir, TimeWindow::default(), cursor.as_deref())
                .await
                .map_err(to_fs_error)?;
            self.learn_links(&page.entries);
            Ok((page.entries.iter().map(to_entry).collect(), page.next))
        };
        let epoch = self.lock().epoch();
        let mut all = Vec::new();
        let complete = listing::stream(page, |batch| {
            all.extend(batch.iter().cloned());
            sink(batch)
        })
        .await?;
        if complete {
            self.lock().put(dir.to_owned(), all, epoch);
        }
        Ok(())
    }

    /// Remembers the public links a listing page carries.
    fn learn_links(&self, entries: &[ImageEntry]) {
        let mut links = self
            .links
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for e in entries.iter().filter(|e| !e.is_dir()) {
            if let Some(url) = public_url(e) {
                links.insert(e.id.clone(), url);
            }
        }
    }

    /// One image or folder, with its URLs.
    pub async fn detail(&self, id: &str) -> Result<ImageEntry, FsError> {
        self.client.image_detail(id).await.map_err(to_fs_error)
    }

    /// Forgets cached listings of `dirs` (after anything changed in them).
    pub fn invalidate(&self, dirs: &[&str]) {
        let mut cache = self.lock();
        for d in dirs {
            cache.forget(*d);
        }
    }

    pub fn forget_all(&self) {
        self.lock().clear();
    }

    /// Applies `patch` to the cached listings; folders it names for a re-list are forgotten.
    pub fn apply(&self, patch: &Patch) {
        let mut cache = self.lock();
        for p in &patch.dirs {
            if let DirRef::Images(dir) = &p.dir {
                cache.patch(dir.as_str(), p);
            }
        }
        if !patch.gone.is_empty() {
            let gone: HashSet<EntryKey> = patch.gone.iter().cloned().collect();
            cache.remove_everywhere(&gone, |id| EntryKey::Image(id.clone()));
        }
        for dir in &patch.relist {
            if let DirRef::Images(id) = dir {
                cache.forget(id.as_str());
            }
        }
    }

    /// The entries of `ids` in `dir`'s cached listing (however old).
    pub(super) fn cached_entries(&self, dir: &str, ids: &[String]) -> Vec<Entry> {
        let keys: HashSet<EntryKey> = ids.iter().map(|id| EntryKey::Image(id.clone())).collect();
        self.lock().find(dir, &keys)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ListingCache<String>> {
        // A panic while holding this lock leaves only cache data behind; keep using it.
        self.dirs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

pub fn to_entry(f: &ImageEntry) -> Entry {
    let mtime = f.updated_at.or(f.created_at).map(|t| t.timestamp());
    let key = EntryKey::Image(f.id.clone());
    let mut e = Entry::remote(key, &f.name, f.is_dir(), f.size, mtime, &f.etag);
    e.blocked = f.is_rejected();
    e
}

/// The link to publish for an image: the account's own domain when it has one, else the
/// public `downloadURL`. `None` for folders and images without either.
pub fn public_url(f: &ImageEntry) -> Option<String> {
    f.user_self_url
        .clone()
        .or_else(|| f.download_url.clone())
        .filter(|u| !u.trim().is_empty())
}

/// The Markdown image line for `name` at `url`: `![name](url)`, with the characters that would
/// end the alt text or the link escaped.
pub fn markdown_link(name: &str, url: &str) -> String {
    let mut alt = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '[' | ']' | '\\') {
            alt.push('\\');
        }
        alt.push(c);
    }
    let url = url
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29");
    format!("![{alt}]({url})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_alt_text_and_url() {
        assert_eq!(
            markdown_link("cat.png", "https://x/1.png"),
            "![cat.png](https://x/1.png)"
        );
        assert_eq!(
            markdown_link("a [b].png", "https://x/a b(1).png"),
            "![a \\[b\\].png](https://x/a%20b%281%29.png)"
        );
    }
}
