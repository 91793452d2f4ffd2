use super::*;

fn write(path: &Path, text: &str) -> Stamp {
    std::fs::write(path, text).unwrap();
    Stamp::of(&std::fs::metadata(path).unwrap())
}

#[test]
fn a_file_is_hashed_once_and_its_md5_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (state, file) = (dir.path().join("state"), dir.path().join("a.txt"));
    let stamp = write(&file, "hello");
    let mut cache = Md5Cache::load(Some(&state));
    let md5 = cache.md5(&file, &stamp).unwrap();
    assert_eq!(md5, "5d41402abc4b2a76b9719d911017c592");
    assert_eq!(cache.md5(&file, &stamp).unwrap(), md5);
    assert_eq!(
        cache.stats,
        CacheStats {
            cached: 1,
            hashed: 1,
            hashed_bytes: 5
        }
    );
    cache.save().unwrap();
    let mut again = Md5Cache::load(Some(&state));
    assert_eq!(again.md5(&file, &stamp).unwrap(), md5);
    assert_eq!(again.stats.hashed, 0, "{:?}", again.stats);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(state.join(FILE_NAME))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let names: Vec<_> = std::fs::read_dir(&state)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, [FILE_NAME], "no temporary file left");
}

#[test]
fn a_file_rewritten_with_its_old_size_and_time_is_hashed_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let stamp = write(&file, "hello");
    let mut cache = Md5Cache::load(None);
    let before = cache.md5(&file, &stamp).unwrap();
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::fs::write(&file, "jello").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let now = Stamp::of(&std::fs::metadata(&file).unwrap());
    assert_eq!((now.size, now.mtime_ns), (stamp.size, stamp.mtime_ns));
    assert_eq!(cache.get(&file, &now), None, "the change time moved: stale");
    assert_ne!(cache.md5(&file, &now).unwrap(), before);
    assert_eq!(cache.stats.hashed, 2);
}

#[test]
fn a_file_that_changes_while_hashed_is_an_error_and_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let stamp = write(&file, "hello");
    write(&file, "hello, longer");
    let mut cache = Md5Cache::load(None);
    assert!(cache.md5(&file, &stamp).is_err());
    assert!(cache.is_empty());
}

#[test]
fn a_damaged_cache_starts_over_and_old_entries_are_pruned_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join(FILE_NAME), "{not json").unwrap();
    let mut cache = Md5Cache::load(Some(&state));
    assert!(cache.is_empty());
    let file = dir.path().join("a");
    let stamp = write(&file, "x");
    cache.put(&file, stamp, "m".into());
    cache.put(&dir.path().join("old"), stamp, "m".into());
    let old = key(&dir.path().join("old")).unwrap();
    cache.entries.get_mut(&old).unwrap().used = cache.today - KEEP_DAYS - 1;
    cache.save().unwrap();
    assert_eq!(Md5Cache::load(Some(&state)).len(), 1);
}
