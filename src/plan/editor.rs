//! `$EDITOR` bulk rename, as vidir does it without the numbers: [`render`] writes one name per
//! line, the user edits the lines in place, [`parse`] reads them back and line k is the new
//! name of name k. Pure text work: writing the temp file and running the editor happen elsewhere.
//!
//! No header or comment lines: any line, `# like this` included, is a name. Lines are taken
//! verbatim, leading and trailing spaces and tabs included (an editor that trims trailing
//! whitespace therefore renames `a ` to `a`, which the plan then shows). Only line terminators
//! are removed: `\n`, or `\r\n` from editors that write CRLF. That is unambiguous because
//! [`render`] refuses names containing `\n` or `\r`.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditorError {
    /// `index` is 1-based.
    #[error("name {index} ({name:?}) contains a line break, so it cannot be edited as a line")]
    LineBreak { index: usize, name: String },
    #[error(
        "the edited text has {found} lines but {expected} names were given; \
         keep exactly one line per name, in the same order"
    )]
    LineCount { expected: usize, found: usize },
}

/// The text to edit: each name followed by `\n`.
pub fn render<S: AsRef<str>>(names: &[S]) -> Result<String, EditorError> {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        let name = name.as_ref();
        if name.contains(['\n', '\r']) {
            return Err(EditorError::LineBreak {
                index: i + 1,
                name: name.to_owned(),
            });
        }
        out.push_str(name);
        out.push('\n');
    }
    Ok(out)
}

/// The edited lines, which must number `original_count`. The empty text has no lines; otherwise
/// a final line terminator is optional, and every other terminator ends a line, so blank lines
/// (the end included: `"a\n\n"` is two lines) are empty names and count.
pub fn parse(original_count: usize, edited: &str) -> Result<Vec<String>, EditorError> {
    let lines: Vec<String> = match edited.is_empty() {
        true => Vec::new(),
        false => edited
            .strip_suffix('\n')
            .unwrap_or(edited)
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line).to_owned())
            .collect(),
    };
    match lines.len() == original_count {
        true => Ok(lines),
        false => Err(EditorError::LineCount {
            expected: original_count,
            found: lines.len(),
        }),
    }
}
