use crate::plan::editor::{EditorError, parse, render};
use pretty_assertions::assert_eq;

#[test]
fn round_trip_keeps_names_verbatim() {
    let names = [
        " lead",
        "trail  ",
        "\ttab",
        "# not a comment",
        "中文 名.txt",
        "a  b",
        "$1{n}",
    ];
    let text = render(&names).unwrap();
    assert_eq!(text.lines().count(), names.len());
    assert!(text.ends_with("$1{n}\n"));
    assert_eq!(parse(names.len(), &text).unwrap(), names);
}

#[test]
fn render_refuses_line_breaks_with_one_based_index() {
    assert_eq!(
        render(&["ok", "a\nb"]),
        Err(EditorError::LineBreak {
            index: 2,
            name: "a\nb".into()
        })
    );
    assert!(matches!(
        render(&["a\r"]),
        Err(EditorError::LineBreak { index: 1, .. })
    ));
    let message = render(&["x\ny"]).unwrap_err().to_string();
    assert!(
        message.contains("name 1") && message.contains("line break"),
        "{message}"
    );
}

#[test]
fn final_newline_is_optional() {
    assert_eq!(parse(2, "a\nb").unwrap(), ["a", "b"]);
    assert_eq!(parse(2, "a\nb\n").unwrap(), ["a", "b"]);
}

#[test]
fn crlf_line_endings_are_accepted() {
    assert_eq!(parse(2, "a \r\nb\r\n").unwrap(), ["a ", "b"]);
    assert_eq!(parse(2, "a\r\nb").unwrap(), ["a", "b"]);
}

#[test]
fn leading_and_trailing_whitespace_is_kept() {
    assert_eq!(parse(1, "  a b  \n").unwrap(), ["  a b  "]);
    assert_eq!(parse(2, "\tx\n   \n").unwrap(), ["\tx", "   "]);
}

#[test]
fn blank_lines_are_empty_names_and_count() {
    assert_eq!(
        parse(2, "a\nb\n\n"),
        Err(EditorError::LineCount {
            expected: 2,
            found: 3
        })
    );
    assert_eq!(parse(3, "a\n\nb\n").unwrap(), ["a", "", "b"]);
    assert_eq!(parse(1, "\n").unwrap(), [""]);
}

#[test]
fn line_count_must_match() {
    let err = parse(3, "a\nb\n").unwrap_err();
    assert_eq!(
        err,
        EditorError::LineCount {
            expected: 3,
            found: 2
        }
    );
    assert_eq!(
        err.to_string(),
        "the edited text has 2 lines but 3 names were given; \
         keep exactly one line per name, in the same order"
    );
    assert_eq!(
        parse(1, "a\nb"),
        Err(EditorError::LineCount {
            expected: 1,
            found: 2
        })
    );
}

#[test]
fn empty_text_has_no_lines() {
    assert_eq!(render::<&str>(&[]).unwrap(), "");
    assert_eq!(parse(0, "").unwrap(), Vec::<String>::new());
    assert_eq!(
        parse(1, ""),
        Err(EditorError::LineCount {
            expected: 1,
            found: 0
        })
    );
}
