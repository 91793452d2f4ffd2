//! Case changes applied by a rename spec after replacement, to the scoped part of a name only.
//! Uses Unicode case mapping, so the result can differ in length (`ß` uppercases to `SS`).

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaseChange {
    #[default]
    Keep,
    Lower,
    Upper,
    /// First letter or digit of each word uppercased, the rest lowercased. A word starts after
    /// any character that is neither alphanumeric nor an apostrophe, so `don't_stop-me.now`
    /// becomes `Don't_Stop-Me.Now`.
    Title,
}

impl CaseChange {
    pub fn apply(self, text: &str) -> String {
        match self {
            Self::Keep => text.to_owned(),
            Self::Lower => text.to_lowercase(),
            Self::Upper => text.to_uppercase(),
            Self::Title => title_case(text),
        }
    }
}

fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            match word_start {
                true => out.extend(c.to_uppercase()),
                false => out.extend(c.to_lowercase()),
            }
            word_start = false;
        } else {
            out.push(c);
            word_start = !matches!(c, '\'' | '\u{2019}');
        }
    }
    out
}
