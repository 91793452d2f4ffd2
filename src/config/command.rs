//! Every action a key can be bound to, by intent (never by key). The keymap TOML names them in
//! snake_case; an unknown name is a load error.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    // cursor
    CursorUp,
    CursorDown,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    // navigation
    Enter,
    Parent,
    Home,
    Back,
    Forward,
    Refresh,
    SwitchPane,
    MirrorPane,
    /// Flip the focused pane between the local disk and the cloud drive.
    SwitchBackend,
    Search,
    /// Type a folder's path (local, `cloud:/…`, `images:/…`) and go there.
    GoTo,
    /// Search results and the trash: open the folder that holds the entry, cursor on it.
    Reveal,
    Details,
    // view
    ToggleHidden,
    SortName,
    SortSize,
    SortMtime,
    SortExtension,
    SortReverse,
    Filter,
    // marks
    ToggleMark,
    MarkAll,
    InvertMarks,
    ClearMarks,
    /// Mark (or unmark) the visible entries whose names match a typed glob or text.
    MarkPattern,
    UnmarkPattern,
    /// Start or end marking the range from where it started to the cursor as it moves.
    VisualMark,
    // file operations
    Mkdir,
    /// Rename the cursor entry, or open batch rename when entries are marked (in the trash:
    /// restore).
    Rename,
    /// Rename the marked entries (or all) in `$EDITOR`.
    EditRename,
    Copy,
    Move,
    /// Cloud: to the trash; local: ask (to the system trash, or for good); in the trash: purge.
    Delete,
    /// In the question before a local delete: delete for good instead of to the trash.
    DeleteForGood,
    /// Show the cloud trash in this pane.
    ShowTrash,
    /// In the trash: list it by walking every cloud folder (finds what the recycle-bin listing
    /// could not).
    ScanTrash,
    Undo,
    Redo,
    /// Open the cursor file in `$EDITOR`; a cloud file goes down, and back up when saved.
    Edit,
    /// Put the path of the cursor entry (or of each marked one, a line each) on the clipboard.
    CopyPath,
    /// A shell in the local pane's directory, the screen handed over until it exits.
    Shell,
    /// In a copy/move question: type another destination.
    EditTarget,
    /// In a prompt: complete the path.
    Complete,
    // transfers
    /// Open the transfer queue.
    ShowQueue,
    /// In the question before a transfer: next conflict policy.
    CyclePolicy,
    TogglePause,
    CancelJob,
    RetryJob,
    JobUp,
    JobDown,
    ResolveOverwrite,
    ResolveSkip,
    ResolveBoth,
    ResolveOverwriteAll,
    ResolveSkipAll,
    ResolveBothAll,
    ClearFinished,
    // batch rename form
    NextField,
    PrevField,
    ToggleRegex,
    ToggleIgnoreCase,
    CycleCase,
    CycleScope,
    AutoFix,
    // modal / input
    Escape,
    Accept,
    /// An explicit "yes" (the only way to accept questions about actions without undo).
    Yes,
    Help,
    Quit,
    /// Bound in a user keymap to remove a default binding.
    Noop,
    // image space
    /// Put the public links of the marked (or cursor) images on the clipboard, one per line.
    CopyLinks,
    /// The same as Markdown image lines: `![name](url)`.
    CopyMarkdownLinks,
    // share links and direct links
    /// Share the marked (or cursor) cloud entries: the share dialog.
    Share,
    /// The account's shares.
    ShowShares,
    /// In the shares panel: change the switches and traffic limit of the marked shares.
    ShareSettings,
    /// In the share dialog: a new extraction code.
    GenerateCode,
    /// Turn on direct-link space of the cursor folder (asks first).
    DirectLinkEnable,
    /// Turn off direct-link space of the cursor folder (asks first).
    DirectLinkDisable,
    /// What direct links served lately.
    DirectLinkLog,
    // offline download
    /// Have the drive fetch URLs into the cloud pane's folder (离线下载): opens the dialog.
    OfflineDownload,
    // compare and sync
    /// Mark what differs between the two panes' folders (one level; F5 copies the marked).
    CompareDirs,
    /// The sync question for the marked folders (or the cursor folder): plan, then run it.
    SyncDirs,
    /// In the sync question: also delete what only the destination has.
    ToggleDeletions,
    // viewer
    /// View the cursor file (text, hex dump, image details); in the viewer: close it.
    View,
    ToggleWrap,
    ToggleLineNumbers,
    /// The viewer's text encoding: detected, UTF-8, GBK.
    CycleEncoding,
    /// The viewer shows a hex dump / the text.
    ToggleHex,
    SearchNext,
    SearchPrev,
    /// Type a line number (or `N%`) to show.
    GotoLine,
    ScrollLeft,
    ScrollRight,
    /// Show or hide the preview panel (in place of the inactive pane).
    TogglePreview,
    // palette and bookmarks
    /// The command palette: every command of the layer, fuzzy-found; a typed path goes there.
    Palette,
    /// Then a key: remember the pane's folder under that key.
    AddBookmark,
    /// Then a key: go to the folder remembered under it; the list of bookmarks and recent
    /// folders (Delete removes a bookmark).
    JumpBookmark,
}

impl Command {
    /// The name the keymap TOML uses (`copy_markdown_links`).
    pub fn name(self) -> String {
        let mut out = String::new();
        for (i, c) in format!("{self:?}").chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Command;

    #[test]
    fn names_are_the_keymap_names() {
        for cmd in [Command::CopyMarkdownLinks, Command::Palette, Command::Top] {
            let toml = format!("c = \"{}\"", cmd.name());
            #[derive(serde::Deserialize)]
            struct One {
                c: Command,
            }
            let one: One = toml::from_str(&toml).unwrap();
            assert_eq!(one.c, cmd);
        }
        assert_eq!(Command::CopyMarkdownLinks.name(), "copy_markdown_links");
    }
}
