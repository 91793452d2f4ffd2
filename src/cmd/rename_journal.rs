//! The journal of a batch rename: the plan's steps in order, the items they move and how many
//! steps are done, in `cli/` under the state directory. Its name is a digest of the command:
//! the account and API base and every option that shapes the plan. It is written before the
//! first rename is sent and advanced after every call; a run that stops part-way (a server
//! that keeps failing, Ctrl-C, a kill) leaves it behind, and the same command run again
//! continues from it instead of planning afresh — a fresh plan would apply a pattern like
//! `--regex ^ --to x_` to the items already done a second time. A lock beside it keeps two
//! runs of one command apart.

use super::exit::CmdError;
use crate::api::{Client, FileId};
use crate::cli::RenameArgs;
use crate::config::write_private;
use crate::fs::local::display_name;
use crate::plan::Step;
use crate::transfer::{QueueLock, TransferErrorKind};
use md5_lanes::Md5;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A batch rename as it is carried out, and as the journal keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    /// In order; a step's `folder` tells steps of different folders apart.
    pub steps: Vec<SavedStep>,
    /// Every item that gets a new name.
    pub items: Vec<Mover>,
    /// Steps before this index went through (in this run or an earlier one).
    pub done: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedStep {
    pub id: FileId,
    pub from: String,
    pub to: String,
    pub folder: usize,
}

impl SavedStep {
    pub fn step(&self) -> (Step<FileId>, usize) {
        let step = Step {
            id: self.id,
            from: self.from.clone(),
            to: self.to.clone(),
        };
        (step, self.folder)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mover {
    pub id: FileId,
    /// Where it was when the plan was made.
    pub path: String,
    /// The name it ends with.
    pub new: String,
}

impl Work {
    /// The steps not done yet.
    pub fn left(&self) -> &[SavedStep] {
        self.steps.get(self.done..).unwrap_or_default()
    }
}

pub struct RenameJournal {
    file: PathBuf,
    lock: QueueLock,
}

impl RenameJournal {
    /// Takes the journal of this command in `state_dir`; the same command running elsewhere
    /// ends this one. `None` (with a warning) when the state directory can't hold one.
    pub fn open(
        state_dir: &Path,
        client: &Client,
        args: &RenameArgs,
    ) -> Result<Option<Self>, CmdError> {
        let name = file_name(&client.account(), args);
        let dir = state_dir.join("cli");
        match QueueLock::acquire(&dir.join(format!("{name}.lock"))) {
            Ok(lock) => Ok(Some(Self {
                file: dir.join(format!("{name}.json")),
                lock,
            })),
            Err(e) if e.kind == TransferErrorKind::Busy => Err(CmdError::failure(
                "the same rename is already running in another panfm; let it finish, or stop \
                 it and run this again to continue",
            )),
            Err(e) => {
                tracing::warn!("no journal for this rename, it can't be continued if stopped: {e}");
                Ok(None)
            }
        }
    }

    /// What an earlier run of this command left to do, if it stopped part-way.
    pub fn load(&self) -> Result<Option<Work>, CmdError> {
        let text = match std::fs::read(&self.file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(self.damaged(&e.to_string())),
        };
        let work: Work = serde_json::from_slice(&text).map_err(|e| self.damaged(&e.to_string()))?;
        if work.done > work.steps.len() || work.items.is_empty() {
            return Err(self.damaged("it does not add up"));
        }
        Ok(Some(work))
    }

    pub fn save(&self, work: &Work) -> Result<(), CmdError> {
        let text = serde_json::to_vec(work)
            .map_err(|e| CmdError::failure(format!("cannot encode the rename journal: {e}")))?;
        write_private(&self.file, &text).map_err(|e| {
            CmdError::failure(format!(
                "cannot write the rename journal {}: {e}",
                display_name(self.file.as_os_str())
            ))
        })
    }

    /// The rename finished: the journal and its lock go.
    pub fn close(self) {
        if let Err(e) = std::fs::remove_file(&self.file)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!("cannot delete the rename journal: {e}");
        }
        self.lock.remove();
    }

    fn damaged(&self, why: &str) -> CmdError {
        CmdError::failure(format!(
            "the journal of an earlier run of this rename ({}) can't be used ({why}); delete \
             it to plan afresh",
            display_name(self.file.as_os_str())
        ))
    }
}

/// What makes a run the same command again: the account, and everything that shapes the plan
/// (not `--dry-run` or `--json`).
fn file_name(account: &str, a: &RenameArgs) -> String {
    let key = format!(
        "{account}\nrename\n{:?}\n{:?}\n{:?}\n{} {} {:?} {:?}\n{} {} {}\n{:?}\n{}\n{:?}",
        a.regex,
        a.find,
        a.to,
        a.ignore_case,
        a.first,
        a.scope,
        a.case,
        a.start,
        a.step,
        a.width,
        a.in_dir,
        a.auto_suffix,
        a.args,
    );
    let digest = Md5::digest(key.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("rename-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Cmd};
    use clap::Parser;

    fn args(words: &[&str]) -> RenameArgs {
        let cli = Cli::try_parse_from(std::iter::once("panfm").chain(words.iter().copied()));
        match cli {
            Ok(Cli {
                command: Some(Cmd::Rename(args)),
                ..
            }) => args,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_same_command_finds_its_journal_and_another_does_not() {
        let base = ["rename", "--regex", "^", "--to", "x_", "--in", "/d"];
        let name = file_name("acct", &args(&base));
        assert!(name.starts_with("rename-"), "{name}");
        let mut shown = base.to_vec();
        shown.extend(["--json", "-n"]);
        assert_eq!(
            name,
            file_name("acct", &args(&shown)),
            "output options differ"
        );
        assert_ne!(name, file_name("other", &args(&base)));
        for other in [
            ["rename", "--regex", "^", "--to", "y_", "--in", "/d"],
            ["rename", "--regex", "^", "--to", "x_", "--in", "/e"],
            ["rename", "--find", "^", "--to", "x_", "--in", "/d"],
        ] {
            assert_ne!(name, file_name("acct", &args(&other)), "{other:?}");
        }
    }

    #[test]
    fn a_journal_round_trips_and_a_damaged_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = crate::api::ClientConfig::new(crate::api::Auth::AccessToken("T".into()));
        cfg.rate_limit = false;
        let client = Client::new(cfg).unwrap();
        let a = args(&["rename", "--find", "a", "--to", "b", "/x"]);
        let journal = RenameJournal::open(dir.path(), &client, &a)
            .unwrap()
            .unwrap();
        let busy = RenameJournal::open(dir.path(), &client, &a).err().unwrap();
        assert!(busy.message.contains("already running"), "{busy:?}");
        assert_eq!(journal.load().unwrap(), None);
        let work = Work {
            steps: vec![SavedStep {
                id: 7,
                from: "a".into(),
                to: "b".into(),
                folder: 0,
            }],
            items: vec![Mover {
                id: 7,
                path: "/x".into(),
                new: "b".into(),
            }],
            done: 0,
        };
        journal.save(&work).unwrap();
        assert_eq!(journal.load().unwrap(), Some(work));
        std::fs::write(&journal.file, b"{").unwrap();
        let err = journal.load().unwrap_err();
        assert!(err.message.contains("delete it to plan afresh"), "{err:?}");
        let file = journal.file.clone();
        journal.close();
        assert!(!file.exists());
    }
}
