//! Exact string functions for rules that read the year's planned actions and comment: splitting
//! at markers, finding words (leftmost, longest, never overlapping) and comparing two texts by
//! the character pairs they share. No regular expressions: every function is a plain scan whose
//! cost is bounded by the lengths of its inputs.

/// One occurrence of a word found by [`scan`], positions in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Index of the word in the list searched for.
    pub index: usize,
    /// The word.
    pub word: String,
    /// Character index where it starts.
    pub start: usize,
    /// Character index just after it.
    pub end: usize,
    /// Up to [`AFTER`] characters following it.
    pub after: String,
    /// Whether the next character is a kanji or katakana: the word is only the first part of a
    /// longer compound (運用 in 運用方法), not the word itself.
    pub joined: bool,
}

/// How many characters following a word [`scan`] reports.
pub const AFTER: usize = 8;

/// A kanji (or 々) or a katakana: characters that make up compound words.
pub fn is_word_char(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '〆'
        | '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// Characters that carry content for [`similarity`]: word characters, letters and digits.
fn is_content_char(c: char) -> bool {
    is_word_char(c) || c.is_alphanumeric() && !is_kana(c)
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309F}')
}

/// Every occurrence of any of `words` in `text`, left to right: at each place the longest word
/// that starts there, and the search goes on after it, so occurrences never overlap (in
/// 至らなかった, a list with both 至らなかった and った finds only 至らなかった). Empty words are
/// ignored.
pub fn scan(text: &str, words: &[String]) -> Vec<Found> {
    Scanner::new(words).scan(text)
}

/// A list of words prepared for [`scan`]ning many texts: each word's characters, and for every
/// first character the words that start with it, longest first (of equally long ones the
/// earlier in the list), so a place of the text is tried only against the words that can
/// match there.
#[derive(Debug, Clone, Default)]
pub struct Scanner {
    words: Vec<Vec<char>>,
    by_first: std::collections::HashMap<char, Vec<usize>>,
}

impl Scanner {
    /// Prepares `words`; empty ones are never found.
    pub fn new(words: &[String]) -> Scanner {
        let words: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
        let mut by_first: std::collections::HashMap<char, Vec<usize>> = Default::default();
        for (index, w) in words.iter().enumerate() {
            if let Some(first) = w.first() {
                by_first.entry(*first).or_default().push(index);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|i| (std::cmp::Reverse(words[*i].len()), *i));
        }
        Scanner { words, by_first }
    }

