//! Cloud folders an upload needs: found by listing, or made with mkdir (a clash means someone
//! made it meanwhile: list again and take its id), with every folder's children remembered so
//! name conflicts are known before a file is hashed. Also the retry wrapper planning calls
//! share with jobs, which looks before it repeats a call that creates something.

use std::collections::{HashMap, HashSet};

use tokio_util::sync::CancellationToken;

use super::super::config::TransferConfig;
use super::super::error::{TransferError, TransferErrorKind};
use super::super::scheduler::backoff;
use super::super::work::Existing;
use crate::api::{ApiError, ApiErrorKind, Client, FileId};

/// Repeats API calls that fail transiently, up to `job_attempts` times, and stops when the
/// token fires.
#[derive(Clone, Copy)]
pub(crate) struct Retry<'a> {
    pub cfg: &'a TransferConfig,
    pub cancel: &'a CancellationToken,
}

/// How a call that creates something ended: with the server's answer, or with the thing
/// found in place after an answer was lost.
pub(crate) enum Created<T, U> {
    Answered(T),
    Found(U),
}

impl Retry<'_> {
    pub async fn call<T, F, Fut>(&self, mut f: F) -> Result<T, TransferError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let mut tries = 1;
        loop {
            match self.attempt(f()).await? {
                Ok(v) => return Ok(v),
                Err(e) if e.is_retryable() && tries < self.cfg.job_attempts => {
                    self.pause(&e, &mut tries).await?;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Like [`Retry::call`] for a call that creates something (mkdir, create, copy): a
    /// transient failure leaves open whether the server acted — the reply may have been lost
    /// on the way back — so `look` checks the target first, and the call is only sent again
    /// when it finds nothing. Repeating blindly would leave a second, suffixed copy.
    pub async fn call_creating<T, U, F, Fut, L, LFut>(
        &self,
        mut send: F,
        mut look: L,
    ) -> Result<Created<T, U>, TransferError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
        L: FnMut() -> LFut,
        LFut: Future<Output = Result<Option<U>, TransferError>>,
    {
        let mut tries = 1;
        loop {
            match self.attempt(send()).await? {
                Ok(v) => return Ok(Created::Answered(v)),
                Err(e) if e.is_retryable() && tries < self.cfg.job_attempts => {
                    self.pause(&e, &mut tries).await?;
                    if e.kind == ApiErrorKind::Transient
                        && let Some(found) = look().await?
                    {
                        tracing::debug!("{} had taken effect; not sent again", e.endpoint);
                        return Ok(Created::Found(found));
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    async fn attempt<T>(&self, call: impl Future<Output = T>) -> Result<T, TransferError> {
        tokio::select! {
            r = call => Ok(r),
            () = self.cancel.cancelled() => Err(TransferError::stopped()),
        }
    }

    async fn pause(&self, e: &ApiError, tries: &mut u32) -> Result<(), TransferError> {
        tracing::debug!(tries, "retrying {}: {e}", e.endpoint);
        let delay = backoff(self.cfg, *tries - 1);
        *tries += 1;
        self.attempt(tokio::time::sleep(delay)).await
    }
}

pub(crate) type Listing = HashMap<String, (FileId, Existing)>;

/// Cloud folders below a root, by their path of names.
pub(crate) struct CloudDirs<'a> {
    client: &'a Client,
    retry: Retry<'a>,
    ids: HashMap<Vec<String>, FileId>,
    listings: HashMap<FileId, Listing>,
    /// Folders made here: known to be empty without asking.
    made: HashSet<FileId>,
    /// `(parent, id)` of the folders made since `take_made`, to report.
    fresh: Vec<(FileId, FileId)>,
}

impl<'a> CloudDirs<'a> {
    pub fn new(client: &'a Client, retry: Retry<'a>, root: FileId) -> Self {
        Self {
            client,
            retry,
            ids: HashMap::from([(Vec::new(), root)]),
            listings: HashMap::new(),
            made: HashSet::new(),
            fresh: Vec::new(),
        }
    }

    /// `(parent, id)` of the folders made since the last call.
    pub fn take_made(&mut self) -> Vec<(FileId, FileId)> {
        std::mem::take(&mut self.fresh)
    }

    /// The children of `dir`, listed once.
    pub async fn listing(&mut self, dir: FileId) -> Result<&Listing, TransferError> {
        if !self.listings.contains_key(&dir) {
            let listing = match self.made.contains(&dir) {
                true => Listing::new(),
                false => self.fetch(dir).await?,
            };
            self.listings.insert(dir, listing);
        }
        self.listings
            .get(&dir)
            .ok_or_else(|| TransferError::new(TransferErrorKind::State, "listing vanished"))
    }

    async fn fetch(&self, dir: FileId) -> Result<Listing, TransferError> {
        let entries = self.retry.call(|| self.client.list_all(dir)).await?;
        Ok(entries
            .into_iter()
            .map(|e| {
                let existing = Existing {
                    is_dir: e.is_dir(),
                    size: e.size,
                };
                (e.name, (e.id, existing))
            })
            .collect())
    }

    /// The id of the folder at `rel`, making it and any missing parent.
    pub async fn ensure(&mut self, rel: &[String]) -> Result<FileId, TransferError> {
        if let Some(&id) = self.ids.get(rel) {
            return Ok(id);
        }
        let Some((name, parent_rel)) = rel.split_last() else {
            return Err(TransferError::new(
                TransferErrorKind::State,
                "no root folder",
            ));
        };
        let parent = Box::pin(self.ensure(parent_rel)).await?;
        let found = self.listing(parent).await?.get(name).copied();
        let id = match found {
            Some((id, e)) if e.is_dir => id,
            Some(_) => return Err(in_the_way(name)),
            None => self.make(parent, name).await?,
        };
        self.ids.insert(rel.to_vec(), id);
        Ok(id)
    }

    async fn make(&mut self, parent: FileId, name: &str) -> Result<FileId, TransferError> {
        let made = self
            .retry
            .call_creating(
                || self.client.mkdir(parent, name),
                || self.find_dir(parent, name),
            )
            .await;
        let (id, known_empty) = match made {
            Ok(Created::Found(id)) => (id, false),
            Ok(Created::Answered(id)) => (id, true),
            // Made meanwhile (or by an earlier attempt whose answer was lost): take it.
            Err(e) if e.kind == TransferErrorKind::Api(ApiErrorKind::Conflict) => {
                let listing = self.fetch(parent).await?;
                let found = listing.get(name).copied();
                self.listings.insert(parent, listing);
                return match found {
                    Some((id, e)) if e.is_dir => Ok(id),
                    _ => Err(in_the_way(name)),
                };
            }
            Err(e) => return Err(e),
        };
        if known_empty {
            self.made.insert(id);
        }
        self.fresh.push((parent, id));
        let dir = Existing {
            is_dir: true,
            size: 0,
        };
        if let Some(listing) = self.listings.get_mut(&parent) {
            listing.insert(name.to_owned(), (id, dir));
        }
        Ok(id)
    }
}

impl CloudDirs<'_> {
    /// The folder `name` in `parent`, if one is there now.
    async fn find_dir(&self, parent: FileId, name: &str) -> Result<Option<FileId>, TransferError> {
        let listing = self.fetch(parent).await?;
        Ok(listing
            .get(name)
            .filter(|(_, e)| e.is_dir)
            .map(|(id, _)| *id))
    }
}

fn in_the_way(name: &str) -> TransferError {
    TransferError::new(
        TransferErrorKind::Api(ApiErrorKind::Conflict),
        format!("a file named `{name}` is where the folder should be"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Auth, ClientConfig, Credentials};
    use crate::mock::{MockConfig, MockServer};

    #[tokio::test]
    async fn a_folder_made_meanwhile_is_taken_after_the_mkdir_clash() {
        let mock = MockServer::start(MockConfig::default()).await.unwrap();
        mock.set_knobs(|k| k.qps_limits = false);
        let creds = Credentials::new(mock.client_id(), mock.client_secret());
        let mut cfg = ClientConfig::new(Auth::Credentials(creds));
        cfg.base_url = mock.base_url().to_owned();
        let client = Client::new(cfg).unwrap();
        let config = TransferConfig::default();
        let cancel = CancellationToken::new();
        let retry = Retry {
            cfg: &config,
            cancel: &cancel,
        };
        let mut dirs = CloudDirs::new(&client, retry, 0);
        assert!(dirs.listing(0).await.unwrap().is_empty());
        let theirs = mock.put_dir(0, "a").unwrap();
        let rel = ["a".to_owned(), "b".to_owned()];
        let b = dirs.ensure(&rel).await.unwrap();
        assert_eq!(mock.entry(b).unwrap().parent, theirs);
        assert_eq!(dirs.ensure(&rel[..1]).await.unwrap(), theirs);
        let stats = mock.stats();
        assert_eq!(
            stats.calls_to("/upload/v1/file/mkdir"),
            2,
            "a (clash) and a/b"
        );
        mock.put_file(0, "f", b"x").await.unwrap();
        let mut fresh = CloudDirs::new(&client, retry, 0);
        let err = fresh.ensure(&["f".to_owned()]).await.unwrap_err();
        assert!(
            err.message.contains("is where the folder should be"),
            "{err}"
        );
    }
}
