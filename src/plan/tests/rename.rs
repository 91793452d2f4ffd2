use crate::fs::{Entry, EntryKey, EntryKind};
use crate::plan::{CaseChange, Counter, Find, RenameInput, RenameSpec, RenameSpecError, Scope};
use pretty_assertions::assert_eq;

fn files(names: &[&'static str]) -> Vec<RenameInput<'static>> {
    names.iter().map(|n| RenameInput::file(n)).collect()
}

fn run(spec: &RenameSpec, names: &[&'static str]) -> Vec<String> {
    match spec.apply(&files(names)) {
        Ok(out) => out,
        Err(e) => panic!("{e}"),
    }
}

fn one(spec: &RenameSpec, name: &'static str) -> String {
    run(spec, &[name]).concat()
}

#[test]
fn literal_replaces_every_occurrence_case_sensitively() {
    let spec = RenameSpec::literal("_", "-");
    assert_eq!(one(&spec, "a_b_c.t_t"), "a-b-c.t-t");
    let stem = RenameSpec {
        scope: Scope::Stem,
        ..spec
    };
    assert_eq!(one(&stem, "a_b_c.t_t"), "a-b-c.t_t");
    assert_eq!(
        one(&RenameSpec::literal("img", "pic"), "IMG_1.jpg"),
        "IMG_1.jpg"
    );
}

#[test]
fn literal_case_insensitive() {
    let spec = RenameSpec {
        find: Find::Literal {
            text: "img".into(),
            case_insensitive: true,
        },
        ..RenameSpec::literal("", "pic")
    };
    assert_eq!(one(&spec, "IMG_1_Img.jpg"), "pic_1_pic.jpg");
}

#[test]
fn literal_mode_takes_dollars_and_regex_syntax_literally() {
    assert_eq!(
        one(&RenameSpec::literal("a.b", "$1"), "a.b_axb.txt"),
        "$1_axb.txt"
    );
}

#[test]
fn first_occurrence_only() {
    let spec = RenameSpec {
        all_occurrences: false,
        ..RenameSpec::literal("a", "x")
    };
    assert_eq!(one(&spec, "banana"), "bxnana");
    let spec = RenameSpec {
        all_occurrences: false,
        ..RenameSpec::regex("[0-9]", "#")
    };
    assert_eq!(one(&spec, "a1b2"), "a#b2");
}

#[test]
fn regex_numbered_and_named_captures() {
    let spec = RenameSpec::regex(r"(\d+)-(\d+)", "$2-$1");
    assert_eq!(one(&spec, "shot 12-34.png"), "shot 34-12.png");
    let spec = RenameSpec::regex(r"(?P<y>\d{4})(?P<m>\d{2})", "${y}-${m}_$$");
    assert_eq!(one(&spec, "img202401.jpg"), "img2024-01_$.jpg");
    let spec = RenameSpec::regex(r"(a)", "${1}b$0");
    assert_eq!(one(&spec, "xa"), "xaba");
}

#[test]
fn regex_case_insensitive_flag() {
    let spec = RenameSpec {
        find: Find::Regex {
            pattern: "^img".into(),
            case_insensitive: true,
        },
        ..RenameSpec::regex("", "pic")
    };
    assert_eq!(one(&spec, "IMG_1.jpg"), "pic_1.jpg");
    assert_eq!(
        one(&RenameSpec::regex("^img", "pic"), "IMG_1.jpg"),
        "IMG_1.jpg"
    );
}

#[test]
fn unknown_groups_and_bad_patterns_are_errors() {
    let err = |spec: RenameSpec| spec.compile().err();
    assert_eq!(
        err(RenameSpec::regex("(a)", "$1a")),
        Some(RenameSpecError::UnknownGroup { group: "1a".into() })
    );
    assert_eq!(
        err(RenameSpec::regex("(a)", "$2")),
        Some(RenameSpecError::UnknownGroup { group: "2".into() })
    );
    assert_eq!(
        err(RenameSpec::regex("(?P<x>a)", "${y}")),
        Some(RenameSpecError::UnknownGroup { group: "y".into() })
    );
    assert!(matches!(
        err(RenameSpec::regex("(a", "")),
        Some(RenameSpecError::InvalidRegex(_))
    ));
    assert_eq!(err(RenameSpec::regex("(a)", "$ ${1}x $")), None);
    let message = RenameSpecError::UnknownGroup { group: "1a".into() }.to_string();
    assert!(
        message.contains("`1a`") && message.contains("${1}x"),
        "{message}"
    );
}

#[test]
fn counter_follows_input_order_with_start_step_and_width() {
    let spec = RenameSpec {
        counter: Counter {
            start: 1,
            step: 1,
            width: 3,
        },
        scope: Scope::Stem,
        ..RenameSpec::regex(".+", "photo_{n}")
    };
    assert_eq!(
        run(&spec, &["z.jpg", "a.jpg", "m.JPG"]),
        ["photo_001.jpg", "photo_002.jpg", "photo_003.JPG"]
    );
    let spec = RenameSpec {
        counter: Counter {
            start: 10,
            step: 5,
            width: 0,
        },
        ..RenameSpec::regex("^", "{n}-")
    };
    assert_eq!(run(&spec, &["a", "b", "c"]), ["10-a", "15-b", "20-c"]);
    let spec = RenameSpec {
        counter: Counter {
            start: 1000,
            step: 1,
            width: 2,
        },
        scope: Scope::Stem,
        ..RenameSpec::literal("x", "{n}")
    };
    assert_eq!(one(&spec, "x.txt"), "1000.txt");
    let spec = RenameSpec {
        counter: Counter {
            start: 7,
            step: 1,
            width: usize::MAX,
        },
        ..RenameSpec::literal("x", "{n}")
    };
    assert_eq!(one(&spec, "x"), format!("{}7", "0".repeat(254)));
}

#[test]
fn counter_skips_names_that_do_not_match() {
    let spec = RenameSpec::literal("IMG", "pic{n}");
    assert_eq!(
        run(&spec, &["IMG_a", "notes", "IMG_b"]),
        ["pic1_a", "notes", "pic2_b"]
    );
}

#[test]
fn counter_is_per_name_not_per_match() {
    assert_eq!(one(&RenameSpec::literal("a", "{n}"), "aXa"), "1X1");
}

#[test]
fn braces_escape_the_counter() {
    assert_eq!(one(&RenameSpec::literal("x", "{{n}}_{n}"), "x"), "{n}_1");
    assert_eq!(one(&RenameSpec::regex("x", "{{n}}{n}"), "x"), "{n}1");
    assert_eq!(one(&RenameSpec::literal("x", "{a}}{"), "x"), "{a}{");
    let spec = RenameSpec::regex("(?P<n>x)", "${n}{n}");
    assert_eq!(one(&spec, "x"), "x1");
}

#[test]
fn case_changes_apply_after_replacement() {
    let with_case = |case, spec: RenameSpec| RenameSpec {
        case,
        scope: Scope::Stem,
        ..spec
    };
    let spec = with_case(CaseChange::Lower, RenameSpec::literal("A", "B"));
    assert_eq!(one(&spec, "xAy.TXT"), "xby.TXT");
    let spec = with_case(CaseChange::Upper, RenameSpec::literal("", ""));
    assert_eq!(one(&spec, "straße.txt"), "STRASSE.txt");
    let spec = with_case(CaseChange::Title, RenameSpec::literal("", ""));
    assert_eq!(
        one(&spec, "don't STOP-me_now 2nd.mp3"),
        "Don't Stop-Me_Now 2nd.mp3"
    );
    let spec = with_case(CaseChange::Keep, RenameSpec::literal("", ""));
    assert_eq!(one(&spec, "MiXeD.TxT"), "MiXeD.TxT");
}

#[test]
fn scopes() {
    let scoped = |scope| RenameSpec {
        scope,
        ..RenameSpec::literal("a", "b")
    };
    assert_eq!(one(&scoped(Scope::Stem), "a.a.a"), "b.b.a");
    assert_eq!(one(&scoped(Scope::Whole), "a.a.a"), "b.b.b");
    assert_eq!(one(&scoped(Scope::Extension), "a.a.a"), "a.a.b");
    assert_eq!(one(&scoped(Scope::Extension), "aaa"), "aaa");
    let lower_ext = RenameSpec {
        scope: Scope::Extension,
        case: CaseChange::Lower,
        ..RenameSpec::literal("", "")
    };
    assert_eq!(one(&lower_ext, "IMG.JPG"), "IMG.jpg");
}

#[test]
fn emptied_extension_loses_its_dot() {
    let spec = RenameSpec {
        scope: Scope::Extension,
        ..RenameSpec::regex(".+", "")
    };
    assert_eq!(one(&spec, "notes.bak"), "notes");
}

#[test]
fn dot_files_have_no_extension() {
    let spec = RenameSpec::literal("bash", "zsh");
    assert_eq!(one(&spec, ".bashrc"), ".zshrc");
    let ext = RenameSpec {
        scope: Scope::Extension,
        ..RenameSpec::regex(".+", "x")
    };
    assert_eq!(one(&ext, ".bashrc"), ".bashrc");
    assert_eq!(one(&ext, ".config.toml"), ".config.x");
}

#[test]
fn directories_have_no_extension() {
    let dirs = [
        RenameInput::dir("photos.2024"),
        RenameInput::file("photos.2024"),
    ];
    let stem = RenameSpec {
        scope: Scope::Stem,
        ..RenameSpec::literal("2024", "2025")
    };
    assert_eq!(
        stem.apply(&dirs),
        Ok(vec!["photos.2025".into(), "photos.2024".into()])
    );
    let ext = RenameSpec {
        scope: Scope::Extension,
        ..RenameSpec::regex(".+", "x")
    };
    assert_eq!(
        ext.apply(&dirs),
        Ok(vec!["photos.2024".into(), "photos.x".into()])
    );
}

#[test]
fn inputs_from_entries_know_directories() {
    let entry = |kind| Entry::new(EntryKey::Cloud(1), "a.b".into(), kind, 0, None);
    let dir = entry(EntryKind::Dir);
    let link = entry(EntryKind::Symlink { to_dir: true });
    let file = entry(EntryKind::File);
    assert_eq!(RenameInput::from(&dir), RenameInput::dir("a.b"));
    assert_eq!(RenameInput::from(&link), RenameInput::dir("a.b"));
    assert_eq!(RenameInput::from(&file), RenameInput::file("a.b"));
}

#[test]
fn empty_find_changes_nothing_and_counts_nothing() {
    let spec = RenameSpec::literal("", "{n}");
    assert_eq!(run(&spec, &["a", "b"]), ["a", "b"]);
}

#[test]
fn default_spec_is_identity_in_whole_scope() {
    let spec = RenameSpec::default();
    assert_eq!(spec.scope, Scope::Whole);
    assert_eq!(spec.counter, Counter::default());
    assert_eq!(run(&spec, &["x.y", ".z"]), ["x.y", ".z"]);
}
