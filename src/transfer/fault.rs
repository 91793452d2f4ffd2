//! Fault injection for the part-file writers, so that tests can prove what a full or read-only
//! disk does to a download or a local copy without a small filesystem to fill: after `after`
//! bytes of a part file, writes fail with the chosen error. Debug builds read it from `PANFM_FAULT_DISK`
//! (`enospc:<bytes>` or `erofs:<bytes>`), which lets the end-to-end tests inject it into the
//! real binary; release builds never do.

/// The error a faulty disk answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskError {
    /// ENOSPC: no space left on the device.
    Full,
    /// EROFS: a read-only file system.
    ReadOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiskFault {
    pub error: DiskError,
    /// Bytes of a part file that are written before the writes fail.
    pub after: u64,
}

impl DiskFault {
    /// `PANFM_FAULT_DISK` in debug builds; `None` otherwise or when unset or malformed.
    pub fn from_env() -> Option<Self> {
        if !cfg!(debug_assertions) {
            return None;
        }
        Self::parse(&std::env::var("PANFM_FAULT_DISK").ok()?)
    }

    fn parse(text: &str) -> Option<Self> {
        let (kind, after) = text.split_once(':')?;
        let error = match kind {
            "enospc" => DiskError::Full,
            "erofs" => DiskError::ReadOnly,
            _ => return None,
        };
        Some(Self {
            error,
            after: after.trim().parse().ok()?,
        })
    }

    /// The failure for a write that would take the part file from `len` past `after`.
    pub(crate) fn check(&self, len: u64, more: u64) -> std::io::Result<()> {
        if len.saturating_add(more) <= self.after {
            return Ok(());
        }
        let errno = match self.error {
            DiskError::Full => 28,
            DiskError::ReadOnly => 30,
        };
        Err(std::io::Error::from_raw_os_error(errno))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_two_kinds() {
        assert_eq!(
            DiskFault::parse("enospc:100"),
            Some(DiskFault {
                error: DiskError::Full,
                after: 100
            })
        );
        assert_eq!(
            DiskFault::parse("erofs:0").map(|f| f.error),
            Some(DiskError::ReadOnly)
        );
        assert_eq!(DiskFault::parse("full"), None);
        assert_eq!(DiskFault::parse("enospc:x"), None);
    }

    #[test]
    fn fails_once_the_limit_would_be_passed() {
        let f = DiskFault::parse("enospc:10").unwrap();
        assert!(f.check(0, 10).is_ok());
        let e = f.check(5, 6).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(28));
    }
}
