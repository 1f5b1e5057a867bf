//! Exact string functions for rules that read the year's planned actions and comment: splitting
//! at markers, finding words (leftmost, longest, never overlapping) and comparing two texts by
//! the character pairs they share. No regular expressions: every function is a plain scan whose
//! cost is bounded by the lengths of its inputs.

use rustc_hash::FxHashMap;

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

/// Characters that carry content for [`similarity`]: word characters, letters and digits
/// (but not hiragana).
fn is_content_char(c: char) -> bool {
    // The characters Japanese texts are mostly made of are answered here; only the rest go to
    // the general Unicode tables, a search each. The answers are the same (a test compares
    // them for every character).
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        // Kanji and katakana, the most of them.
        _ if is_word_char(c) => true,
        // Hiragana.
        '\u{3040}'..='\u{309F}' => false,
        // Punctuation: 、。「」【】〜 (not 々〆〇), ・, “”…※, ■○◆, the full-width ones （）！／.
        '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{30FB}'
        | '\u{2000}'..='\u{206F}'
        | '\u{25A0}'..='\u{25FF}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Every occurrence of any of `words` in `text`, left to right: at each place the longest word
/// that starts there, and the search goes on after it, so occurrences never overlap (in
/// 至らなかった, a list with both 至らなかった and った finds only 至らなかった). Empty words are
/// ignored.
pub fn scan(text: &str, words: &[String]) -> Vec<Found> {
    Scanner::new(words).scan(text)
}

/// A list of words prepared for [`scan`]ning many texts: each word's length in characters,
/// and for every first character the words that start with it, longest first (of equally long
/// ones the earlier in the list), so a place of the text is tried only against the words that
/// can match there.
#[derive(Debug, Clone, Default)]
pub struct Scanner {
    words: Vec<String>,
    /// Each word's length in characters.
    lengths: Vec<usize>,
    /// The characters of all words together: the work of [`Scanner::work`].
    word_chars: usize,
    /// Looked up at every character of every text scanned: hence the fast hash rather than
    /// the default one, which is made to resist crafted keys (these keys are the rule set's).
    by_first: FxHashMap<char, Vec<usize>>,
    /// A bit for every first character, by its code modulo 1,024: a character whose bit is
    /// clear begins no word, and the scan passes it without looking it up.
    first_bits: [u64; 16],
}

/// One occurrence of a word found by [`Scanner::hits`], without copying any text: positions
/// in characters (as [`Found`] has them) and in bytes (to slice the text with).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the word in the list searched for.
    pub index: usize,
    /// Character index where it starts.
    pub start: usize,
    /// Character index just after it.
    pub end: usize,
    /// Byte offset in the text where it starts.
    pub byte_start: usize,
    /// Byte offset in the text just after it.
    pub byte_end: usize,
}

impl Hit {
    /// Up to [`AFTER`] characters of `text` (the text it was found in) following the word.
    pub fn after<'t>(&self, text: &'t str) -> &'t str {
        let rest = &text[self.byte_end..];
        match rest.char_indices().nth(AFTER) {
            Some((cut, _)) => &rest[..cut],
            None => rest,
        }
    }

    /// Whether the character of `text` (the text it was found in) following the word is a
    /// kanji or katakana ([`Found::joined`]).
    pub fn joined(&self, text: &str) -> bool {
        text[self.byte_end..]
            .chars()
            .next()
            .is_some_and(is_word_char)
    }
}

