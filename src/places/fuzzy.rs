//! How far apart two spellings are, for "Did you mean …?".

/// The optimal string alignment distance between `a` and `b` (insertions,
/// deletions, substitutions and swaps of neighbours, each counting one), if it
/// is at most `limit`; `None` as soon as it cannot be.
pub(super) fn distance_within(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    // Three rows of the edit table: two back, the last, and the one being filled.
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut last: Vec<usize> = (0..width).collect();
    let mut row: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        row[0] = i;
        let mut smallest = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
            smallest = smallest.min(best);
        }
        if smallest > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    Some(last[b.len()]).filter(|&distance| distance <= limit)
}

/// How many edits a name of this many letters may be from what was typed:
/// none for very short names, where any edit makes another word.
pub(super) fn allowed_edits(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits_and_gives_up_past_the_limit() {
        assert_eq!(distance_within(b"portlnd", b"portland", 2), Some(1));
        assert_eq!(distance_within(b"portalnd", b"portland", 2), Some(1), "a swap is one edit");
        assert_eq!(distance_within(b"seatle", b"seattle", 1), Some(1));
        assert_eq!(distance_within(b"same", b"same", 0), Some(0));
        assert_eq!(distance_within(b"boston", b"austin", 2), None);
        assert_eq!(distance_within(b"a", b"abcd", 2), None);
        assert_eq!(distance_within(b"", b"ab", 2), Some(2));
    }
}
