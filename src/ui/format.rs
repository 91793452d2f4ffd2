//! Text helpers for the view: truncation by display width (CJK and emoji take two cells), so
//! columns line up whatever the names contain. Byte sizes, timestamps and counts come from
//! `crate::fmt`, which the app uses too.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use crate::fmt::{count, counted, size, time};

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

/// Cuts a file name to at most `max` cells inside its stem, keeping its extension (`.tar.gz`
/// kept whole) and `tail` (a kind marker such as `/`): `a-very-lo….tar.gz`. Names without an
/// extension, or too narrow a column, are cut at the end, still keeping `tail` where it fits.
pub fn truncate_name(name: &str, tail: &str, max: usize) -> String {
    if name.width() + tail.width() <= max {
        return format!("{name}{tail}");
    }
    let ext = extension(name);
    let keep = format!("{ext}{tail}");
    let keep_w = keep.width();
    if max < keep_w + 2 {
        return truncate(&format!("{name}{tail}"), max);
    }
    let stem = &name[..name.len() - ext.len()];
    format!("{}{keep}", truncate(stem, max - keep_w))
}

/// The extension worth keeping visible, with its dot: `.jpg`, `.tar.gz`; `""` for none,
/// dotfiles and "extensions" that look like words (long, or with spaces).
fn extension(name: &str) -> &str {
    let Some(dot) = name.rfind('.').filter(|&i| i > 0) else {
        return "";
    };
    let ext = &name[dot..];
    if ext.chars().count() > 9 || ext.contains(char::is_whitespace) || ext.len() == 1 {
        return "";
    }
    let stem = &name[..dot];
    match stem.len().checked_sub(4) {
        Some(i) if i > 0 && stem.is_char_boundary(i) && stem[i..].eq_ignore_ascii_case(".tar") => {
            &name[i..]
        }
        _ => ext,
    }
}

/// Shortens a `/`-separated path to at most `max` cells from the middle, keeping the first
/// folder and as much of the end as fits: `/照片/…/第一天/海边 🌊`; then only the end
/// (`…/第一天/海边 🌊`); the last name is cut only when nothing else is left.
pub fn shorten_path(path: &str, max: usize) -> String {
    if path.width() <= max {
        return path.to_owned();
    }
    let parts: Vec<&str> = path.split('/').collect();
    let Some(leaf) = parts.last().filter(|_| parts.len() > 1) else {
        return truncate(path, max);
    };
    let head = parts[..2].join("/");
    let with_head = (3..parts.len()).map(|i| format!("{head}/…/{}", parts[i..].join("/")));
    let without = (2..parts.len()).map(|i| format!("…/{}", parts[i..].join("/")));
    with_head
        .chain(without)
        .find(|p| p.width() <= max)
        .unwrap_or_else(|| format!("…/{}", truncate(leaf, max.saturating_sub(2))))
}

/// The narrowest form [`shorten_path`] gives before it cuts the last name.
pub fn min_path_width(path: &str) -> usize {
    match path.rsplit_once('/') {
        Some((_, leaf)) => path.width().min(2 + leaf.width()),
        None => path.width(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_double_width() {
        assert_eq!(truncate("照片2024.jpg", 6), "照片2…");
        assert_eq!(width(&truncate("照片照片照片", 5)), 5);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate_left("/home/user/projects", 10), "…/projects");
        assert_eq!(width(&truncate_left("/云盘/照片/二〇二四", 7)), 7);
    }

    #[test]
    fn paths_are_shortened_in_the_middle_keeping_the_folder_name() {
        let p = "/照片/2023 旅行 🌴/三亚/第一天/海边 🌊";
        assert_eq!(shorten_path(p, 60), p);
        assert_eq!(shorten_path(p, 30), "/照片/…/三亚/第一天/海边 🌊");
        assert_eq!(shorten_path(p, 25), "/照片/…/第一天/海边 🌊");
        assert_eq!(shorten_path(p, 20), "/照片/…/海边 🌊");
        assert_eq!(shorten_path(p, 14), "…/海边 🌊");
        assert_eq!(shorten_path("/a-long-first-folder/b/海边", 14), "…/b/海边");
        assert_eq!(shorten_path(p, 9), "…/海边 🌊");
        assert_eq!(min_path_width(p), 9);
        assert_eq!(shorten_path(p, 6), "…/海…");
        for max in 0..40 {
            assert!(width(&shorten_path(p, max)) <= max.max(2), "{max}");
        }
        assert_eq!(
            shorten_path("/home/u/projects/panfm/src", 18),
            "/home/…/panfm/src"
        );
        assert_eq!(shorten_path("search 很长的搜索词", 8), "search …");
        assert_eq!(min_path_width("/照片"), 5);
    }

    #[test]
    fn names_are_cut_in_the_stem_keeping_the_extension() {
        let long = "a-very-long-file-name-that-does-not-fit.tar.gz";
        assert_eq!(truncate_name(long, "", 20), "a-very-long-….tar.gz");
        assert_eq!(
            truncate_name("旅行照片一二三四五六.jpeg", "", 12),
            "旅行照….jpeg"
        );
        assert_eq!(
            width(&truncate_name("旅行照片一二三四五六.jpeg", "", 12)),
            12
        );
        assert_eq!(truncate_name("一个很长很长的目录名", "/", 10), "一个很长…/");
        assert_eq!(truncate_name("short.txt", "", 20), "short.txt");
        assert_eq!(truncate_name("README", "", 4), "REA…");
        assert_eq!(
            truncate_name("notes.tar.gz", "", 6),
            "notes…",
            "too narrow for the stem"
        );
        assert_eq!(
            truncate_name("Meeting notes. Final version agreed", "", 16),
            "Meeting notes. …",
            "not an extension"
        );
        assert_eq!(truncate_name(".bashrc-with-long-name", "", 8), ".bashrc…");
    }
}
