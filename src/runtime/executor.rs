//! Runs effects: each becomes a tokio task (or a blocking-pool job for local disk I/O) that
//! reports back with messages on the one channel. A newer listing for a pane supersedes the
//! older one, which stops at its next page.

use crate::app::{
    Account, CloudMsg, Effect, EntryDetails, ListingMsg, Msg, Side, Ticket, TransferCmd,
    TransferMsg,
};
use crate::fs::img::ImgFs;
use crate::fs::pan::PanFs;
use crate::fs::{FsError, FsErrorKind, Location, TrashListing, local};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

pub struct Executor {
    tx: UnboundedSender<Msg>,
    /// The ticket each side's listing must still carry to keep going.
    current: [Arc<AtomicU64>; 2],
    cloud: Option<PanFs>,
    transfers: Option<crate::transfer::Scheduler>,
    /// The image space, on the cloud's client.
    images: Option<ImgFs>,
    /// For `~` in typed paths.
    home: Option<std::path::PathBuf>,
    /// The undo journal on disk (`undo.json` in the state directory), if it is kept.
    journal: Option<super::journal::Journal>,
    /// Bookmarks and recent places on disk, if they are kept.
    keep: Option<super::keep::Keep>,
    /// Stops the walk of the last upload check when a newer one starts.
    check: CancellationToken,
    /// Stops the count for the last delete question.
    count: CancellationToken,
    /// Stops the running compare's hashing.
    compare: CancellationToken,
    /// The state directory (the undo journal's): where the MD5 cache is kept.
    state_dir: Option<std::path::PathBuf>,
    /// The viewer's reads (its cache of download URLs lives as long as the executor).
    reader: crate::fs::read::Reader,
    /// Where `Effect::LoadTheme` finds user themes, and whether `NO_COLOR` is set.
    themes: Option<(crate::config::Themes, bool)>,
    /// The editor of `config.toml`, or the environment's.
    editor: crate::edit::Editor,
    /// How sizes in fetched details are written (`size_units`).
    units: crate::config::SizeUnits,
}

