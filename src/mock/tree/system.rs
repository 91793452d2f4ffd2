//! Folders the server makes and names itself, like the offline download's "来自:离线下载": the
//! name rules for users (no `:`) don't apply to them.

use super::super::reply::ApiError;
use super::{Kind, Tree};

impl Tree {
    /// The live folder `name` in `parent`, made now if missing; a file of that name is in
    /// the way (the server's behaviour then is undocumented: refused).
    pub fn system_dir(&mut self, parent: i64, name: &str, now: i64) -> Result<i64, ApiError> {
        match self.live_child(parent, name) {
            Some(n) if n.is_dir() => Ok(n.id),
            Some(_) => Err(ApiError::name_taken()),
            None => Ok(self.add(parent, name, Kind::Dir, now)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ROOT, test_file};
    use super::*;

    #[test]
    fn made_once_found_after_and_blocked_by_a_file() {
        let mut t = Tree::new(100);
        let a = t.system_dir(ROOT, "来自:离线下载", 1).unwrap();
        assert_eq!(t.system_dir(ROOT, "来自:离线下载", 2).unwrap(), a);
        test_file(&mut t, ROOT, "x:y");
        assert!(t.system_dir(ROOT, "x:y", 3).is_err());
    }
}
