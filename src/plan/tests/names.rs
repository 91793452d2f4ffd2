use crate::plan::names::{CLOUD_FORBIDDEN, split_extension};
use crate::plan::{NameError, NameRules, to_full_width, validate_cloud_name, validate_local_name};
use pretty_assertions::assert_eq;

#[test]
fn cloud_refuses_each_forbidden_char_with_its_position() {
    for c in CLOUD_FORBIDDEN {
        let name = format!("ab{c}d");
        assert_eq!(
            validate_cloud_name(&name),
            Err(NameError::ForbiddenChar { ch: c, position: 3 }),
            "{name}"
        );
    }
    assert_eq!(CLOUD_FORBIDDEN.len(), 9);
}

#[test]
fn positions_count_characters_not_bytes() {
    assert_eq!(
        validate_cloud_name("日本:x"),
        Err(NameError::ForbiddenChar {
            ch: ':',
            position: 3
        })
    );
}

#[test]
fn cloud_length_limits_are_255_chars_and_255_bytes() {
    assert_eq!(validate_cloud_name(&"a".repeat(255)), Ok(()));
    assert_eq!(
        validate_cloud_name(&"a".repeat(256)),
        Err(NameError::TooManyChars { chars: 256 })
    );
    assert_eq!(validate_cloud_name(&"中".repeat(85)), Ok(()));
    assert_eq!(
        validate_cloud_name(&"中".repeat(86)),
        Err(NameError::TooManyBytes { bytes: 258 })
    );
    assert_eq!(
        validate_cloud_name(&format!("{}é", "a".repeat(254))),
        Err(NameError::TooManyBytes { bytes: 256 })
    );
}

#[test]
fn cloud_refuses_empty_and_blank_names() {
    assert_eq!(validate_cloud_name(""), Err(NameError::Empty));
    assert_eq!(validate_cloud_name(" "), Err(NameError::AllSpaces));
    assert_eq!(validate_cloud_name("   "), Err(NameError::AllSpaces));
    assert_eq!(validate_cloud_name("\u{3000}\t"), Err(NameError::AllSpaces));
    assert_eq!(validate_cloud_name(" a "), Ok(()));
    assert_eq!(validate_cloud_name(".bashrc"), Ok(()));
}

#[test]
fn local_rules() {
    assert_eq!(validate_local_name("a:b*?.txt"), Ok(()));
    assert_eq!(validate_local_name("   "), Ok(()));
    assert_eq!(validate_local_name(""), Err(NameError::Empty));
    assert_eq!(
        validate_local_name("."),
        Err(NameError::Reserved(".".into()))
    );
    assert_eq!(
        validate_local_name(".."),
        Err(NameError::Reserved("..".into()))
    );
    assert_eq!(validate_local_name("..."), Ok(()));
    assert_eq!(
        validate_local_name("a/b"),
        Err(NameError::ForbiddenChar {
            ch: '/',
            position: 2
        })
    );
    assert_eq!(
        validate_local_name("ab\0"),
        Err(NameError::ForbiddenChar {
            ch: '\0',
            position: 3
        })
    );
    assert_eq!(validate_local_name(&"a".repeat(255)), Ok(()));
    assert_eq!(
        validate_local_name(&"a".repeat(256)),
        Err(NameError::TooManyBytes { bytes: 256 })
    );
    assert_eq!(
        validate_local_name(&"中".repeat(86)),
        Err(NameError::TooManyBytes { bytes: 258 })
    );
}

#[test]
fn rules_dispatch_and_compare_names() {
    assert!(NameRules::Cloud.validate("a:b").is_err());
    let local = NameRules::Local {
        case_insensitive: false,
    };
    assert!(local.validate("a:b").is_ok());
    assert!(!NameRules::Cloud.same_name("a.TXT", "a.txt"));
    assert!(!local.same_name("a.TXT", "a.txt"));
    let folding = NameRules::Local {
        case_insensitive: true,
    };
    assert!(folding.same_name("Ä.TXT", "ä.txt"));
    assert!(!folding.same_name("a", "b"));
}

#[test]
fn errors_read_as_sentences() {
    let cases = [
        (NameError::Empty, "the name is empty"),
        (NameError::AllSpaces, "the name consists only of spaces"),
        (
            NameError::ForbiddenChar {
                ch: ':',
                position: 4,
            },
            "the name contains the forbidden character `:` at position 4",
        ),
        (
            NameError::ForbiddenChar {
                ch: '\0',
                position: 1,
            },
            "the name contains the forbidden character `\\0` at position 1",
        ),
        (
            NameError::TooManyChars { chars: 256 },
            "the name is too long: 256 characters, at most 255 are allowed",
        ),
        (
            NameError::TooManyBytes { bytes: 258 },
            "the name is too long: 258 bytes in UTF-8, at most 255 are allowed",
        ),
        (
            NameError::Reserved("..".into()),
            "`..` is reserved and cannot be used as a name",
        ),
    ];
    for (err, text) in cases {
        assert_eq!(err.to_string(), text);
    }
}

#[test]
fn full_width_maps_every_forbidden_char() {
    assert_eq!(to_full_width("\"\\/:*?|><"), "＂＼／：＊？｜＞＜");
    assert_eq!(to_full_width("a:b.txt"), "a：b.txt");
    assert_eq!(to_full_width("plain 名字-_.txt"), "plain 名字-_.txt");
    for c in CLOUD_FORBIDDEN {
        let mapped = to_full_width(&c.to_string());
        assert_eq!(
            mapped.chars().next().map(|m| m as u32),
            Some(c as u32 + 0xFEE0)
        );
        assert_eq!(validate_cloud_name(&mapped), Ok(()));
    }
}

#[test]
fn extension_split() {
    assert_eq!(split_extension("a.tar.gz", false), ("a.tar", Some("gz")));
    assert_eq!(split_extension("README", false), ("README", None));
    assert_eq!(split_extension(".bashrc", false), (".bashrc", None));
    assert_eq!(
        split_extension(".config.toml", false),
        (".config", Some("toml"))
    );
    assert_eq!(split_extension("name.", false), ("name.", None));
    assert_eq!(split_extension("x.d", true), ("x.d", None));
}