impl Executor {
    pub fn new(tx: UnboundedSender<Msg>, cloud: Option<PanFs>) -> Self {
        let images = cloud.as_ref().map(|c| ImgFs::new(c.client().clone()));
        let reader = match (&cloud, &images) {
            (Some(c), Some(i)) => crate::fs::read::Reader::new(c.client().clone(), i.clone()),
            _ => crate::fs::read::Reader::local(),
        };
        Self {
            tx,
            current: [Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0))],
            images,
            cloud,
            journal: None,
            keep: None,
            check: CancellationToken::new(),
            count: CancellationToken::new(),
            compare: CancellationToken::new(),
            state_dir: None,
            reader,
            transfers: None,
            home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
            themes: None,
            editor: crate::edit::Editor::from_env(),
            units: crate::config::SizeUnits::Binary,
        }
    }

    pub fn with_themes(mut self, themes: crate::config::Themes, no_color: bool) -> Self {
        self.themes = Some((themes, no_color));
        self
    }

    pub fn with_editor(mut self, editor: crate::edit::Editor) -> Self {
        self.editor = editor;
        self
    }

    pub fn with_units(mut self, units: crate::config::SizeUnits) -> Self {
        self.units = units;
        self
    }

    pub fn editor(&self) -> &crate::edit::Editor {
        &self.editor
    }

    pub fn with_transfers(mut self, scheduler: crate::transfer::Scheduler) -> Self {
        self.transfers = Some(scheduler);
        self
    }

    pub fn transfers(&self) -> Option<&crate::transfer::Scheduler> {
        self.transfers.as_ref()
    }

    pub fn with_undo_file(mut self, file: std::path::PathBuf) -> Self {
        self.state_dir = file.parent().map(std::path::Path::to_path_buf);
        self.journal = Some(super::journal::Journal::new(file));
        self
    }

    pub fn with_keep(mut self, paths: &crate::config::Paths) -> Self {
        self.keep = Some(super::keep::Keep::new(paths));
        self
    }

    /// Runs `effect`; hands back the ones that need the terminal (the runtime's job).
    pub fn run(&mut self, effect: Effect) -> Option<Effect> {
        match effect {
            Effect::EditNames { .. } | Effect::Clipboard { .. } | Effect::Shell { .. } => {
                return Some(effect);
            }
            Effect::Edit(step) => {
                let engine = (self.transfers.clone(), self.cloud.clone());
                return super::edit::run(step, self.tx.clone(), engine).map(Effect::Edit);
            }
            Effect::SaveUndo(history) => {
                if let Some(journal) = &mut self.journal {
                    journal.save(history);
                }
            }
            Effect::Keep(kept) => {
                if let Some(keep) = &mut self.keep {
                    keep.save(kept);
                }
            }
            Effect::Transfer(cmd) => self.transfer(cmd),
            Effect::LoadTheme { name } => {
                let result = match &self.themes {
                    Some((themes, no_color)) => themes.load(&name, *no_color),
                    None => crate::config::Styles::builtin(&name)
                        .ok_or_else(|| format!("unknown theme {name:?}")),
                };
                let _ = self.tx.send(Msg::ThemeLoaded { name, result });
            }
            Effect::Compare(effect) => self.compare(effect),
            Effect::CheckUpload { ticket, spec } => self.check_upload(ticket, spec),
            Effect::CountLocal { ticket, paths } => {
                self.count.cancel();
                self.count = CancellationToken::new();
                super::count::spawn(ticket, paths, self.count.clone(), self.tx.clone());
            }
            Effect::StopCount => self.count.cancel(),
            Effect::Share(effect) => {
                super::shares::spawn(self.cloud.clone(), self.tx.clone(), effect);
            }
            Effect::Read {
                ticket,
                source,
                span,
            } => {
                let (reader, tx) = (self.reader.clone(), self.tx.clone());
                tokio::spawn(async move {
                    let result = reader.read(&source, span).await;
                    let _ = tx.send(Msg::Read {
                        ticket,
                        span,
                        result,
                    });
                });
            }
            Effect::Preview(effect) => {
                let on = super::preview::Backends {
                    reader: self.reader.clone(),
                    cloud: self.cloud.clone(),
                    images: self.images.clone(),
                };
                super::preview::spawn(effect, on, self.tx.clone());
            }
            Effect::FetchImageDetails { .. } | Effect::FetchImageLinks { .. } => {
                super::img_fetch::spawn(self.images.clone(), self.tx.clone(), effect, self.units);
            }
            Effect::Op { id, spec } if spec.touches_images() => {
                let (fs, tx) = (self.images.clone(), self.tx.clone());
                super::img_ops::spawn(id, spec, fs, tx);
            }
            Effect::Complete { text, path } => super::open::complete(
                (self.cloud.clone(), self.images.clone()),
                self.home.clone(),
                self.tx.clone(),
                (text, path),
            ),
            Effect::ResolveDestination { text } => self.cloud_task(move |fs| async move {
                let result = fs.resolve_path(&text).await;
                Msg::Cloud(CloudMsg::Destination { text, result })
            }),
            Effect::Op { id, spec } => {
                let tx = self.tx.clone();
                super::ops::spawn(id, spec, self.cloud.clone(), tx);
            }
            Effect::List {
                side,
                ticket,
                location,
                fresh,
            } => self.list(side, ticket, location, fresh, false),
            Effect::ScanTrash { side, ticket } => {
                self.list(side, ticket, Location::Trash, true, true)
            }
            Effect::Adopt { made, forget } => self.cloud_task(move |fs| async move {
                fs.invalidate(&forget);
                Msg::Patched(fs.adopt(&made).await)
            }),
            Effect::OpenPath {
                side,
                ticket,
                path,
                typed,
            } => {
                super::open::spawn(
                    self.cloud.clone(),
                    self.images.clone(),
                    self.tx.clone(),
                    (side, ticket, path, typed),
                );
            }
            Effect::FetchAccount => self.cloud_task(|fs| async move {
                let result = fs.user_info().await.map(|u| Account {
                    nickname: u.nickname.clone(),
                    used: u.space_used,
                    total: u.space_total(),
                    vip: u.vip,
                });
                Msg::Cloud(CloudMsg::Account(result))
            }),
            Effect::FetchDetails { id } => self.cloud_task(move |fs| async move {
                let result = fs.detail(id).await.map(|f| details(&f));
                Msg::Cloud(CloudMsg::Details { id, result })
            }),
            Effect::ResolveCloudDir {
                side,
                ticket,
                id,
                want,
            } => self.cloud_task(move |fs| async move {
                let result = match fs.places(&[id]).await.pop() {
                    Some((_, dir)) => Ok(dir),
                    None => Err(FsError::new(
                        FsErrorKind::NotFound,
                        "its folder could not be found",
                    )),
                };
                Msg::Cloud(CloudMsg::Resolved {
                    side,
                    ticket,
                    want,
                    result,
                })
            }),
        }
        None
    }

    fn compare(&mut self, effect: crate::app::CompareEffect) {
        use super::compare::{HashJob, WalkJob};
        use crate::app::CompareEffect as E;
        self.compare.cancel();
        self.compare = CancellationToken::new();
        match effect {
            E::Stop => {}
            E::Hash { ticket, files } => {
                let (state_dir, cancel) = (self.state_dir.clone(), self.compare.clone());
                let job = HashJob {
                    ticket,
                    files,
                    state_dir,
                    cancel,
                };
                super::compare::spawn_hash(job, self.tx.clone());
            }
            E::Walk {
                ticket,
                local,
                cloud,
                names,
            } => {
                let client = self.cloud.as_ref().map(|c| c.client().clone());
                let job = WalkJob {
                    ticket,
                    local,
                    cloud,
                    names,
                };
                super::compare::spawn_walk(job, client, self.tx.clone());
            }
        }
    }

    fn transfer(&self, cmd: TransferCmd) {
        let Some(s) = &self.transfers else { return };
        match cmd {
            TransferCmd::Submit { spec, then, root } => {
                let batch = s.submit(spec);
                let submitted = TransferMsg::Submitted { batch, then, root };
                let _ = self.tx.send(Msg::Transfer(submitted));
            }
            TransferCmd::Pause(job) => drop(s.pause(job)),
            TransferCmd::Resume(job) => drop(s.resume(job)),
            TransferCmd::Cancel(job) => drop(s.cancel(job)),
            TransferCmd::Retry(job) => drop(s.retry(job)),
            TransferCmd::MoveUp(job) => drop(s.move_up(job)),
            TransferCmd::MoveDown(job) => drop(s.move_down(job)),
            TransferCmd::Resolve {
                job,
                answer,
                whole_batch,
            } => drop(s.resolve(job, answer, whole_batch)),
            TransferCmd::ClearFinished => s.clear_finished(),
        }
    }

    /// Walks an upload's sources on the blocking pool; a newer check stops this one.
    fn check_upload(&mut self, ticket: Ticket, spec: crate::transfer::TransferSpec) {
        self.check.cancel();
        self.check = CancellationToken::new();
        let (cancel, tx) = (self.check.clone(), self.tx.clone());
        tokio::task::spawn_blocking(move || {
            let limit = crate::transfer::CHECK_LIMIT;
            match crate::transfer::check_upload(&spec, limit, &cancel) {
                Some(check) if !cancel.is_cancelled() => {
                    let _ = tx.send(Msg::Transfer(TransferMsg::Checked { ticket, check }));
                }
                _ => {}
            }
        });
    }

    fn cloud_task<F, Fut>(&self, task: F)
    where
        F: FnOnce(PanFs) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Msg> + Send + 'static,
    {
        let Some(fs) = self.cloud.clone() else { return };
        let tx = self.tx.clone();
        tokio::spawn(async move {
            let _ = tx.send(task(fs).await);
        });
    }

    /// Lists `location` for `side`; `scan` makes a trash listing the full scan.
    fn list(&self, side: Side, ticket: Ticket, location: Location, fresh: bool, scan: bool) {
        let current = self.current[side.index()].clone();
        current.store(ticket, Ordering::SeqCst);
        let tx = self.tx.clone();
        let live = move || current.load(Ordering::SeqCst) == ticket;
        let page = {
            let (tx, live) = (tx.clone(), live.clone());
            move |entries| {
                live()
                    && tx
                        .send(Msg::Listing(ListingMsg::Page {
                            side,
                            ticket,
                            entries,
                        }))
                        .is_ok()
            }
        };
        // Search results and the trash gather entries from many folders: their paths follow
        // the last page, before `Done`.
        let places = {
            let (tx, live) = (tx.clone(), live.clone());
            move |found: Vec<(i64, crate::fs::CloudDir)>| {
                if live() && !found.is_empty() {
                    let msg = ListingMsg::Places {
                        side,
                        ticket,
                        places: found,
                    };
                    let _ = tx.send(Msg::Listing(msg));
                }
            }
        };
        // `Ok(Some(why))`: done, but only part of what was asked for could be listed.
        let finish = move |result: Result<Option<String>, FsError>| {
            if !live() {
                return;
            }
            let msg = match result {
                Ok(partial) => {
                    if let Some(why) = partial {
                        let note = ListingMsg::Partial { side, ticket, why };
                        let _ = tx.send(Msg::Listing(note));
                    }
                    ListingMsg::Done { side, ticket }
                }
                Err(error) => ListingMsg::Failed {
                    side,
                    ticket,
                    error,
                },
            };
            let _ = tx.send(Msg::Listing(msg));
        };
        let whole = |r: Result<(), FsError>| r.map(|()| None);
        match (location, self.cloud.clone()) {
            (Location::Local(path), _) => {
                tokio::task::spawn_blocking(move || finish(whole(local::list_dir(&path, page))));
            }
            (Location::Cloud(dir), Some(fs)) => {
                tokio::spawn(async move { finish(whole(fs.list(dir.id(), fresh, page).await)) });
            }
            (Location::Search(s), Some(fs)) => {
                tokio::spawn(async move {
                    let mut dirs = Vec::new();
                    let sink = super::open::noting(&mut dirs, page);
                    let listed = fs.search(&s.query, s.exact, sink).await;
                    if listed.is_ok() {
                        places(fs.places(&dirs).await);
                    }
                    finish(whole(listed));
                });
            }
            (Location::Trash, Some(fs)) => {
                tokio::spawn(async move {
                    let mut dirs = Vec::new();
                    let sink = super::open::noting(&mut dirs, page);
                    let listed = match scan {
                        true => fs.scan_trash(sink).await,
                        false => fs.list_trash(fresh, sink).await,
                    };
                    if listed.is_ok() {
                        places(fs.places(&dirs).await);
                    }
                    finish(listed.map(|l| match l {
                        TrashListing::Complete => None,
                        TrashListing::Partial(why) => Some(why),
                    }));
                });
            }
            (Location::Images(dir), Some(_)) => match self.images.clone() {
                Some(fs) => {
                    tokio::spawn(
                        async move { finish(whole(fs.list(dir.id(), fresh, page).await)) },
                    );
                }
                None => finish(Err(FsError::new(
                    FsErrorKind::Unsupported,
                    "no image space configured",
                ))),
            },
            (_, None) => finish(Err(FsError::new(
                FsErrorKind::Unsupported,
                "no cloud account configured",
            ))),
        }
    }
}

fn details(f: &crate::api::FileEntry) -> EntryDetails {
    let note = if f.is_rejected() {
        Some("rejected by review: it cannot be downloaded".to_owned())
    } else if f.punished {
        Some("blocked by the server".to_owned())
    } else if f.trashed {
        Some("in the trash".to_owned())
    } else {
        None
    };
    EntryDetails {
        name: crate::fs::local::sanitize_name(&f.name),
        is_dir: f.is_dir(),
        size: Some(f.size),
        md5: (!f.etag.is_empty()).then(|| f.etag.clone()),
        created: f.created_at.map(|t| t.timestamp()),
        modified: f.updated_at.map(|t| t.timestamp()),
        id: Some(f.id),
        parent_id: Some(f.parent_id),
        note,
        ..EntryDetails::default()
    }
}
