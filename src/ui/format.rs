//! Text helpers for the view: byte sizes, timestamps, counts, and truncation by display width
//! (CJK and emoji take two cells), so columns line up whatever the names contain.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `0 B`, `999 B`, `1.0 KiB`, `12.3 MiB`, …
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value >= 100.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// `2024-05-01 12:30` in the zone `utc_offset` seconds east of UTC.
pub fn time(unix: i64, utc_offset: i32) -> String {
    chrono::DateTime::from_timestamp(unix + i64::from(utc_offset), 0)
        .map(|t| t.naive_utc().format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// `12,345`.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn width(s: &str) -> usize {
    s.width()
}

/// Cuts `s` to at most `max` cells, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Cuts `s` from the left to at most `max` cells, starting with `…` (for long paths).
pub fn truncate_left(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(1023), "1023 B");
        assert_eq!(size(1024), "1.0 KiB");
        assert_eq!(size(5 * 1024 * 1024 * 1024), "5.0 GiB");
        assert_eq!(size(150 * 1024 * 1024), "150 MiB");
    }

    #[test]
    fn times_and_counts() {
        assert_eq!(time(0, 8 * 3600), "1970-01-01 08:00");
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(count(12), "12");
    }

    #[test]
    fn truncation_respects_double_width() {
        assert_eq!(truncate("照片2024.jpg", 6), "照片2…");
        assert_eq!(width(&truncate("照片照片照片", 5)), 5);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate_left("/home/user/projects", 10), "…/projects");
        assert_eq!(width(&truncate_left("/云盘/照片/二〇二四", 7)), 7);
    }
}
