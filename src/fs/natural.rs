//! Natural, case-insensitive name order: `file2` < `file10`, `a` < `B`. Digit runs compare by
//! numeric value (leading zeros break ties), everything else by lowercase char.

use std::cmp::Ordering;
use std::iter::Peekable;
use std::str::Chars;

pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let ord = cmp_digits(&mut x, &mut y);
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            (Some(c), Some(d)) => {
                let ord = fold(c).cmp(&fold(d));
                if ord != Ordering::Equal {
                    return ord;
                }
                x.next();
                y.next();
            }
        }
    }
}

fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn cmp_digits(x: &mut Peekable<Chars>, y: &mut Peekable<Chars>) -> Ordering {
    let (a, b) = (take_digits(x), take_digits(y));
    let (ta, tb) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    ta.len()
        .cmp(&tb.len())
        .then_with(|| ta.cmp(tb))
        .then_with(|| b.len().cmp(&a.len()))
}

fn take_digits(it: &mut Peekable<Chars>) -> String {
    let mut s = String::new();
    while let Some(c) = it.next_if(|c| c.is_ascii_digit()) {
        s.push(c);
    }
    s
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
