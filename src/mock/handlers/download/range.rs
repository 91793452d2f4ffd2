//! Parsing a `Range` request header against a known size (RFC 9110 §14). Only one range is
//! served; several ranges, other units or malformed values are ignored (whole content), which
//! RFC 9110 allows.

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Span {
    Whole,
    /// Inclusive byte positions.
    Part {
        start: u64,
        end: u64,
    },
    Unsatisfiable,
}

pub(crate) fn parse(value: &str, size: u64) -> Span {
    let Some(spec) = value.trim().strip_prefix("bytes=") else {
        return Span::Whole;
    };
    if spec.contains(',') {
        return Span::Whole;
    }
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Span::Whole;
    };
    let (first, last) = (first.trim(), last.trim());
    match (first.parse::<u64>(), last.parse::<u64>()) {
        // bytes=-N: the last N bytes.
        (Err(_), Ok(n)) if first.is_empty() => {
            if n == 0 || size == 0 {
                Span::Unsatisfiable
            } else {
                Span::Part {
                    start: size.saturating_sub(n),
                    end: size - 1,
                }
            }
        }
        (Ok(start), Err(_)) if last.is_empty() => bounded(start, u64::MAX, size),
        (Ok(start), Ok(end)) if start <= end => bounded(start, end, size),
        _ => Span::Whole,
    }
}

/// `bytes=-N`: the last N bytes.
pub(crate) fn is_suffix(value: &str) -> bool {
    value
        .trim()
        .strip_prefix("bytes=")
        .is_some_and(|spec| spec.trim_start().starts_with('-'))
}

fn bounded(start: u64, end: u64, size: u64) -> Span {
    if start >= size {
        Span::Unsatisfiable
    } else {
        Span::Part {
            start,
            end: end.min(size - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(parse("bytes=0-99", 1000), Span::Part { start: 0, end: 99 });
        assert_eq!(
            parse("bytes=900-", 1000),
            Span::Part {
                start: 900,
                end: 999
            }
        );
        assert_eq!(
            parse("bytes=990-2000", 1000),
            Span::Part {
                start: 990,
                end: 999
            }
        );
        assert_eq!(
            parse("bytes=-10", 1000),
            Span::Part {
                start: 990,
                end: 999
            }
        );
        assert_eq!(
            parse("bytes=-5000", 1000),
            Span::Part { start: 0, end: 999 }
        );
        assert_eq!(parse("bytes=1000-", 1000), Span::Unsatisfiable);
        assert_eq!(parse("bytes=0-0", 0), Span::Unsatisfiable);
        assert_eq!(parse("bytes=0-1,5-6", 1000), Span::Whole);
        assert_eq!(parse("bytes=5-1", 1000), Span::Whole);
        assert_eq!(parse("items=0-1", 1000), Span::Whole);
        assert!(is_suffix("bytes=-10") && !is_suffix("bytes=10-"));
    }
}
