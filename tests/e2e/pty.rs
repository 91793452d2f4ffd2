//! A real `panfm` process in a pseudo-terminal, with a vt100 parser reading its screen.
//! Waiting is event-driven: `wait_for` consumes output until the screen matches or a deadline
//! passes (the deadline only bounds a failing test; passing tests never sleep).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    /// Every byte the program wrote, for checks on escape sequences.
    pub raw: Vec<u8>,
}

impl Pty {
    pub fn spawn(args: &[&str], config_dir: &Path, cols: u16, rows: u16) -> Pty {
        Self::spawn_with_env(args, config_dir, cols, rows, &[])
    }

    pub fn spawn_with_env(
        args: &[&str],
        config_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_panfm"));
        cmd.args(args);
        cmd.env("PANFM_CONFIG_DIR", config_dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("RUST_BACKTRACE", "0");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("VISUAL");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn panfm");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            master: pair.master,
            writer,
            child,
            output,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until `pred(screen)` holds; panics with the screen on timeout.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if pred(&self.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.feed(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.screen())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "panfm exited while waiting for {what}; screen:\n{}",
                        self.screen()
                    )
                }
            }
        }
    }

    pub fn wait_text(&mut self, text: &str) {
        let t = text.to_owned();
        self.wait_for(text, move |s| s.contains(&t));
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    /// Bytes written during `window`, collected without blocking past it.
    pub fn bytes_during(&mut self, window: Duration) -> usize {
        let end = Instant::now() + window;
        let mut n = 0;
        while let Ok(bytes) = self
            .output
            .recv_timeout(end.saturating_duration_since(Instant::now()))
        {
            n += bytes.len();
            self.feed(&bytes);
        }
        n
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Waits for exit, draining output; returns the exit success flag.
    pub fn wait_exit(&mut self) -> bool {
        self.wait_exit_code() == 0
    }

    /// Waits for exit, draining output; returns the exit status.
    pub fn wait_exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.feed(&bytes);
                }
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "panfm did not exit; screen:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.feed(&bytes);
            }
        }
    }

    /// Whether the last alternate-screen switch in the output was "leave".
    pub fn left_alternate_screen(&self) -> bool {
        let raw = String::from_utf8_lossy(&self.raw);
        match (raw.rfind("\x1b[?1049h"), raw.rfind("\x1b[?1049l")) {
            (Some(enter), Some(leave)) => leave > enter,
            _ => false,
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero terminal size")
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
