//! Marking by name (mc's `+` and `-`): a glob (`*.jpg`, `IMG_00[1-3]?.*`, `*.{png,gif}`, by the
//! `globset` crate) matched against whole names, or plain text that names contain, as the
//! filter matches it. Both follow the filter's smart case: ignoring case unless the pattern has
//! an uppercase letter. Only visible entries are touched, as `mark all` does.

use crate::app::{Effect, InputPurpose, Model, Side, contains_smart_case};

/// A typed name pattern.
#[derive(Debug, Clone)]
pub enum NamePattern {
    Glob(globset::GlobMatcher),
    Text(String),
}

impl NamePattern {
    pub fn parse(text: &str) -> Result<NamePattern, String> {
        if text.is_empty() {
            return Err("Type a pattern: *.jpg, or text the names contain".into());
        }
        if !text.contains(['*', '?', '[', '{']) {
            return Ok(NamePattern::Text(text.to_owned()));
        }
        globset::GlobBuilder::new(text)
            .case_insensitive(!text.chars().any(char::is_uppercase))
            .literal_separator(false)
            .backslash_escape(true)
            .build()
            .map(|g| NamePattern::Glob(g.compile_matcher()))
            .map_err(|e| format!("Not a pattern panfm can read: {}", e.kind()))
    }

    pub fn matches(&self, name: &str) -> bool {
        match self {
            NamePattern::Glob(g) => g.is_match(name),
            NamePattern::Text(t) => contains_smart_case(name, t),
        }
    }
}

/// `+` / `-`: asks for the pattern.
pub fn ask(model: &mut Model, mark: bool) {
    let purpose = match mark {
        true => InputPurpose::MarkPattern,
        false => InputPurpose::UnmarkPattern,
    };
    super::moves::end_visual(model);
    super::moves::open(model, purpose, "");
}

/// Marks (`mark`) or unmarks the visible entries of `side` whose names match `text`.
pub fn accept(
    model: &mut Model,
    side: Side,
    text: &str,
    mark: bool,
) -> Result<Vec<Effect>, String> {
    let pattern = NamePattern::parse(text)?;
    model.modal = None;
    let pane = model.pane_mut(side);
    let keys: Vec<_> = pane
        .listing
        .visible()
        .filter(|e| pattern.matches(&e.name))
        .map(|e| e.key.clone())
        .collect();
    let matched = keys.len();
    for key in keys {
        if mark {
            pane.marks.insert(key);
        } else {
            pane.marks.remove(&key);
            pane.all_marked = false;
        }
    }
    pane.recount_marks();
    let marked = pane.marks.len();
    let text = match (matched, mark) {
        (0, _) => format!("Nothing here matches {text}"),
        (n, true) => format!("Marked {n} matching {text} ({marked} marked in all)"),
        (n, false) => format!("Unmarked {n} matching {text} ({marked} still marked)"),
    };
    model.info(text);
    Ok(vec![])
}

#[cfg(test)]
mod tests {
    use super::NamePattern;

    fn matches(pattern: &str, name: &str) -> bool {
        NamePattern::parse(pattern).unwrap().matches(name)
    }

    #[test]
    fn globs_match_whole_names_with_smart_case() {
        assert!(matches("*.jpg", "IMG_0001.JPG"));
        assert!(
            !matches("*.JPG", "img.jpg"),
            "an uppercase letter: exact case"
        );
        assert!(matches("*.JPG", "IMG.JPG"));
        assert!(
            !matches("*.jpg", "a.jpg.txt"),
            "a glob matches the whole name"
        );
        assert!(matches("*.{png,gif}", "猫.gif"));
        assert!(matches("IMG_00[1-3]?.*", "IMG_0021.jpg"));
        assert!(!matches("IMG_00[1-3]?.*", "IMG_0041.jpg"));
        assert!(matches("报告*", "报告 2024.pdf"));
        assert!(matches("\\*.txt", "*.txt") && !matches("\\*.txt", "a.txt"));
    }

    #[test]
    fn plain_text_is_found_inside_names_like_the_filter() {
        assert!(matches("report", "Q3 Report.pdf"));
        assert!(!matches("Report", "q3 report.pdf"));
        assert!(matches("照片", "我的照片.png"));
    }

    #[test]
    fn bad_patterns_say_why() {
        assert!(NamePattern::parse("").is_err());
        let err = NamePattern::parse("*.{png").unwrap_err();
        assert!(err.starts_with("Not a pattern panfm can read: "), "{err}");
    }
}
