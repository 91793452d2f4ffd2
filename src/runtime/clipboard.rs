//! The clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; <base64> BEL`). It travels
//! with the screen output, so it works over SSH; tmux passes it on with
//! `set -g set-clipboard on`. Terminals that ignore it lose nothing else.

use base64::Engine;
use std::io::Write;

/// The escape sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

/// Writes the sequence to `out` (the terminal) and flushes it.
pub fn copy(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_markers() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        let mut out = Vec::new();
        copy(&mut out, "![猫](https://x/1.png)").unwrap();
        let text = String::from_utf8(out).unwrap();
        let body = text
            .strip_prefix("\x1b]52;c;")
            .and_then(|t| t.strip_suffix('\x07'))
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        assert_eq!(
            String::from_utf8(decoded).unwrap(),
            "![猫](https://x/1.png)"
        );
    }
}
