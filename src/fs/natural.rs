//! Natural, case-insensitive name order: `file2` < `file10`, `a` < `B`. Digit runs compare by
//! numeric value (leading zeros break ties), everything else by lowercase char.

use std::cmp::Ordering;

/// Compares two names naturally; equal keys fall back to plain string order so the result is
/// a total order consistent with `==`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// A byte string whose plain byte order is the natural order of `name`: characters are
/// lowercased and UTF-8 encoded (byte order = code point order); each digit run becomes `'0'`,
/// its significant-digit count, then those digits, so longer numbers sort after shorter ones.
/// Computed once per entry by the lister, off the UI thread, so sorting is memcmp.
pub fn sort_key(name: &str) -> Box<[u8]> {
    let mut out = Vec::with_capacity(name.len() + 4);
    let mut chars = name.chars().peekable();
    let mut buf = [0u8; 4];
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = vec![c as u8];
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d as u8);
            }
            let significant: &[u8] = match digits.iter().position(|&d| d != b'0') {
                Some(i) => &digits[i..],
                None => &[],
            };
            out.push(b'0');
            // Runs longer than 255 digits are capped; they still order by their digits.
            out.push(u8::try_from(significant.len()).unwrap_or(u8::MAX));
            out.extend_from_slice(significant);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out.into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_compare_by_value() {
        let mut v = vec![
            "file10", "file2", "File1", "file02", "a", "B", "照片", "file",
        ];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            [
                "a", "B", "file", "File1", "file02", "file2", "file10", "照片"
            ]
        );
    }

    #[test]
    fn huge_digit_runs_do_not_overflow() {
        assert_eq!(
            natural_cmp("x99999999999999999999999", "x100000000000000000000000"),
            Ordering::Less
        );
    }

    proptest! {
        #[test]
        fn is_a_total_order(a in "[a-cA-C0-9 ._]{0,8}", b in "[a-cA-C0-9 ._]{0,8}", c in "[a-cA-C0-9 ._]{0,8}") {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
            prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
            if natural_cmp(&a, &b) != Ordering::Greater && natural_cmp(&b, &c) != Ordering::Greater {
                prop_assert_ne!(natural_cmp(&a, &c), Ordering::Greater);
            }
        }
    }
}
