use super::*;
use crate::api::{ApiError, FileEntry, FileId, FileKind};
use std::future::Future;
use std::sync::Mutex;

/// A drive in memory: `(id, parent, name, is_dir, trashed)`; counts listings.
struct Fake {
    items: Vec<(FileId, FileId, &'static str, bool, bool)>,
    lists: Mutex<Vec<FileId>>,
}

fn entry(&(id, parent, name, dir, trashed): &(FileId, FileId, &str, bool, bool)) -> FileEntry {
    FileEntry {
        id,
        name: name.to_owned(),
        parent_id: parent,
        kind: if dir { FileKind::Dir } else { FileKind::File },
        trashed,
        ..root_entry()
    }
}

impl Lister for Fake {
    fn list(&self, dir: FileId) -> impl Future<Output = Result<Vec<FileEntry>, ApiError>> + Send {
        self.lists.lock().unwrap().push(dir);
        let out = self
            .items
            .iter()
            .filter(|i| i.1 == dir)
            .map(entry)
            .collect();
        std::future::ready(Ok(out))
    }

    fn detail(&self, id: FileId) -> impl Future<Output = Result<FileEntry, ApiError>> + Send {
        let found = self.items.iter().find(|i| i.0 == id).map(entry);
        std::future::ready(found.ok_or_else(|| {
            ApiError::from_code("api/v1/file/detail", 5066, "文件不存在".into(), None)
        }))
    }
}

fn drive() -> Resolver<Fake> {
    Resolver::new(Fake {
        items: vec![
            (1, 0, "照片 2024", true, false),
            (2, 1, "春节 🎉.jpg", false, false),
            (3, 1, "sub", true, false),
            (4, 3, "deep.txt", false, false),
            (5, 0, "twin", false, false),
            (6, 0, "twin", false, false),
            (7, 0, "gone.txt", false, true),
            (8, 0, "gone.txt", false, true),
            (9, 0, "a file", false, false),
            (10, 0, "mixed", false, false),
            (11, 0, "mixed", true, false),
            (12, 11, "inside", false, false),
            (13, 0, "old.txt", false, true),
        ],
        lists: Mutex::new(Vec::new()),
    })
}

#[test]
fn parsing() {
    let p = CloudPath::parse("/照片 2024//./sub/../春节 🎉.jpg/").unwrap();
    assert_eq!(p.base, None);
    assert_eq!(p.names, vec!["照片 2024", "春节 🎉.jpg"]);
    assert_eq!(p.display(), "/照片 2024/春节 🎉.jpg");
    assert_eq!(CloudPath::parse("/..").unwrap().display(), "/");
    let p = CloudPath::parse("id:42/x").unwrap();
    assert_eq!((p.base, p.names.clone()), (Some(42), vec!["x".to_owned()]));
    assert_eq!(p.display(), "id:42/x");
    assert_eq!(
        CloudPath::parse("id:0").unwrap().base,
        None,
        "id:0 is the root"
    );
    for bad in ["photos", "", "12345", "id:", "id:x", "id:1x/a"] {
        assert!(
            matches!(CloudPath::parse(bad), Err(ResolveError::Syntax(_))),
            "{bad}"
        );
    }
    assert!(matches!(
        CloudPath::parse("id:4/.."),
        Err(ResolveError::AboveBase(_))
    ));
    let (parent, last) = p.split_last().unwrap();
    assert_eq!((parent.display().as_str(), last), ("id:42", "x"));
    assert!(CloudPath::parse("/").unwrap().split_last().is_none());
}

#[tokio::test]
async fn walks_names_with_spaces_cjk_and_emoji_listing_each_folder_once() {
    let mut r = drive();
    let found = r.resolve("/照片 2024/春节 🎉.jpg").await.unwrap();
    assert_eq!(found.entry.id, 2);
    assert_eq!(found.path, "/照片 2024/春节 🎉.jpg");
    assert_eq!(found.ancestors, Some(vec![0, 1]));
    let deep = r.resolve("/照片 2024/sub/deep.txt").await.unwrap();
    assert_eq!(deep.entry.id, 4);
    assert_eq!(r.ancestors(&deep).await.unwrap(), vec![0, 1, 3]);
    assert_eq!(*r.lister().lists.lock().unwrap(), vec![0, 1, 3]);
    let root = r.resolve("/").await.unwrap();
    assert_eq!((root.entry.id, root.path.as_str()), (0, "/"));
}

#[tokio::test]
async fn missing_paths_name_the_missing_part() {
    let mut r = drive();
    let err = r.resolve("/照片 2024/nope/x").await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "no such file or directory: /照片 2024/nope (nope not found in /照片 2024)"
    );
    let err = r.resolve("/a file/x").await.unwrap_err();
    assert_eq!(err.to_string(), "not a directory: /a file");
    let err = r.resolve_dir("/a file").await.unwrap_err();
    assert_eq!(err, ResolveError::NotADir("/a file".into()));
    let err = r.resolve("/old.txt").await.unwrap_err();
    assert_eq!(err.to_string(), "/old.txt is in the trash");
}

#[tokio::test]
async fn same_names_are_ambiguous_unless_only_one_is_a_folder_on_the_way() {
    let mut r = drive();
    let err = r.resolve("/twin").await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "/twin is ambiguous: 2 entries are named twin in /; use one of id:5, id:6"
    );
    assert_eq!(r.resolve("id:6").await.unwrap().entry.name, "twin");
    // On the way down only folders count; as the last name both do.
    assert_eq!(r.resolve("/mixed/inside").await.unwrap().entry.id, 12);
    assert!(matches!(
        r.resolve("/mixed").await,
        Err(ResolveError::Ambiguous { .. })
    ));
}

#[tokio::test]
async fn ids_and_the_trash() {
    let mut r = drive();
    let sub = r.resolve("id:3/deep.txt").await.unwrap();
    assert_eq!((sub.entry.id, sub.path.as_str()), (4, "id:3/deep.txt"));
    assert_eq!(sub.ancestors, None);
    assert_eq!(r.ancestors(&sub).await.unwrap(), vec![0, 1, 3]);
    assert_eq!(
        r.resolve("id:999").await.unwrap_err(),
        ResolveError::NoSuchId("id:999".into())
    );
    assert_eq!(
        r.resolve("id:7").await.unwrap_err(),
        ResolveError::InTrash("id:7".into())
    );
    let trashed = r.resolve_as("/old.txt", Want::Trashed).await.unwrap();
    assert_eq!(trashed.entry.id, 13);
    assert!(matches!(
        r.resolve_as("/gone.txt", Want::Trashed).await,
        Err(ResolveError::Ambiguous { ids, .. }) if ids == vec![7, 8]
    ));
    assert_eq!(
        r.resolve_as("/a file", Want::Trashed).await.unwrap_err(),
        ResolveError::NotInTrash("/a file".into())
    );
    assert_eq!(
        r.resolve_as("id:8", Want::Trashed).await.unwrap().entry.id,
        8
    );
}

#[tokio::test]
async fn learnt_entries_are_found_without_listing_again() {
    let mut r = drive();
    r.resolve("/照片 2024/sub").await.unwrap();
    r.learn(FileEntry {
        id: 50,
        name: "new".into(),
        parent_id: 1,
        kind: FileKind::Dir,
        ..root_entry()
    });
    assert_eq!(r.resolve("/照片 2024/new").await.unwrap().entry.id, 50);
    assert_eq!(r.lister().lists.lock().unwrap().len(), 2);
    r.forget(1);
    assert!(r.resolve("/照片 2024/new").await.is_err(), "listed again");
}
