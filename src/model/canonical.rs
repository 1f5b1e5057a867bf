//! A fast reader for item files as gyokaku writes them (and as people usually write them): the
//! item's known fields at the top, `[indicator]`, `[years.R5]` (and its `[years.R5.review]`,
//! whose date is a bare TOML date), `[subtotals]`,
//! `[[discrepancies]]` and `[[amendments]]` tables, strings of TOML's four kinds (escapes
//! included), `true` and `false`, arrays of strings over one line or several, comments and blank
//! lines. Anything else — a key it does not know, a key given twice, another kind of value, a
//! dotted key, a carriage return — makes it give up, and the file is read by the `toml` crate,
//! which gives the same values or its own error. So this reader never reports an error and never
//! reads a file differently from `toml` (the differential test below and the fuzz target
//! `item_reader` compare the two); a field added to the item files falls back to `toml` until it
//! is known here (a test compares the fields with the files' schema).

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::item::ReviewDecision;
use super::load::{
    RawAmendment, RawDiscrepancy, RawIndicator, RawItem, RawReview, RawSubtotals, RawYear,
};

type Text = Spanned<String>;

/// The item file `text` read as `toml::from_str` would read it, or `None` when it is not in the
/// form this reader knows (the file is then read by `toml`).
pub(super) fn read_item(text: &str) -> Option<RawItem> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut item = Fields::default();
    let mut table = Table::Root;
    loop {
        reader.skip_spaces();
        match reader.peek() {
            None => break,
            Some(b'\n') => reader.at += 1,
            Some(b'#') => reader.comment()?,
            Some(b'[') => {
                table = reader.header(&mut item)?;
                reader.end_of_line()?;
            }
            Some(_) => {
                let key = reader.bare_key()?;
                reader.skip_spaces();
                reader.expect(b'=')?;
                reader.skip_spaces();
                reader.field(&mut item, table, key)?;
                reader.end_of_line()?;
            }
        }
    }
    item.finish()
}

/// Reads `text` with this reader and with `toml`: whether this reader took it, or both
/// readings when it took it and read it otherwise than `toml` (values and spans). For the
/// differential tests and the fuzz target `item_reader`.
#[doc(hidden)]
pub fn compare_with_toml(text: &str) -> Result<bool, String> {
    let Some(fast) = read_item(text) else {
        return Ok(false);
    };
    let fast = format!("{fast:?}");
    match toml::from_str::<RawItem>(text) {
        Ok(slow) if format!("{slow:?}") == fast => Ok(true),
        Ok(slow) => Err(format!("fast: {fast}\ntoml: {slow:?}")),
        Err(e) => Err(format!("fast: {fast}\ntoml: {e}")),
    }
}

/// The field names of each table this reader knows, for the test that compares them with the
/// item files' schema: a field the model gains must be read here too.
#[cfg(test)]
pub(super) const KNOWN: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "title",
            "department",
            "section",
            "related_sections",
            "sheet",
            "actions",
            "situation",
            "final_goal",
            "notes",
            "overall_rating",
            "indicator",
            "years",
            "subtotals",
            "discrepancies",
            "amendments",
        ],
    ),
    (
        "indicator",
        &[
            "name",
            "unit",
            "kind",
            "baseline",
            "final_target",
            "effect",
            "words",
        ],
    ),
    (
        "years",
        &[
            "plan",
            "target",
            "expected_effect",
            "policy",
            "actual",
            "actual_effect",
            "rating",
            "comment",
            "review",
        ],
    ),
    (
        "review",
        &[
            "decision",
            "rating",
            "suggested",
            "previous",
            "reason",
            "date",
        ],
    ),
    ("subtotals", &["expected_effect", "actual_effect"]),
    ("discrepancies", &["field", "text", "value"]),
    (
        "amendments",
        &["year", "field", "old", "new", "reason", "date"],
    ),
];

/// The table the lines being read belong to.
#[derive(Clone, Copy)]
enum Table {
    Root,
    Indicator,
    /// The last year of [`Fields::years`].
    Year,
    /// The review of the last year of [`Fields::years`].
    Review,
    Subtotals,
    /// The last of [`Fields::discrepancies`].
    Discrepancy,
    /// The last of [`Fields::amendments`].
    Amendment,
}