impl Scanner {
    /// Prepares `words`; empty ones are never found.
    pub fn new(words: &[String]) -> Scanner {
        let lengths: Vec<usize> = words.iter().map(|w| w.chars().count()).collect();
        let mut by_first: FxHashMap<char, Vec<usize>> = Default::default();
        for (index, w) in words.iter().enumerate() {
            if let Some(first) = w.chars().next() {
                by_first.entry(first).or_default().push(index);
            }
        }
        let mut first_bits = [0; 16];
        for first in by_first.keys() {
            let bit = *first as usize % 1024;
            first_bits[bit / 64] |= 1 << (bit % 64);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|i| (std::cmp::Reverse(lengths[*i]), *i));
        }
        Scanner {
            words: words.to_vec(),
            word_chars: lengths.iter().sum(),
            lengths,
            by_first,
            first_bits,
        }
    }

    /// The work of finding these words at every place of `text`: [`scan_work`] of the words
    /// without counting their characters again.
    pub fn work(&self, text: &str) -> usize {
        text.chars().count().saturating_mul(self.word_chars.max(1))
    }

    /// The word at `index` of the list prepared.
    pub fn word(&self, index: usize) -> &str {
        &self.words[index]
    }

    /// Every occurrence of the words in `text`, as [`scan`] finds them.
    pub fn scan(&self, text: &str) -> Vec<Found> {
        self.hits(text)
            .map(|hit| Found {
                index: hit.index,
                word: self.words[hit.index].clone(),
                start: hit.start,
                end: hit.end,
                after: hit.after(text).to_string(),
                joined: hit.joined(text),
            })
            .collect()
    }

    /// The occurrences [`Scanner::scan`] finds, one at a time and without copying text.
    pub fn hits<'a>(&'a self, text: &'a str) -> Hits<'a> {
        Hits {
            scanner: self,
            text,
            byte: 0,
            char: 0,
        }
    }
}

/// The occurrences of a [`Scanner`]'s words in a text, left to right ([`Scanner::hits`]).
#[derive(Debug, Clone)]
pub struct Hits<'a> {
    scanner: &'a Scanner,
    text: &'a str,
    /// Where the search goes on, in bytes and in characters.
    byte: usize,
    char: usize,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        let Scanner {
            words,
            lengths,
            by_first,
            first_bits,
            ..
        } = self.scanner;
        let text = self.text;
        // A word's characters begin the rest of the text exactly when its bytes do (UTF-8
        // codes each character by itself), so words are compared as bytes, never decoded.
        let mut rest = text[self.byte..].chars();
        loop {
            let at = text.len() - rest.as_str().len();
            let Some(c) = rest.next() else {
                self.byte = text.len();
                return None;
            };
            let bit = c as usize % 1024;
            let best = if first_bits[bit / 64] >> (bit % 64) & 1 == 0 {
                None
            } else {
                by_first.get(&c).and_then(|list| {
                    let tail = &text[at..];
                    list.iter()
                        .copied()
                        .find(|index| tail.starts_with(words[*index].as_str()))
                })
            };
            if let Some(index) = best {
                let hit = Hit {
                    index,
                    start: self.char,
                    end: self.char + lengths[index],
                    byte_start: at,
                    byte_end: at + words[index].len(),
                };
                self.byte = hit.byte_end;
                self.char = hit.end;
                return Some(hit);
            }
            self.char += 1;
        }
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
    /// The characters these begin with, and those they end with: a piece that neither begins
    /// nor ends with one of them has no marker to take off.
    firsts: Vec<char>,
    lasts: Vec<char>,
}

impl Splitter {
    /// Prepares `markers`.
    pub fn new(markers: &[String]) -> Splitter {
        let trimmed: Vec<String> = (markers.iter())
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .collect();
        let ends = |end: fn(&str) -> Option<char>| {
            let mut chars: Vec<char> = trimmed.iter().filter_map(|m| end(m)).collect();
            chars.sort_unstable();
            chars.dedup();
            chars
        };
        Splitter {
            markers: Scanner::new(markers),
            firsts: ends(|m| m.chars().next()),
            lasts: ends(|m| m.chars().next_back()),
            trimmed,
        }
    }

    /// The work of cutting `text`: [`scan_work`] of the markers.
    pub fn work(&self, text: &str) -> usize {
        self.markers.work(text)
    }

