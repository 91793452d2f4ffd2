//! Local paths in the state file: a string when the path is UTF-8, else its raw bytes (Unix),
//! so a file of any name can be queued and the queue still saved. For `#[serde(with)]`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Repr {
    Text(String),
    Bytes(Vec<u8>),
}

fn repr(path: &Path) -> Repr {
    match path.to_str() {
        Some(text) => Repr::Text(text.to_owned()),
        None => Repr::Bytes(raw(path)),
    }
}

#[cfg(unix)]
fn raw(path: &Path) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec()
}

#[cfg(not(unix))]
fn raw(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

fn path(repr: Repr) -> PathBuf {
    match repr {
        Repr::Text(text) => PathBuf::from(text),
        #[cfg(unix)]
        Repr::Bytes(bytes) => {
            PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(bytes))
        }
        #[cfg(not(unix))]
        Repr::Bytes(bytes) => PathBuf::from(String::from_utf8_lossy(&bytes).into_owned()),
    }
}

pub(crate) fn serialize<S: Serializer>(p: &Path, s: S) -> Result<S::Ok, S::Error> {
    repr(p).serialize(s)
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
    Repr::deserialize(d).map(path)
}

/// The same for a list of paths.
pub(crate) mod many {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(ps: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(ps.iter().map(|p| repr(p)))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PathBuf>, D::Error> {
        Vec::<Repr>::deserialize(d).map(|v| v.into_iter().map(path).collect())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::ffi::OsStrExt;

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Saved {
        #[serde(with = "super")]
        one: PathBuf,
        #[serde(with = "super::many")]
        all: Vec<PathBuf>,
    }

    #[test]
    fn utf8_paths_stay_strings_and_others_round_trip_as_bytes() {
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"/d/caf\xe9.txt"));
        let saved = Saved {
            one: PathBuf::from("/d/照片.jpg"),
            all: vec![odd.clone(), PathBuf::from("/d/a")],
        };
        let json = serde_json::to_string(&saved).unwrap();
        assert!(json.contains("\"/d/照片.jpg\""), "{json}");
        assert_eq!(serde_json::from_str::<Saved>(&json).unwrap(), saved);
        // What `PathBuf`'s own encoding wrote (a string) still reads.
        let old: Saved = serde_json::from_str(r#"{"one":"/x","all":["/y"]}"#).unwrap();
        assert_eq!(old.all, vec![PathBuf::from("/y")]);
    }
}