/// What has been read so far; a field read twice is not this reader's to judge.
#[derive(Default)]
struct Fields {
    title: Option<String>,
    department: Option<String>,
    section: Option<String>,
    related_sections: Option<Vec<String>>,
    sheet: Option<bool>,
    actions: Option<String>,
    situation: Option<String>,
    final_goal: Option<String>,
    notes: Option<Vec<String>>,
    overall_rating: Option<Text>,
    indicator: Option<IndicatorFields>,
    years: Vec<(Text, RawYear)>,
    /// The review of each year that has one, by its place in `years`.
    reviews: Vec<(usize, ReviewFields)>,
    subtotals: Option<RawSubtotals>,
    discrepancies: Vec<DiscrepancyFields>,
    amendments: Vec<AmendmentFields>,
}

#[derive(Default)]
struct IndicatorFields {
    name: Option<String>,
    unit: Option<String>,
    kind: Option<Text>,
    baseline: Option<Text>,
    final_target: Option<Text>,
    effect: Option<Text>,
    words: Option<Vec<String>>,
}

#[derive(Default)]
struct DiscrepancyFields {
    field: Option<Text>,
    text: Option<String>,
    value: Option<String>,
}

#[derive(Default)]
struct ReviewFields {
    decision: Option<ReviewDecision>,
    rating: Option<Text>,
    suggested: Option<String>,
    previous: Option<String>,
    reason: Option<String>,
    date: Option<toml::value::Datetime>,
}

#[derive(Default)]
struct AmendmentFields {
    year: Option<Text>,
    field: Option<Text>,
    old: Option<String>,
    new: Option<String>,
    reason: Option<String>,
    date: Option<String>,
}

