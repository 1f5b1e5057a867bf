//! The nearest of some names to a name typed wrong: for "did you mean …?" after a typo.

/// The candidate closest to `given` by edit distance (characters inserted, removed, changed
/// or swapped), when it is close enough to be the one meant: at most a third of its length away
/// (and at least one edit). `None` when nothing is that close, or `given` is one of them.
pub fn nearest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given: Vec<char> = given.chars().collect();
    candidates
        .into_iter()
        .map(|c| (distance(&given, &c.chars().collect::<Vec<_>>()), c))
        .filter(|(d, c)| *d > 0 && *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance counting a swap of two neighbours as one edit (optimal string alignment):
/// "levle" is one edit from "level".
fn distance(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [&str; 6] = [
        "cumulative",
        "higher_better",
        "level",
        "lower_better",
        "milestone",
        "upper_bound",
    ];

    #[test]
    fn a_typo_finds_the_name_meant() {
        assert_eq!(nearest("cumulativ", KINDS), Some("cumulative"));
        assert_eq!(nearest("higher-better", KINDS), Some("higher_better"));
        assert_eq!(nearest("lower_beter", KINDS), Some("lower_better"));
        assert_eq!(nearest("milstone", KINDS), Some("milestone"));
        assert_eq!(nearest("levle", KINDS), Some("level"));
    }

    #[test]
    fn nothing_close_suggests_nothing() {
        assert_eq!(nearest("マイルストーン", KINDS), None);
        assert_eq!(nearest("ratio", KINDS), None);
        assert_eq!(
            nearest("level", KINDS),
            None,
            "the name itself is no suggestion"
        );
        assert_eq!(nearest("x", std::iter::empty()), None);
    }
}
