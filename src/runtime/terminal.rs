//! Owning the real terminal: raw mode, alternate screen, bracketed paste, mouse capture when
//! mouse support is on, and putting all of it
//! back on every exit path — normal return, error, panic (via the color-eyre hooks) and signals
//! (the run loop turns SIGTERM/SIGHUP into a normal return).

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, IsTerminal, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};

/// The terminal is in raw mode on the alternate screen (so `restore` has work to do). The
/// command line never enters it, and then writes no escape codes at all.
static ENTERED: AtomicBool = AtomicBool::new(false);
/// Mouse support is on: entering the terminal (again) captures the mouse.
static MOUSE: AtomicBool = AtomicBool::new(false);

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct TerminalGuard {
    pub terminal: Tui,
}

impl TerminalGuard {
    /// Takes the terminal; `mouse`: capture the mouse too (`Model::mouse`).
    pub fn enter(mouse: bool) -> io::Result<Self> {
        ENTERED.store(true, Ordering::SeqCst);
        MOUSE.store(mouse, Ordering::SeqCst);
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        // NOTE: not `Terminal::clear`, which asks the terminal for the cursor position and
        // fails on terminals that never answer.
        let setup = execute!(
            stdout,
            EnterAlternateScreen,
            EnableBracketedPaste,
            Clear(ClearType::All)
        );
        let setup = setup.and_then(|()| capture_mouse(&mut stdout));
        if let Err(e) = setup {
            restore();
            return Err(e);
        }
        let mut terminal = Terminal::new(CrosstermBackend::new(stdout))?;
        terminal.hide_cursor()?;
        Ok(Self { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Takes the terminal back after an external program used it (see `restore`).
pub fn reenter() -> io::Result<()> {
    ENTERED.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        Clear(ClearType::All)
    )?;
    capture_mouse(&mut io::stdout())?;
    execute!(io::stdout(), crossterm::cursor::Hide)
}

/// Button presses and the wheel, SGR-encoded. Crossterm's `EnableMouseCapture` also asks for a
/// report of every pointer motion, a stream nothing here uses (over SSH too); its
/// `DisableMouseCapture` turns all of them off again.
struct CaptureClicks;

impl crossterm::Command for CaptureClicks {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        crossterm::event::EnableMouseCapture.execute_winapi()
    }
}

fn capture_mouse(out: &mut Stdout) -> io::Result<()> {
    match MOUSE.load(Ordering::SeqCst) {
        true => execute!(out, CaptureClicks),
        false => Ok(()),
    }
}

/// Best effort: leave raw mode and the alternate screen, release the mouse, show the cursor.
/// Safe to call twice, and a no-op when the terminal was never taken.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Installs color-eyre's report and panic hooks, restoring the terminal before a panic report
/// is printed so it lands on a sane screen.
/// Colours only on a terminal that wants them.
pub fn install_hooks() -> color_eyre::Result<()> {
    let coloured =
        io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = match coloured {
        true => color_eyre::config::Theme::dark(),
        false => color_eyre::config::Theme::new(),
    };
    let (panic_hook, eyre_hook) = color_eyre::config::HookBuilder::default()
        .display_env_section(false)
        .theme(theme)
        .into_hooks();
    eyre_hook.install()?;
    let panic_hook = panic_hook.into_panic_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        tracing::error!("panic: {info}");
        panic_hook(info);
    }));
    Ok(())
}