impl Fields {
    /// The item, when every field it must have was given.
    fn finish(self) -> Option<RawItem> {
        let indicator = self.indicator?;
        let mut reviews = BTreeMap::new();
        for (at, r) in self.reviews {
            let review = RawReview {
                decision: r.decision?,
                rating: r.rating?,
                suggested: r.suggested,
                previous: r.previous,
                reason: r.reason,
                date: r.date?,
            };
            reviews.insert(at, review);
        }
        let mut years = BTreeMap::new();
        for (at, (key, mut year)) in self.years.into_iter().enumerate() {
            year.review = reviews.remove(&at);
            years.insert(key, year);
        }
        let discrepancies = (self.discrepancies.into_iter())
            .map(|d| {
                Some(RawDiscrepancy {
                    field: d.field?,
                    text: d.text?,
                    value: d.value,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let amendments = (self.amendments.into_iter())
            .map(|a| {
                Some(RawAmendment {
                    year: a.year?,
                    field: a.field?,
                    old: a.old,
                    new: a.new?,
                    reason: a.reason?,
                    date: a.date?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(RawItem {
            title: self.title?,
            department: self.department,
            section: self.section?,
            related_sections: self.related_sections.unwrap_or_default(),
            sheet: self.sheet?,
            actions: self.actions,
            situation: self.situation,
            final_goal: self.final_goal,
            notes: self.notes.unwrap_or_default(),
            overall_rating: self.overall_rating,
            indicator: RawIndicator {
                name: indicator.name?,
                unit: indicator.unit?,
                kind: indicator.kind?,
                baseline: indicator.baseline,
                final_target: indicator.final_target,
                effect: indicator.effect,
                words: indicator.words.unwrap_or_default(),
            },
            years,
            subtotals: self.subtotals.unwrap_or_default(),
            discrepancies,
            amendments,
        })
    }
}

/// Puts `value` in `slot`, unless it holds one already (a key given twice: `toml`'s error).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

/// A control character TOML allows nowhere but as an escape (tab excepted).
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

/// Whether `bytes` hold a control character. Looks at every byte without stopping early, which
/// the compiler turns into a vector loop: text is almost always free of them.
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |found, &b| found | is_control(b))
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at..]
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// Spaces, line ends and comments, as between the values of an array.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(b'\n') => self.at += 1,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// A comment, up to the end of its line (left to read).
    fn comment(&mut self) -> Option<()> {
        let rest = self.rest();
        let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        if has_control(&rest[..end]) {
            return None;
        }
        self.at += end;
        Some(())
    }

    /// The end of a key's or a header's line: spaces, perhaps a comment, a line end or the end
    /// of the file.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(_) => None,
        }
    }

    /// A bare key: letters, digits, `_` and `-`.
    fn bare_key(&mut self) -> Option<&'a str> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.at += 1;
        }
        (self.at > start).then(|| &self.text[start..self.at])
    }

    /// A table header; the table it opens.
    fn header(&mut self, item: &mut Fields) -> Option<Table> {
        if self.rest().starts_with(b"[[") {
            self.at += 2;
            let table = match self.bare_key()? {
                "discrepancies" => {
                    item.discrepancies.push(DiscrepancyFields::default());
                    Table::Discrepancy
                }
                "amendments" => {
                    item.amendments.push(AmendmentFields::default());
                    Table::Amendment
                }
                _ => return None,
            };
            if !self.rest().starts_with(b"]]") {
                return None;
            }
            self.at += 2;
            return Some(table);
        }
        self.at += 1;
        let name = self.bare_key()?;
        let table = match name {
            "indicator" => {
                set(&mut item.indicator, IndicatorFields::default())?;
                Table::Indicator
            }
            "subtotals" => {
                set(&mut item.subtotals, RawSubtotals::default())?;
                Table::Subtotals
            }
            "years" => {
                self.expect(b'.')?;
                let start = self.at;
                let key = match self.peek()? {
                    b'"' => self.basic()?,
                    b'\'' => self.literal()?,
                    _ => self.bare_key()?.to_string(),
                };
                if self.peek() == Some(b'.') {
                    // `[years.R5.review]`, right after its year's own table (any other order
                    // is left to `toml`).
                    self.at += 1;
                    let at = item.years.len().checked_sub(1)?;
                    let same_year = *item.years[at].0.get_ref() == key;
                    let reviewed = item.reviews.iter().any(|(y, _)| *y == at);
                    if self.bare_key()? != "review" || !same_year || reviewed {
                        return None;
                    }
                    item.reviews.push((at, ReviewFields::default()));
                    self.expect(b']')?;
                    return Some(Table::Review);
                }
                if item.years.iter().any(|(k, _)| *k.get_ref() == key) {
                    return None;
                }
                let key = Spanned::new(start..self.at, key);
                item.years.push((key, RawYear::default()));
                Table::Year
            }
            _ => return None,
        };
        self.expect(b']')?;
        Some(table)
    }

    /// The value of `key` in `table`, put in its place.
    fn field(&mut self, item: &mut Fields, table: Table, key: &str) -> Option<()> {
        match table {
            Table::Root => match key {
                "title" => set(&mut item.title, self.plain()?),
                "department" => set(&mut item.department, self.plain()?),
                "section" => set(&mut item.section, self.plain()?),
                "related_sections" => set(&mut item.related_sections, self.strings()?),
                "sheet" => set(&mut item.sheet, self.boolean()?),
                "actions" => set(&mut item.actions, self.plain()?),
                "situation" => set(&mut item.situation, self.plain()?),
                "final_goal" => set(&mut item.final_goal, self.plain()?),
                "notes" => set(&mut item.notes, self.strings()?),
                "overall_rating" => set(&mut item.overall_rating, self.text()?),
                _ => None,
            },
            Table::Indicator => {
                let i = item.indicator.as_mut()?;
                match key {
                    "name" => set(&mut i.name, self.plain()?),
                    "unit" => set(&mut i.unit, self.plain()?),
                    "kind" => set(&mut i.kind, self.text()?),
                    "baseline" => set(&mut i.baseline, self.text()?),
                    "final_target" => set(&mut i.final_target, self.text()?),
                    "effect" => set(&mut i.effect, self.text()?),
                    "words" => set(&mut i.words, self.strings()?),
                    _ => None,
                }
            }
            Table::Year => {
                let (_, y) = item.years.last_mut()?;
                match key {
                    "plan" => set(&mut y.plan, self.plain()?),
                    "target" => set(&mut y.target, self.text()?),
                    "expected_effect" => set(&mut y.expected_effect, self.text()?),
                    "policy" => set(&mut y.policy, self.plain()?),
                    "actual" => set(&mut y.actual, self.text()?),
                    "actual_effect" => set(&mut y.actual_effect, self.text()?),
                    "rating" => set(&mut y.rating, self.text()?),
                    "comment" => set(&mut y.comment, self.plain()?),
                    _ => None,
                }
            }
            Table::Review => {
                let (_, r) = item.reviews.last_mut()?;
                match key {
                    "decision" => set(&mut r.decision, self.decision()?),
                    "rating" => set(&mut r.rating, self.text()?),
                    "suggested" => set(&mut r.suggested, self.plain()?),
                    "previous" => set(&mut r.previous, self.plain()?),
                    "reason" => set(&mut r.reason, self.plain()?),
                    "date" => set(&mut r.date, self.date()?),
                    _ => None,
                }
            }
            Table::Subtotals => {
                let s = item.subtotals.as_mut()?;
                match key {
                    "expected_effect" => set(&mut s.expected_effect, self.text()?),
                    "actual_effect" => set(&mut s.actual_effect, self.text()?),
                    _ => None,
                }
            }
            Table::Discrepancy => {
                let d = item.discrepancies.last_mut()?;
                match key {
                    "field" => set(&mut d.field, self.text()?),
                    "text" => set(&mut d.text, self.plain()?),
                    "value" => set(&mut d.value, self.plain()?),
                    _ => None,
                }
            }
            Table::Amendment => {
                let a = item.amendments.last_mut()?;
                match key {
                    "year" => set(&mut a.year, self.text()?),
                    "field" => set(&mut a.field, self.text()?),
                    "old" => set(&mut a.old, self.plain()?),
                    "new" => set(&mut a.new, self.plain()?),
                    "reason" => set(&mut a.reason, self.plain()?),
                    "date" => set(&mut a.date, self.plain()?),
                    _ => None,
                }
            }
        }
    }

    fn boolean(&mut self) -> Option<bool> {
        let rest = self.rest();
        let (value, len) = if rest.starts_with(b"true") {
            (true, 4)
        } else if rest.starts_with(b"false") {
            (false, 5)
        } else {
            return None;
        };
        self.at += len;
        Some(value)
    }

    /// A review's decision: `"kept"` or `"adopted"` (another word is `toml`'s error).
    fn decision(&mut self) -> Option<ReviewDecision> {
        match self.plain()?.as_str() {
            "kept" => Some(ReviewDecision::Kept),
            "adopted" => Some(ReviewDecision::Adopted),
            _ => None,
        }
    }

    /// A bare local date, `2025-01-15`; a time after it, or anything else, is left to `toml`.
    fn date(&mut self) -> Option<toml::value::Datetime> {
        let rest = self.rest();
        let shape = b"0000-00-00";
        let head = rest.get(..shape.len())?;
        let fits = (head.iter().zip(shape)).all(|(b, s)| match s {
            b'0' => b.is_ascii_digit(),
            _ => b == s,
        });
        // After the date only the line's end, spaces and a comment (a time is toml's).
        let after = rest.get(shape.len()).copied();
        let ends = matches!(after, None | Some(b'\n' | b'#'))
            || (matches!(after, Some(b' ' | b'\t'))
                && !rest.get(shape.len() + 1).is_some_and(u8::is_ascii_digit));
        if !fits || !ends {
            return None;
        }
        let date: toml::value::Datetime = std::str::from_utf8(head).ok()?.parse().ok()?;
        self.at += shape.len();
        Some(date)
    }

    /// A string value.
    fn plain(&mut self) -> Option<String> {
        self.string().map(|(s, _)| s)
    }

    /// A string value and where it stands, quotes included (as `toml` spans it).
    fn text(&mut self) -> Option<Text> {
        self.string().map(|(s, span)| Spanned::new(span, s))
    }

    /// An array of strings, on one line or several.
    fn strings(&mut self) -> Option<Vec<String>> {
        self.expect(b'[')?;
        let mut values = Vec::new();
        loop {
            self.skip_blank()?;
            if self.peek()? == b']' {
                self.at += 1;
                return Some(values);
            }
            values.push(self.plain()?);
            self.skip_blank()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(values);
                }
                _ => return None,
            }
        }
    }

    /// A string of any of TOML's four kinds, and where it stands.
    fn string(&mut self) -> Option<(String, Range<usize>)> {
        let start = self.at;
        let rest = self.rest();
        let value = if rest.starts_with(b"\"\"\"") {
            self.multi_line(b'"')?
        } else if rest.starts_with(b"'''") {
            self.multi_line(b'\'')?
        } else {
            match self.peek()? {
                b'"' => self.basic()?,
                b'\'' => self.literal()?,
                _ => return None,
            }
        };
        Some((value, start..self.at))
    }

    /// A basic string `"…"`, its escapes replaced.
    fn basic(&mut self) -> Option<String> {
        self.at += 1;
        let mut value = String::new();
        loop {
            let rest = self.rest();
            let stop = memchr::memchr2(b'"', b'\\', rest)?;
            if has_control(&rest[..stop]) {
                return None;
            }
            value.push_str(&self.text[self.at..self.at + stop]);
            self.at += stop + 1;
            if rest[stop] == b'"' {
                return Some(value);
            }
            value.push(self.escape()?);
        }
    }

    /// What follows a backslash in a basic string (the escapes of TOML 1.0; another is left to
    /// `toml`).
    fn escape(&mut self) -> Option<char> {
        let c = match self.peek()? {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' => return self.unicode(4),
            b'U' => return self.unicode(8),
            _ => return None,
        };
        self.at += 1;
        Some(c)
    }

    /// `\uXXXX` or `\UXXXXXXXX` (`digits` hexadecimal digits after the letter): a Unicode
    /// scalar value.
    fn unicode(&mut self, digits: usize) -> Option<char> {
        let hex = self.bytes.get(self.at + 1..self.at + 1 + digits)?;
        let mut code: u32 = 0;
        for &b in hex {
            code = code * 16 + (b as char).to_digit(16)?;
        }
        self.at += 1 + digits;
        char::from_u32(code)
    }

    /// A literal string `'…'`, taken as written.
    fn literal(&mut self) -> Option<String> {
        self.at += 1;
        let rest = self.rest();
        let end = memchr::memchr(b'\'', rest)?;
        if has_control(&rest[..end]) {
            return None;
        }
        let value = self.text[self.at..self.at + end].to_string();
        self.at += end + 1;
        Some(value)
    }

    /// A multi-line string `"""…"""` or `'''…'''` (`quote`) without escapes or line-ending
    /// backslashes, and not ending in a quote next to its closing ones (all left to `toml`).
    fn multi_line(&mut self, quote: u8) -> Option<String> {
        self.at += 3;
        // A line end right after the opening quotes is not part of the string.
        if self.peek() == Some(b'\n') {
            self.at += 1;
        }
        let closing = [quote; 3];
        let rest = self.rest();
        let end = memchr::memmem::find(rest, &closing)?;
        let body = &rest[..end];
        let allowed = |b: u8| b == b'\n' || !is_control(b);
        if !body.iter().all(|&b| allowed(b)) || (quote == b'"' && body.contains(&b'\\')) {
            return None;
        }
        if rest.get(end + 3) == Some(&quote) {
            return None;
        }
        let value = self.text[self.at..self.at + end].to_string();
        self.at += end + 3;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    /// Both readers' reading of `text`: the fast one's, when it takes the file, and `toml`'s.
    fn both(text: &str) -> (Option<String>, Result<String, String>) {
        let fast = read_item(text).map(|item| format!("{item:?}"));
        let slow = toml::from_str::<RawItem>(text)
            .map(|item| format!("{item:?}"))
            .map_err(|e| e.to_string());
        (fast, slow)
    }

    /// The fast reader takes `text` and reads it as `toml` does, spans included.
    #[track_caller]
    fn agrees(text: &str) {
        let (fast, slow) = both(text);
        let fast = fast.unwrap_or_else(|| panic!("the fast reader gave up on:\n{text}"));
        assert_eq!(Ok(fast), slow, "{text}");
    }

    /// The fast reader leaves `text` to `toml` (which may read it, or not).
    #[track_caller]
    fn leaves(text: &str) {
        assert!(both(text).0.is_none(), "taken:\n{text}");
    }

    const ITEM: &str = "title = \"t\"\ndepartment = \"d\"\nsection = \"s\"\nsheet = true\n\n\
                        [indicator]\nname = \"n\"\nunit = \"件\"\nkind = \"higher_better\"\n";

    #[test]
    fn every_item_file_of_the_repository_is_read_fast_and_as_toml_reads_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for top in ["plans", "examples", "tests"] {
            collect_items(&root.join(top), &mut files);
        }
        assert!(files.len() > 80, "{} item files", files.len());
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let (fast, slow) = both(&text);
            match (fast, slow) {
                (Some(fast), slow) => assert_eq!(Ok(fast), slow, "{}", path.display()),
                // A file in a form the reader leaves to toml must be a broken one (of a test).
                (None, Ok(_)) => panic!("the fast reader gave up on {}", path.display()),
                (None, Err(_)) => {}
            }
        }
    }

    fn collect_items(dir: &Path, files: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_items(&path, files);
            } else if path.extension().is_some_and(|e| e == "toml")
                && path.parent().is_some_and(|p| p.ends_with("items"))
            {
                files.push(path);
            }
        }
    }

    #[test]
    fn strings_of_every_kind_read_as_toml_reads_them() {
        for value in [
            r#""plain""#,
            r#""""#,
            r#""tab	inside""#,
            r#""quote \" backslash \\ \b \t \n \f \r end""#,
            r#""\u00e9 \U0001F600 \u3042""#,
            "'literal \\ with \"quotes\"'",
            "''",
            "\"\"\"\nfirst line\nsecond \"quoted\" line\n\"\"\"",
            "\"\"\"no newline first\"\"\"",
            "'''\nliteral\n\\ lines\n'''",
            "\"\"\"one \"\" two\"\"\"",
        ] {
            agrees(&format!("{ITEM}baseline = {value}\n"));
            agrees(&format!("{ITEM}[years.R5]\ncomment = {value}\n"));
        }
    }

    #[test]
    fn arrays_comments_and_layout_read_as_toml_reads_them() {
        agrees(&format!(
            "# a comment\n{ITEM}  # indented comment\neffect = \"value * 2\"   # after\n\n\
             [years.R5]\ntarget = \"1\"\n[years.\"令和元年度\"]\nactual = \"2\"\n\
             [years.'H30']\n[subtotals]\nexpected_effect = \"3\"\n\
             [[discrepancies]]\nfield = \"years.R5.target\"\ntext = \"x\"\n\
             [[discrepancies]]\nfield = \"subtotals.expected_effect\"\ntext = \"y\"\nvalue = \"3\"\n\
             [[amendments]]\nyear = \"R5\"\nfield = \"actual\"\nold = \"1\"\nnew = \"2\"\n\
             reason = \"訂正\"\ndate = \"2026-12-06\"\n\
             [[amendments]]\nyear = \"R5\"\nfield = \"rating\"\nnew = \"A\"\nreason = \"r\"\n\
             date = \"2026-12-07\"\n"
        ));
        agrees(&ITEM.replace(
            "kind = \"higher_better\"\n",
            "kind = \"higher_better\"\nwords = [\"集計中\", '調査中']\n",
        ));
        let with_arrays = ITEM.replace(
            "sheet = true\n",
            "sheet = false\nrelated_sections = []\nnotes = [\n  \"a\", # one\n\n  'b',\n]\n",
        );
        agrees(&with_arrays);
        agrees(&ITEM.replace("sheet = true\n", "notes = [\"a\",\"b\"]\nsheet = true"));
        agrees(&ITEM.replace("\n\n[indicator]", "\n[indicator]\t"));
        // A year's review, its date bare (with a comment after it, or the file's end).
        let review = "[years.R5]\nrating = \"C\"\n\n[years.R5.review]\ndecision = \"kept\"\n\
                      rating = \"C\"\nsuggested = \"B\"\nreason = \"理由\"\ndate = 2025-01-15";
        agrees(&format!("{ITEM}{review}\n[years.R6]\ntarget = \"1\"\n"));
        agrees(&format!("{ITEM}{review}  # the day\n"));
        agrees(&format!("{ITEM}{review}"));
        agrees(&format!(
            "{ITEM}[years.R5]\n[years.R5.review]\ndecision = 'adopted'\nrating = \"A\"\n\
             previous = \"B\"\ndate = 2026-02-28\n"
        ));
    }

    #[test]
    fn anything_else_is_left_to_toml() {
        for odd in [
            // Unknown and repeated keys, tables given twice.
            "tagret = \"1\"\n",
            "name = \"again\"\n",
            "[indicator]\n",
            "[years.R5]\n[years.R5]\n",
            "[years.R5]\n[years.\"R5\"]\n",
            // Other values, keys and headers.
            "baseline = 1\n",
            "baseline = [\"a\"]\n",
            "baseline = { a = \"b\" }\n",
            "indicator.effect = \"1\"\n",
            "\"effect\" = \"1\"\n",
            "[ years.R5 ]\n",
            "[years]\n",
            "[years.R5.x]\n",
            "[discrepancies]\n",
            // Strings toml reads another way, or refuses.
            "baseline = \"a\\qb\"\n",
            "baseline = \"a\\e\"\n",
            "baseline = \"\\uD800\"\n",
            "baseline = \"\\u12\"\n",
            "baseline = \"\\u+123\"\n",
            "baseline = \"a\u{1}b\"\n",
            "baseline = \"unterminated\n",
            "baseline = \"\"\"a\\\n b\"\"\"\n",
            "baseline = \"\"\"ends in a quote\"\"\"\"\n",
            "baseline = '''ends in a quote''''\n",
            "baseline = \"a\" \"b\"\n",
            "baseline = \"a\"\r\n",
            "# a comment with a control \u{7f} character\n",
        ] {
            leaves(&format!("{ITEM}{odd}"));
        }
        leaves(&ITEM.replace("sheet = true", "sheet = tru"));
        leaves(&ITEM.replace("sheet = true", "sheet = \"yes\""));
        leaves(&ITEM.replace("sheet = true\n", ""));
        leaves(&format!("\u{feff}{ITEM}"));
        leaves(&format!("{ITEM}[[discrepancies]]\ntext = \"no field\"\n"));
        leaves(&format!(
            "{ITEM}[[amendments]]\nyear = \"R5\"\nfield = \"actual\"\nnew = \"2\"\nreason = \"r\"\n"
        ));
        leaves(&format!("{ITEM}words = \"集計中\"\n"));
        leaves(&format!("{ITEM}[amendments]\n"));
        // Reviews the reader leaves: another decision, dates toml reads otherwise or refuses,
        // a review before or apart from its year's table, or given twice.
        let year = "[years.R5]\n[years.R5.review]\ndecision = \"kept\"\nrating = \"C\"\n";
        for odd in [
            "date = 2025-01-15T10:00:00\n",
            "date = 2025-01-15 10:00:00\n",
            "date = 2025-13-01\n",
            "date = 2025-02-30\n",
            "date = 2025-1-15\n",
            "date = \"2025-01-15\"\n",
            "date = 2025-01-15x\n",
            "date = 2025-01-15\nrating = \"B\"\n",
            "date = 2025-01-15\n[years.R5.review]\n",
            "date = 2025-01-15\n[years.R5]\n",
        ] {
            leaves(&format!("{ITEM}{year}{odd}"));
        }
        leaves(&format!(
            "{ITEM}[years.R5]\n[years.R5.review]\ndecision = \"maybe\"\nrating = \"C\"\ndate = 2025-01-15\n"
        ));
        leaves(&format!(
            "{ITEM}[years.R5.review]\ndecision = \"kept\"\nrating = \"C\"\ndate = 2025-01-15\n[years.R5]\n"
        ));
        leaves(&format!(
            "{ITEM}[years.R5]\n[years.R6]\n[years.R5.review]\ndecision = \"kept\"\nrating = \"C\"\ndate = 2025-01-15\n"
        ));
        leaves(&format!(
            "{ITEM}[years.R5]\n[years.R5.review]\ndecision = \"kept\"\n"
        ));
    }

    /// The bundled plan's item files, read once.
    fn bundled() -> &'static [String] {
        static FILES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        FILES.get_or_init(|| {
            let mut paths = Vec::new();
            collect_items(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"),
                &mut paths,
            );
            paths.sort();
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).unwrap())
                .collect()
        })
    }

    /// Pieces of TOML's syntax that generated variants of the bundled files insert.
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "\\",
        "\n",
        "#",
        "[",
        "]",
        "=",
        ",",
        " ",
        "\t",
        ".",
        "\"\"\"",
        "'''",
        "\\u00e9",
        "\\n",
        "\\x41",
        "[years.R5]\n",
        "[years.R5.review]\ndecision = \"kept\"\nrating = \"C\"\ndate = 2025-01-15\n",
        "[[discrepancies]]\n",
        "[[amendments]]\nyear = \"R5\"\nfield = \"actual\"\nnew = \"2\"\nreason = \"r\"\ndate = \"d\"\n",
        "words = [\"集計中\"]\n",
        "x = \"1\"\n",
        "true",
        "\r",
        "\u{7f}",
        "\u{0}",
        "notes = [\n\"a\",\n]\n",
        "1",
        "-",
        "]]",
        "\u{feff}",
        "\u{3000}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]

        /// Variants of the bundled files, each with a few pieces of syntax put in or text
        /// taken out: whenever the fast reader takes one, `toml` reads it alike.
        #[test]
        fn variants_of_the_bundled_files_read_as_toml_reads_them(
            file in 0usize..71,
            edits in proptest::collection::vec((0usize..4096, 0usize..PIECES.len(), 0usize..8, proptest::bool::ANY), 1..4),
        ) {
            let files = bundled();
            let mut text = files[file % files.len()].clone();
            for (at, piece, cut, insert) in edits {
                let mut at = at % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                if insert {
                    text.insert_str(at, PIECES[piece]);
                } else {
                    let mut end = (at + cut).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(at..end, "");
                }
            }
            let compared = compare_with_toml(&text);
            proptest::prop_assert!(compared.is_ok(), "{}\n{:?}", text, compared);
        }
    }

    /// Every field of the item files' schema (generated from the loader's own types) is one
    /// this reader knows: a field added to the model must be read here too, or every file
    /// that gives it falls back to `toml`.
    #[test]
    fn the_reader_knows_every_field_of_the_item_files() {
        let schema = serde_json::to_value(schemars::schema_for!(RawItem)).unwrap();
        let names = |props: &serde_json::Value| -> Vec<String> {
            let mut names: Vec<String> = props.as_object().unwrap().keys().cloned().collect();
            names.sort();
            names
        };
        let known = |table: &str| -> Vec<String> {
            let (_, fields) = KNOWN.iter().find(|(t, _)| *t == table).unwrap();
            let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
            fields.sort();
            fields
        };
        assert_eq!(names(&schema["properties"]), known(""));
        let defs = &schema["$defs"];
        for (table, def) in [
            ("indicator", "RawIndicator"),
            ("years", "RawYear"),
            ("review", "RawReview"),
            ("subtotals", "RawSubtotals"),
            ("discrepancies", "RawDiscrepancy"),
            ("amendments", "RawAmendment"),
        ] {
            assert_eq!(names(&defs[def]["properties"]), known(table), "{table}");
        }
    }
}