    /// The pieces of `text`, as [`split_at`] cuts it.
    pub fn split(&self, text: &str) -> Vec<String> {
        let mut pieces = Vec::new();
        let mut keep = |piece: &str| {
            let piece = self.trim(piece);
            if !piece.is_empty() {
                pieces.push(piece.to_string());
            }
        };
        let mut from = 0;
        for hit in self.markers.hits(text) {
            keep(&text[from..hit.byte_start]);
            from = hit.byte_end;
        }
        keep(&text[from..]);
        pieces
    }

    /// `piece` without white space and markers at either end: each marker in turn taken off
    /// the start and then the end (and the white space it leaves), over again until nothing
    /// changes.
    fn trim<'a>(&self, piece: &'a str) -> &'a str {
        // Trimmed from the start, and after every marker taken off: so only a marker taken
        // off needs trimming after it.
        let mut p = piece.trim();
        loop {
            let (Some(first), Some(last)) = (p.chars().next(), p.chars().next_back()) else {
                return p;
            };
            if self.firsts.binary_search(&first).is_err()
                && self.lasts.binary_search(&last).is_err()
            {
                return p;
            }
            // `p` only ever gets shorter: the same length is the same piece.
            let before = p.len();
            for m in &self.trimmed {
                if let Some(rest) = p.strip_prefix(m.as_str()) {
                    p = rest.trim();
                }
                if let Some(rest) = p.strip_suffix(m.as_str()) {
                    p = rest.trim();
                }
            }
            if p.len() == before {
                return p;
            }
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
/// sorted, each once, each as its [`pair_key`].
fn pair_keys(text: &str) -> Vec<u64> {
    // At most one for each character.
    let mut out = Vec::with_capacity(text.chars().count());
    // The run of content characters so far: its last character and its length.
    let mut last: Option<char> = None;
    let mut run = 0;
    // A character that is no content character ends the last run too.
    for c in text.chars().chain(std::iter::once('\0')) {
        if is_content_char(c) {
            if let Some(p) = last {
                out.push(pair_key(p, Some(c)));
            }
            last = Some(c);
            run += 1;
        } else {
            if let (Some(p), 1) = (last, run) {
                out.push(pair_key(p, None));
            }
            last = None;
            run = 0;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A pair of characters as one number, ordered as the pairs are (and cheaper to sort and
/// search): the first character above, the second plus one (0 for none) below.
fn pair_key(first: char, second: Option<char>) -> u64 {
    u64::from(first) << 32 | second.map_or(0, |c| u64::from(c) + 1)
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
pub struct Pairs(Vec<u64>);

impl Pairs {
    /// The pairs of `text`.
    pub fn of(text: &str) -> Pairs {
        Pairs(pair_keys(text))
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
    use proptest::prelude::*;

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

    /// What [`scan`] must find, the plain way: at each character every word tried, the longest
    /// (of equally long ones the first) taken.
    fn scan_plain(text: &str, words: &[String]) -> Vec<Found> {
        let chars: Vec<char> = text.chars().collect();
        let words: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let best = (0..words.len())
                .filter(|w| !words[*w].is_empty() && chars[i..].starts_with(&words[*w]))
                .max_by_key(|w| (words[*w].len(), std::cmp::Reverse(*w)));
            let Some(index) = best else {
                i += 1;
                continue;
            };
            let end = i + words[index].len();
            found.push(Found {
                index,
                word: words[index].iter().collect(),
                start: i,
                end,
                after: chars[end..].iter().take(AFTER).collect(),
                joined: chars.get(end).is_some_and(|c| is_word_char(*c)),
            });
            i = end;
        }
        found
    }

    /// What [`split_at`] must cut, the plain way: pieces between the words found, each trimmed
    /// of white space and markers (every marker in turn, off the start and then the end) until
    /// a round changes nothing.
    fn split_plain(text: &str, markers: &[String]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut pieces = Vec::new();
        let mut from = 0;
        for f in scan_plain(text, markers) {
            pieces.push(chars[from..f.start].iter().collect::<String>());
            from = f.end;
        }
        pieces.push(chars[from..].iter().collect());
        let trimmed: Vec<&str> = (markers.iter())
            .map(|m| m.trim())
            .filter(|m| !m.is_empty())
            .collect();
        let trim = |piece: &str| {
            let mut p = piece.trim();
            loop {
                let before = p;
                for m in &trimmed {
                    p = p.strip_prefix(m).unwrap_or(p).trim();
                    p = p.strip_suffix(m).unwrap_or(p).trim();
                }
                if p == before {
                    return p.to_string();
                }
            }
        };
        (pieces.iter())
            .map(|p| trim(p))
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// Texts and words made of pieces that try the scanner: one-, two-, three- and four-byte
    /// characters, a combining accent, white space of both widths, words that begin others.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "b", "ab", "状", "況", "況把", "ー", "・", " ", "　", "。", "\n", "😀",
            "e\u{301}", "が、", "ｱ",
        ])
    }

    fn joined(pieces: impl Strategy<Value = Vec<&'static str>>) -> impl Strategy<Value = String> {
        pieces.prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn scanning_and_splitting_find_what_the_plain_ways_find(
            text in joined(prop::collection::vec(piece(), 0..24)),
            words in prop::collection::vec(joined(prop::collection::vec(piece(), 0..3)), 0..6),
        ) {
            let scanner = Scanner::new(&words);
            prop_assert_eq!(scanner.scan(&text), scan_plain(&text, &words));
            for (hit, found) in scanner.hits(&text).zip(scanner.scan(&text)) {
                prop_assert_eq!(&text[hit.byte_start..hit.byte_end], found.word);
                prop_assert_eq!(hit.after(&text), found.after);
            }
            prop_assert_eq!(split_at(&text, &words), split_plain(&text, &words));
            prop_assert_eq!(scanner.work(&text), scan_work(&text, &words));
            prop_assert_eq!(Splitter::new(&words).work(&text), scan_work(&text, &words));
        }
    }

    #[test]
    fn scanning_and_splitting_tricky_texts_find_what_the_plain_ways_find() {
        for (text, list) in [
            // A marker that only white space and another marker leave at the end.
            ("ーー況", &[" ー"][..]),
            // The same word twice: the first is found.
            ("況", &["況", "況"]),
            ("ab状況把a", &["b", "況把", "a", "ab"]),
            ("・ ・・a・", &["・", " ・"]),
            ("😀e\u{301}😀", &["e", "\u{301}", "😀"]),
            ("", &["", " "]),
        ] {
            let list = words(list);
            assert_eq!(scan(text, &list), scan_plain(text, &list), "{text}");
            assert_eq!(split_at(text, &list), split_plain(text, &list), "{text}");
        }
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

    /// The plain definition `is_content_char` answers faster.
    fn is_content_char_plain(c: char) -> bool {
        let kana = matches!(c, '\u{3040}'..='\u{309F}');
        is_word_char(c) || c.is_alphanumeric() && !kana
    }

    #[test]
    fn content_characters_are_letters_digits_and_word_characters_but_not_kana() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(
                is_content_char(c),
                is_content_char_plain(c),
                "{c:?} (U+{:04X})",
                u32::from(c)
            );
        }
        let content: String = "調査・研究、ＡＢ１２ (ｶﾅ)々〇①"
            .chars()
            .filter(|c| is_content_char(*c))
            .collect();
        assert_eq!(content, "調査研究ＡＢ１２ｶﾅ々〇①");
    }

    /// The pairs of `text` as characters again.
    fn pairs(text: &str) -> Vec<(char, Option<char>)> {
        let char_of = |code: u64| char::from_u32(u32::try_from(code).unwrap()).unwrap();
        (pair_keys(text).into_iter())
            .map(|key| {
                let second = key & 0xFFFF_FFFF;
                (
                    char_of(key >> 32),
                    (second > 0).then(|| char_of(second - 1)),
                )
            })
            .collect()
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
