//! Key notation used in keymap files: `j`, `G`, `?`, `<C-d>`, `<A-Left>`, `<Enter>`, `<F5>`,
//! `<Space>`, `<lt>` for `<`. Shift is implied by the character for printable keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mods = match code {
            KeyCode::Char(_) => mods - KeyModifiers::SHIFT,
            KeyCode::BackTab => mods - KeyModifiers::SHIFT,
            _ => mods,
        };
        Self {
            code,
            mods: mods & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT),
        }
    }

    pub fn char(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    pub fn parse(s: &str) -> Result<Key, String> {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Key::char(c));
        }
        let inner = s
            .strip_prefix('<')
            .and_then(|r| r.strip_suffix('>'))
            .ok_or_else(|| format!("invalid key `{s}`: use one character or <Name>"))?;
        let mut mods = KeyModifiers::NONE;
        let mut rest = inner;
        while rest.len() > 2 && rest.as_bytes()[1] == b'-' {
            mods |= match rest.as_bytes()[0].to_ascii_uppercase() {
                b'C' => KeyModifiers::CONTROL,
                b'A' | b'M' => KeyModifiers::ALT,
                b'S' => KeyModifiers::SHIFT,
                _ => return Err(format!("invalid modifier in `{s}`: use C-, A- or S-")),
            };
            rest = &rest[2..];
        }
        let code = named_code(rest).ok_or_else(|| format!("unknown key name in `{s}`"))?;
        if code == KeyCode::Tab && mods.contains(KeyModifiers::SHIFT) {
            return Ok(Key::new(KeyCode::BackTab, mods));
        }
        Ok(Key::new(code, mods))
    }
}

fn named_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let code = match name.to_ascii_lowercase().as_str() {
        "enter" | "cr" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        "backspace" | "bs" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        _ => return None,
    };
    Some(code)
}

impl From<KeyEvent> for Key {
    fn from(ev: KeyEvent) -> Self {
        Key::new(ev.code, ev.modifiers)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) if self.mods.is_empty() => return write!(f, "{c}"),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut prefix = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            prefix.push_str("C-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            prefix.push_str("A-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            prefix.push_str("S-");
        }
        write!(f, "{prefix}{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_notation() {
        assert_eq!(Key::parse("j").unwrap(), Key::char('j'));
        assert_eq!(
            Key::parse("<C-d>").unwrap(),
            Key::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            Key::parse("<A-Left>").unwrap(),
            Key::new(KeyCode::Left, KeyModifiers::ALT)
        );
        assert_eq!(
            Key::parse("<F10>").unwrap(),
            Key::new(KeyCode::F(10), KeyModifiers::NONE)
        );
        assert_eq!(Key::parse("<S-Tab>").unwrap().code, KeyCode::BackTab);
        assert_eq!(Key::parse("<lt>").unwrap(), Key::char('<'));
        assert!(Key::parse("<F13>").is_err());
        assert!(Key::parse("<X-a>").is_err());
        assert!(Key::parse("ab").is_err());
    }

    #[test]
    fn shifted_chars_match_crossterm_events() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from(ev), Key::parse("G").unwrap());
    }

    #[test]
    fn displays_compactly() {
        assert_eq!(Key::parse("<C-a>").unwrap().to_string(), "C-a");
        assert_eq!(Key::parse("<Space>").unwrap().to_string(), "Space");
        assert_eq!(Key::parse("?").unwrap().to_string(), "?");
    }
}
