//! Unit tests of the image tree and its mutations.

use super::super::reply::ApiError;
use super::super::tree::Duplicate;
use super::ops::Placed;
use super::tree::ImageTree;

const DIR_EXISTS: &str = "该目录下已经有同名文件夹,无法进行创建";

fn image(t: &mut ImageTree, parent: &str, name: &str, etag: &str) -> String {
    t.place(parent, name, (etag, 3), Duplicate::Refuse, 0)
        .unwrap()
        .id
}

#[test]
fn root_is_empty_string_and_a_real_folder() {
    let mut t = ImageTree::default();
    let ids = t.mkdir("", &["blog".to_owned()], 0).unwrap();
    let blog = t.get(&ids[0]).unwrap();
    assert_eq!(blog.parent, t.root_id());
    assert_eq!(t.resolve("/blog"), Some(ids[0].clone()));
    assert_eq!(t.children("").count(), 1);
    assert_eq!(t.children(t.root_id()).count(), 1);
    let again = t.mkdir("", &["blog".to_owned()], 0).unwrap_err();
    assert_eq!(again.message, DIR_EXISTS);
    assert!(t.mkdir("nope", &["x".to_owned()], 0).is_err());
    assert!(t.file("").is_err(), "the root is not an item");
}

#[test]
fn same_content_in_a_folder_overwrites_the_image() {
    let mut t = ImageTree::default();
    let a = image(&mut t, "", "a.png", "e1");
    let again = t
        .place("", "b.png", ("e1", 3), Duplicate::Refuse, 5)
        .unwrap();
    assert_eq!(
        again,
        Placed {
            id: a.clone(),
            overwrote: true
        }
    );
    assert_eq!(t.get(&a).unwrap().name, "b.png");
    assert_eq!(t.children("").count(), 1);
    let dir = t.mkdir("", &["d".to_owned()], 0).unwrap().remove(0);
    let other = t
        .place(&dir, "b.png", ("e1", 3), Duplicate::Refuse, 5)
        .unwrap();
    assert!(!other.overwrote, "another folder is another image");
}

#[test]
fn name_clashes_follow_the_duplicate_policy() {
    let mut t = ImageTree::default();
    let a = image(&mut t, "", "a.png", "e1");
    let refused = t.place("", "a.png", ("e2", 3), Duplicate::Refuse, 0);
    assert_eq!(refused, Err(ApiError::name_taken()));
    let both = t
        .place("", "a.png", ("e2", 3), Duplicate::KeepBoth, 0)
        .unwrap();
    assert_eq!(t.get(&both.id).unwrap().name, "a(1).png");
    let over = t
        .place("", "a.png", ("e3", 3), Duplicate::Overwrite, 0)
        .unwrap();
    assert!(t.get(&a).is_none());
    assert_eq!(t.resolve("/a.png"), Some(over.id));
}

#[test]
fn listing_is_newest_first_and_cursors_survive_deletes() {
    let mut t = ImageTree::default();
    let ids: Vec<String> = (0..4)
        .map(|i| image(&mut t, "", &format!("{i}.png"), &format!("e{i}")))
        .collect();
    let names: Vec<&str> = t.children("").map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["3.png", "2.png", "1.png", "0.png"]);
    let seq = t.cursor_seq(&ids[2]).unwrap();
    t.delete(&[ids[2].clone()]).unwrap();
    assert_eq!(t.cursor_seq(&ids[2]), Some(seq));
    let rest: Vec<&str> = t.children_from("", seq).map(|n| n.name.as_str()).collect();
    assert_eq!(rest, ["1.png", "0.png"]);
}

#[test]
fn move_and_recursive_delete() {
    let mut t = ImageTree::default();
    let d = t.mkdir("", &["d".to_owned(), "e".to_owned()], 0).unwrap();
    let inner = t.mkdir(&d[0], &["in".to_owned()], 0).unwrap().remove(0);
    let f = image(&mut t, &inner, "f.png", "e1");
    assert!(
        t.move_items(&[d[0].clone()], &inner, 0)
            .unwrap_err()
            .message
            .contains("自身")
    );
    assert!(
        t.move_items(std::slice::from_ref(&f), &inner, 0).is_err(),
        "already there"
    );
    t.move_items(std::slice::from_ref(&f), "", 0).unwrap();
    assert_eq!(t.get(&f).unwrap().parent, t.root_id());
    t.move_items(std::slice::from_ref(&f), &d[1], 0).unwrap();
    t.delete(&[d[0].clone()]).unwrap();
    assert!(t.get(&inner).is_none());
    assert!(t.get(&f).is_some());
    assert!(t.delete(&["missing".to_owned()]).is_err());
}
