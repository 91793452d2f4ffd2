//! Figures in words, for the app's messages and the view alike: byte sizes, timestamps,
//! durations, counts. Plain functions of their arguments, below every layer that shows text.

use std::time::Duration;

/// Sizes in powers of 1024 (`1.5 KiB`) or of 1000 (`1.5 kB`); `config.toml`'s `size_units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SizeUnits {
    #[default]
    Binary,
    Decimal,
}

/// `0 B`, `999 B`, `1.0 KiB`, `12.3 MiB`, … (binary) or `1.0 kB`, `12.3 MB`, … (decimal).
pub fn size(bytes: u64, units: SizeUnits) -> String {
    let (step, names) = match units {
        SizeUnits::Binary => (1024.0, ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]),
        SizeUnits::Decimal => (1000.0, ["kB", "MB", "GB", "TB", "PB", "EB"]),
    };
    if (bytes as f64) < step {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / step;
    let mut unit = 0;
    while value >= step && unit < names.len() - 1 {
        value /= step;
        unit += 1;
    }
    if value >= 100.0 {
        format!("{value:.0} {}", names[unit])
    } else {
        format!("{value:.1} {}", names[unit])
    }
}

/// `2024-05-01 12:30` (the `pattern` of `config.toml`'s `date_format`) in the zone
/// `utc_offset` seconds east of UTC.
pub fn time(unix: i64, utc_offset: i32, pattern: &str) -> String {
    use std::fmt::Write;
    let Some(t) = chrono::DateTime::from_timestamp(unix + i64::from(utc_offset), 0) else {
        return String::new();
    };
    let mut out = String::new();
    // A pattern checked when the config was read cannot fail; an unchecked one prints nothing.
    match write!(out, "{}", t.naive_utc().format(pattern)) {
        Ok(()) => out,
        Err(_) => String::new(),
    }
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

/// `1 file`, `12,345 files`: a count with its noun, plural unless one.
pub fn counted(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{} {what}s", count(n)),
    }
}

/// `1:05` or `1:02:03`: a time left, to the second.
pub fn duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let b = SizeUnits::Binary;
        assert_eq!(size(0, b), "0 B");
        assert_eq!(size(1023, b), "1023 B");
        assert_eq!(size(1024, b), "1.0 KiB");
        assert_eq!(size(5 * 1024 * 1024 * 1024, b), "5.0 GiB");
        assert_eq!(size(150 * 1024 * 1024, b), "150 MiB");
        let d = SizeUnits::Decimal;
        assert_eq!(size(999, d), "999 B");
        assert_eq!(size(1024, d), "1.0 kB");
        assert_eq!(size(1_500_000, d), "1.5 MB");
        assert_eq!(size(5 * 1024 * 1024 * 1024, d), "5.4 GB");
    }

    #[test]
    fn times_and_counts() {
        assert_eq!(duration(Duration::from_secs(65)), "1:05");
        assert_eq!(duration(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(time(0, 8 * 3600, "%Y-%m-%d %H:%M"), "1970-01-01 08:00");
        assert_eq!(time(86400, 0, "%d.%m.%y"), "02.01.70");
        assert_eq!(
            time(0, 0, "%Q"),
            "",
            "an unchecked bad pattern prints nothing"
        );
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(count(12), "12");
        assert_eq!(counted(1, "dir"), "1 dir");
        assert_eq!(counted(0, "file"), "0 files");
        assert_eq!(counted(1234, "file"), "1,234 files");
    }
}
