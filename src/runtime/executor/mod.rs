//! Runs effects: each becomes a tokio task (or a blocking-pool job for local disk I/O) that
//! reports back with messages on the one channel. A newer listing for a pane supersedes the
//! older one, which stops at its next page.

mod list;
mod tasks;

use crate::app::{Account, CloudMsg, Effect, Msg};
use crate::fs::img::ImgFs;
use crate::fs::pan::PanFs;
use crate::fs::{FsError, FsErrorKind, Location};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
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
                let result = fs.detail(id).await.map(|f| list::details(&f));
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
}
