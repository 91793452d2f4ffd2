//! The throughput sparkline of the queue panel's title: a minute of per-second byte counts
//! drawn with the eighth blocks `▁`…`█` (a quiet second on the baseline), squeezed into the
//! width there is by summing neighbouring seconds.

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Fewer cells than this say too little to be worth drawing.
const MIN_CELLS: usize = 10;

/// `buckets` (oldest first) in at most `cells` characters, each standing for an equal run of
/// seconds (a divisor of their number); empty when fewer than `MIN_CELLS` fit or nothing moved.
pub fn sparkline(buckets: &[u64], cells: usize) -> String {
    let n = buckets.len();
    let Some(per) = (1..=n).find(|per| n.is_multiple_of(*per) && n / per <= cells) else {
        return String::new();
    };
    let sums: Vec<u64> = buckets.chunks(per).map(|c| c.iter().sum()).collect();
    let max = sums.iter().copied().max().unwrap_or(0);
    if sums.len() < MIN_CELLS || max == 0 {
        return String::new();
    }
    sums.iter()
        .map(|&v| match v {
            0 => BARS[0],
            // The other seven bars, by the share of the busiest cell.
            _ => BARS[1 + (u128::from(v) * 6 / u128::from(max)) as usize],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_second_gets_a_bar_scaled_to_the_busiest() {
        let mut b = vec![0u64; 60];
        (b[57], b[58], b[59]) = (1, 50, 100);
        let s = sparkline(&b, 60);
        assert_eq!(s.chars().count(), 60);
        assert!(s.starts_with(&"▁".repeat(57)), "{s}");
        assert!(s.ends_with("▂▅█"), "{s}");
    }

    #[test]
    fn a_narrow_title_sums_neighbouring_seconds() {
        let mut b = vec![0u64; 60];
        (b[0], b[1], b[59]) = (30, 30, 60);
        // 45 cells fit 30 pairs of seconds.
        let s = sparkline(&b, 45);
        assert_eq!(s.chars().count(), 30);
        assert_eq!(s.chars().next(), Some('█'));
        assert_eq!(s.chars().last(), Some('█'));
        assert_eq!(sparkline(&b, 12).chars().count(), 12);
    }

    #[test]
    fn nothing_is_drawn_when_nothing_moved_or_there_is_no_room() {
        assert_eq!(sparkline(&[0; 60], 60), "");
        assert_eq!(sparkline(&[5; 60], 9), "");
    }
}
