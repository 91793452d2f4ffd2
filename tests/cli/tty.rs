//! The questions panfm asks on a terminal (purge confirmation, login), answered through a
//! pseudo-terminal. Waiting reads output until the expected text arrives; the deadline only
//! bounds a failing test.

use crate::common::Env;
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

pub(crate) struct Tty {
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    text: String,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tty {
    pub(crate) fn spawn(std_cmd: &std::process::Command) -> Tty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(std_cmd.get_program());
        cmd.args(std_cmd.get_args());
        for (key, value) in std_cmd.get_envs() {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            }
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Tty {
            writer,
            child,
            output,
            text: String::new(),
            master: pair.master,
        }
    }

    pub(crate) fn wait_text(&mut self, wanted: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.text.contains(wanted) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.text.push_str(&String::from_utf8_lossy(&bytes)),
                Err(_) => panic!("no {wanted:?} in {:?}", self.text),
            }
        }
    }

    /// Waits until the program has switched the terminal's echo off (ECHO is 0o10 on Linux and
    /// the BSDs), so that input sent next cannot be echoed.
    fn wait_echo_off(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let termios = self.master.get_termios().expect("termios");
            if termios.local_flags.bits() & 0o10 == 0 {
                return;
            }
            assert!(Instant::now() < deadline, "echo stays on: {:?}", self.text);
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(10)) {
                self.text.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }

    pub(crate) fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the exit code, collecting the rest of the output.
    pub(crate) fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                    self.text.push_str(&String::from_utf8_lossy(&bytes));
                }
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "still running: {:?}", self.text);
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.text.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn purge_asks_on_a_terminal_naming_the_count() {
    let env = Env::new();
    let a = env.file("/a.bin", b"a");
    let b = env.file("/b.bin", b"b");
    env.trash("/a.bin");
    env.trash("/b.bin");
    let mut cmd = env.command();
    cmd.args(["trash", "purge", "/a.bin", "/b.bin"]);

    let mut no = Tty::spawn(&cmd);
    no.wait_text("Delete 2 items for good? This cannot be undone. [y/N]");
    no.send("n\r");
    assert_eq!(no.wait_exit(), 1, "{}", no.text);
    assert!(no.text.contains("nothing was deleted"));
    assert!(env.mock.entry(a).is_some() && env.mock.entry(b).is_some());

    let mut yes = Tty::spawn(&cmd);
    yes.wait_text("[y/N]");
    yes.send("y\r");
    assert_eq!(yes.wait_exit(), 0, "{}", yes.text);
    assert!(env.mock.entry(a).is_none() && env.mock.entry(b).is_none());
}

#[test]
fn login_on_a_terminal_does_not_echo_the_secret() {
    let env = Env::new();
    let mut cmd = env.command();
    cmd.env_remove("PANFM_CLIENT_ID")
        .env_remove("PANFM_CLIENT_SECRET")
        .arg("login");
    let mut tty = Tty::spawn(&cmd);
    tty.wait_text("Client ID: ");
    tty.send(&format!("{}\r", env.mock.client_id()));
    tty.wait_text("Client secret: ");
    tty.wait_echo_off();
    tty.send(&format!("{}\r", env.mock.client_secret()));
    assert_eq!(tty.wait_exit(), 0, "{}", tty.text);
    assert!(tty.text.contains("logged in as"), "{}", tty.text);
    assert!(tty.text.contains(env.mock.client_id()), "the id is echoed");
    assert!(!tty.text.contains(env.mock.client_secret()), "{}", tty.text);
    assert!(env.cfg.path().join("credentials.toml").exists());
}

#[test]
fn transfers_draw_progress_on_a_terminal_and_nothing_when_piped() {
    let env = crate::local::env();
    let src = tempfile::tempdir().unwrap();
    let big = src.path().join("big.bin");
    std::fs::write(&big, crate::local::content(crate::local::BIG, 7)).unwrap();
    let small = src.path().join("small.bin");
    std::fs::write(&small, crate::local::content(256 << 10, 8)).unwrap();
    env.dir("/a");
    env.dir("/b");
    let (big, small) = (big.to_str().unwrap(), small.to_str().unwrap());
    let piped = env.run(&["upload", big, "/a"]).ok();
    assert_eq!(
        piped.stderr.lines().count(),
        1,
        "only the summary: {piped:?}"
    );
    assert!(
        piped
            .stderr
            .starts_with("uploaded 1 file (16.00 MiB) to /a in ")
    );

    let mut cmd = env.command();
    cmd.args(["upload", big, small, "/b"]);
    let mut tty = Tty::spawn(&cmd);
    tty.wait_text("uploading [");
    tty.wait_text("ETA");
    tty.wait_text("instant upload: /b/big.bin (16.00 MiB not sent)");
    assert_eq!(tty.wait_exit(), 0, "{}", tty.text);
    assert!(
        tty.text
            .contains("1 by instant upload (16.00 MiB not sent)")
    );
}