    /// Every occurrence of the words in `text`, as [`scan`] finds them.
    pub fn scan(&self, text: &str) -> Vec<Found> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let best = self.by_first.get(&chars[i]).and_then(|list| {
                list.iter()
                    .copied()
                    .find(|index| chars[i..].starts_with(&self.words[*index]))
            });
            match best {
                Some(index) => {
                    let w = &self.words[index];
                    let end = i + w.len();
                    found.push(Found {
                        index,
                        word: w.iter().collect(),
                        start: i,
                        end,
                        after: chars[end..].iter().take(AFTER).collect(),
                        joined: chars.get(end).is_some_and(|c| is_word_char(*c)),
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

/// The work of finding any of `words` at every place of `text`: what a rule call is charged
/// for it.
pub fn scan_work(text: &str, words: &[String]) -> usize {
    let word_chars: usize = words.iter().map(|w| w.chars().count()).sum();
    text.chars().count().saturating_mul(word_chars.max(1))
}

/// Splits `text` at every occurrence of any of `markers`; each piece is trimmed of white space
/// and of markers it starts or ends with, and empty pieces are left out. A text without markers
/// is one piece.
pub fn split_at(text: &str, markers: &[String]) -> Vec<String> {
    Splitter::new(markers).split(text)
}

/// A list of markers prepared for [`split_at`] of many texts.
#[derive(Debug, Clone, Default)]
pub struct Splitter {
    markers: Scanner,
    /// The markers without white space, which pieces are trimmed of.
    trimmed: Vec<String>,
}

impl Splitter {
    /// Prepares `markers`.
    pub fn new(markers: &[String]) -> Splitter {
        Splitter {
            markers: Scanner::new(markers),
            trimmed: markers
                .iter()
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect(),
        }
    }

    /// The pieces of `text`, as [`split_at`] cuts it.
    pub fn split(&self, text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut pieces = Vec::new();
        let mut from = 0;
        for f in self.markers.scan(text) {
            pieces.push(chars[from..f.start].iter().collect::<String>());
            from = f.end;
        }
        pieces.push(chars[from..].iter().collect());
        pieces
            .into_iter()
            .map(|p| trim_markers(&p, &self.trimmed))
            .filter(|p| !p.is_empty())
            .collect()
    }
}

fn trim_markers(piece: &str, markers: &[String]) -> String {
    let mut p = piece.trim();
    loop {
        let before = p;
        for m in markers {
            p = p.strip_prefix(m.as_str()).unwrap_or(p).trim();
            p = p.strip_suffix(m.as_str()).unwrap_or(p).trim();
        }
        if p == before {
            return p.to_string();
        }
    }
}

/// The first of `words` (in list order) that `text` contains.
pub fn contains_any<'a>(text: &str, words: &'a [String]) -> Option<&'a str> {
    words
        .iter()
        .find(|w| !w.is_empty() && text.contains(w.as_str()))
        .map(String::as_str)
}

/// The first of `words` (in list order) that `text` starts with.
pub fn starts_with_any<'a>(text: &str, words: &'a [String]) -> Option<&'a str> {
    words
        .iter()
        .find(|w| !w.is_empty() && text.starts_with(w.as_str()))
        .map(String::as_str)
}

/// The pairs of neighbouring content characters of `text` (kanji, katakana, letters, digits;
/// kana and punctuation separate), and a run of one such character as itself (`(c, None)`):
/// sorted, each once.
fn pairs(text: &str) -> Vec<(char, Option<char>)> {
    let mut out = Vec::new();
    // The run of content characters so far: its last character and its length.
    let mut last: Option<char> = None;
    let mut run = 0;
    // A character that is no content character ends the last run too.
    for c in text.chars().chain(std::iter::once('\0')) {
        if is_content_char(c) {
            if let Some(p) = last {
                out.push((p, Some(c)));
            }
            last = Some(c);
            run += 1;
        } else {
            if let (Some(p), 1) = (last, run) {
                out.push((p, None));
            }
            last = None;
            run = 0;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How much of `a` is found in `b`: the share of `a`'s pairs of neighbouring kanji, katakana,
/// letters or digits (a lone such character counts as itself) that
/// `b` also has, as a fraction (numerator, denominator); (0, 0) when `a` has none.
pub fn similarity(a: &str, b: &str) -> (usize, usize) {
    Pairs::of(a).found_in(&Pairs::of(b))
}

/// The character pairs of a text, taken once for comparing it with many others by
/// [`similarity`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairs(Vec<(char, Option<char>)>);

impl Pairs {
    /// The pairs of `text`.
    pub fn of(text: &str) -> Pairs {
        Pairs(pairs(text))
    }

    /// How many of these pairs `other` has, of how many: [`similarity`] of the two texts.
    pub fn found_in(&self, other: &Pairs) -> (usize, usize) {
        if self.0.is_empty() {
            return (0, 0);
        }
        let shared = (self.0.iter())
            .filter(|p| other.0.binary_search(p).is_ok())
            .count();
        (shared, self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn scan_takes_the_longest_word_and_never_overlaps() {
        let found = scan(
            "至らなかったが実施した",
            &words(&["った", "至らなかった", "した"]),
        );
        let got: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|f| (f.word.as_str(), f.start, f.end))
            .collect();
        assert_eq!(got, [("至らなかった", 0, 6), ("した", 9, 11)]);
        assert_eq!(found[0].index, 1);
        assert_eq!(found[0].after, "が実施した");
    }

    #[test]
    fn of_equally_long_words_the_earlier_is_found() {
        let list = words(&["a", "ab", "ab", "b", "abc"]);
        let found = scan("abxab abc", &list);
        let got: Vec<(usize, usize)> = found.iter().map(|f| (f.index, f.start)).collect();
        assert_eq!(got, [(1, 0), (1, 3), (4, 6)]);
        // One scanner serves many texts alike.
        let scanner = Scanner::new(&list);
        assert_eq!(scanner.scan("abxab abc"), found);
        assert_eq!(scanner.scan("b")[0].index, 3);
    }

    #[test]
    fn scan_marks_words_that_continue_a_compound() {
        let found = scan("運用方法を調整し、運用を開始", &words(&["運用"]));
        assert_eq!(found.len(), 2);
        assert!(found[0].joined, "運用方法");
        assert!(!found[1].joined, "運用を");
        assert!(scan("", &words(&["a"])).is_empty());
        assert!(scan("abc", &words(&[""])).is_empty());
    }

    #[test]
    fn split_at_bullets_and_sentence_ends() {
        let markers = words(&[" ・", "■", "。", "\n"]);
        assert_eq!(
            split_at("・関係課による検討、調整 ・状況把握(視察を含む)", &markers),
            ["関係課による検討、調整", "状況把握(視察を含む)"]
        );
        assert_eq!(
            split_at("■ 調査・研究を行う。 周知する。\n", &markers),
            ["調査・研究を行う", "周知する"]
        );
        assert!(split_at(" 。 ", &markers).is_empty());
        assert_eq!(split_at("一つだけ", &markers), ["一つだけ"]);
    }

    #[test]
    fn any_of_a_list() {
        let list = words(&["に向け", "予定"]);
        assert_eq!(contains_any("導入に向けた検討", &list), Some("に向け"));
        assert_eq!(starts_with_any("に向けた", &list), Some("に向け"));
        assert_eq!(starts_with_any("の検討", &list), None);
        assert_eq!(contains_any("", &list), None);
    }

    /// Pairs as strings in a set, the plain way: what `pairs` must agree with.
    fn pairs_as_strings(text: &str) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        for run in text.split(|c: char| !is_content_char(c)) {
            let chars: Vec<char> = run.chars().collect();
            if chars.len() == 1 {
                out.insert(run.to_string());
            }
            for w in chars.windows(2) {
                out.insert(w.iter().collect::<String>());
            }
        }
        out
    }

    #[test]
    fn pairs_are_the_sets_of_character_pairs() {
        for text in [
            "",
            "A",
            "状況把握",
            "状況状況、状況",
            "県内先進自治体の状況把握には至らなかった",
            "A、B。CD ab1 x",
            "ヒアリング等による個別具体的な状況把握",
        ] {
            let want: Vec<String> = pairs_as_strings(text).into_iter().collect();
            let mut got: Vec<String> = pairs(text)
                .into_iter()
                .map(|(a, b)| b.map_or(a.to_string(), |b| format!("{a}{b}")))
                .collect();
            got.sort();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn similarity_counts_shared_character_pairs() {
        // 状況把握 → 状況, 況把, 把握; the comment has all three.
        assert_eq!(
            similarity("状況把握", "県内先進自治体の状況把握には至らなかった"),
            (3, 3)
        );
        assert_eq!(similarity("検討", "調査を行った"), (0, 1));
        assert_eq!(similarity("、。", "何でも"), (0, 0));
        assert_eq!(similarity("A", "A、B"), (1, 1));
        assert_eq!(
            similarity("A", "A案"),
            (0, 1),
            "a lone character matches a lone one"
        );
    }
}
