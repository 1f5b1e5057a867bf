//! The text a city writes for its yearly report, kept with the plan: `report/<year>.md` in the
//! plan folder holds the cover (date, author), はじめに, 総括, the note under 分野別内訳表,
//! 主な取組の進捗状況 (bullets per 基本方針), 今後の取組の方向性 and the guide to the sheets, with
//! placeholders (`{share:A+B}`) where the text states a figure the report computes. Read and
//! checked here (every error names the file and line); worded and filled in by the report.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::fiscal_year::FiscalYear;
use super::item::ItemId;
use super::lines::error_line;
use super::plan::Plan;
use super::read::{read_text_within, MAX_FILE_BYTES};

/// The folder of a plan that holds its yearly report texts.
pub const REPORT_TEXT_DIR: &str = "report";

/// The parts of the document a text file may write, in the order the document prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// 1 はじめに.
    Introduction,
    /// 2 (年度)の実績結果（総括）: the text above the year's figures.
    Overview,
    /// 3 分野別内訳表: notes under the tables.
    Breakdown,
    /// 4 主な取組の進捗状況: a lead paragraph and bullets per 基本方針.
    Progress,
    /// 5 今後の取組の方向性.
    Outlook,
    /// 参考② 進捗管理シートの見方: how to read the sheets.
    Guide,
}

impl Part {
    /// Every part, in the document's order.
    pub const ALL: [Part; 6] = [
        Part::Introduction,
        Part::Overview,
        Part::Breakdown,
        Part::Progress,
        Part::Outlook,
        Part::Guide,
    ];

    /// The heading a text file writes for the part (`# はじめに`), and its English key
    /// (`# introduction`), both accepted.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Part::Introduction => ("はじめに", "introduction"),
            Part::Overview => ("総括", "overview"),
            Part::Breakdown => ("分野別内訳表", "breakdown"),
            Part::Progress => ("主な取組の進捗状況", "progress"),
            Part::Outlook => ("今後の取組の方向性", "outlook"),
            Part::Guide => ("進捗管理シートの見方", "guide"),
        }
    }

    fn named(heading: &str) -> Option<Part> {
        let h = heading.trim();
        Part::ALL.into_iter().find(|p| {
            let (ja, en) = p.names();
            h == ja || h.eq_ignore_ascii_case(en)
        })
    }
}

/// What a placeholder stands for: a figure of the year the report computes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    /// `{year}`: the report's year (令和5年度).
    Year,
    /// `{first_year}`: the plan's first year.
    FirstYear,
    /// `{last_year}`: the plan's last year.
    LastYear,
    /// `{policies}`: how many 基本方針 the plan has.
    Policies,
    /// `{themes}`: how many 改革の推進項目 the plan has.
    Themes,
    /// `{items}`: the items of the year (rated or not).
    Items,
    /// `{count:A+B}`: the items rated with these labels.
    Count(Vec<String>),
    /// `{share:A+B}`: their share of the items in words (8割程度).
    Share(Vec<String>),
    /// `{share_about:A+B}`: the same with 約 before it (約8割).
    ShareAbout(Vec<String>),
    /// `{percent:A+B}`: their share as a percentage (84.5%).
    Percent(Vec<String>),
    /// `{expected}`: the year's 効果見込額 in the report unit (228,520).
    Expected,
    /// `{actual}`: the year's 実績効果額 in the report unit (797,733).
    Actual,
    /// `{expected_words}`: the 効果見込額 in words (2億円強).
    ExpectedWords,
    /// `{actual_words}`: the 実績効果額 in words (8億円弱).
    ActualWords,
    /// `{achievement}`: 実績効果額 ÷ 効果見込額 as a percentage (349.1%).
    Achievement,
    /// `{item:5-8-1}`: an item's number and title (5(8)①市税徴収率の向上).
    Item(ItemId),
}

/// A piece of a paragraph: text as written, or a placeholder and the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text as written.
    Text(String),
    /// A figure to fill in.
    Figure {
        /// What it stands for.
        figure: Figure,
        /// As written, braces included (`{share:A+B}`).
        written: String,
        /// 1-based line in the file.
        line: usize,
    },
}

/// A paragraph or a bullet: pieces of text and placeholders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Passage {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
    /// The line it starts on.
    pub line: usize,
}

/// One block of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextBlock {
    /// A paragraph.
    Paragraph(Passage),
    /// Bullets (`- ` or `・` lines).
    Bullets(Vec<Passage>),
    /// A sub-heading (`## `) with its own blocks; in 主な取組の進捗状況 a 基本方針 by number.
    Heading {
        /// The heading as written.
        title: String,
        /// The 基本方針 it names, in 主な取組の進捗状況.
        policy: Option<u32>,
        /// The blocks under it.
        blocks: Vec<TextBlock>,
        /// Its line.
        line: usize,
    },
}

/// The text of one part of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartText {
    /// Which part.
    pub part: Part,
    /// Its blocks.
    pub blocks: Vec<TextBlock>,
    /// The line of its heading.
    pub line: usize,
}

/// A city's text of the report of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentText {
    /// The file it was read from.
    pub file: PathBuf,
    /// The year it is for.
    pub year: FiscalYear,
    /// The title, when the text gives its own (else the report words one).
    pub title: Option<String>,
    /// The date on the cover (令和6年10月).
    pub date: Option<String>,
    /// Who publishes it (伊勢原市企画部経営企画課).
    pub author: Option<String>,
    /// A draft not yet edited by the planning section: the document says so.
    pub draft: bool,
    /// Written in English (`<year>.en.md`): its figures are worded in English; else in
    /// Japanese, whatever language the report's own headings are in.
    pub english: bool,
    /// The parts written, in the document's order.
    pub parts: Vec<PartText>,
}

impl DocumentText {
    /// The text of `part`, when written.
    pub fn part(&self, part: Part) -> Option<&PartText> {
        self.parts.iter().find(|p| p.part == part)
    }
}

pub use messages::{TextErrorText, TextProblem};

// The templates' list is read by the tests only.
#[allow(dead_code)]
mod messages {
    use std::path::PathBuf;

    use crate::model::FileError;

    crate::i18n::messages! {
        /// What is wrong with a report text file.
        #[derive(Debug)]
        pub enum TextProblem {
            /// The file could not be read.
            Unreadable { reason: FileError } =>
                ja: "読み込めません: {reason}",
                en: "cannot be read: {reason}";
            /// The front matter (between `+++` lines) is not TOML or has an unknown key.
            FrontMatter { reason: String } =>
                ja: "表紙の項目 (+++ の間) が読めません: {reason} (使える項目: title, date, author, draft)",
                en: "the cover's fields (between +++ lines) do not read: {reason} (known: title, date, author, draft)";
            /// The front matter is opened with `+++` and never closed.
            UnclosedFrontMatter =>
                ja: "表紙の項目を始める +++ に、閉じる +++ がありません",
                en: "the +++ opening the cover's fields is never closed";
            /// A `#` heading that names no part.
            UnknownPart { heading: String } =>
                ja: "見出し「# {heading}」は文書の部分ではありません (はじめに, 総括, 分野別内訳表, 主な取組の進捗状況, 今後の取組の方向性, 進捗管理シートの見方)",
                en: "the heading \"# {heading}\" names no part of the document (introduction, overview, breakdown, progress, outlook, guide)";
            /// A part written twice.
            DuplicatePart { heading: String, first_line: usize } =>
                ja: "「# {heading}」は {first_line} 行目にもあります",
                en: "\"# {heading}\" is written on line {first_line} already";
            /// Text before the first `#` heading.
            OutsidePart =>
                ja: "文章は「# はじめに」などの見出しの下に書きます",
                en: "text goes under a heading such as \"# introduction\"";
            /// A `##` heading of 主な取組の進捗状況 that does not start with a 基本方針's number.
            NotAPolicy { heading: String } =>
                ja: "主な取組の進捗状況の「## {heading}」は基本方針の番号で始まりません",
                en: "\"## {heading}\" under progress does not start with a policy's number";
            /// A `##` heading naming a 基本方針 by another name than the plan's.
            PolicyName { number: u32, written: String, name: String } =>
                ja: "基本方針 {number} は「{name}」です (「{written}」と書かれています)",
                en: "policy {number} is \"{name}\" (written \"{written}\")";
            /// A placeholder with a name that is not one of the figures.
            UnknownFigure { written: String } =>
                ja: "{written} は差し込む数値の名前ではありません (docs/plan-format.md の「報告書の文章」を参照)",
                en: "{written} names no figure (see \"Report text\" in docs/plan-format.md)";
            /// A placeholder's rating label not on the plan's scale.
            UnknownLabel { written: String, label: String } =>
                ja: "{written}: 評価 {label} は計画の評価区分にありません",
                en: "{written}: rating {label} is not on the plan's scale";
            /// `{item:…}` naming no item of the plan.
            UnknownItem { written: String } =>
                ja: "{written}: 計画にない実施項目です",
                en: "{written}: the plan has no such item";
            /// A `{` never closed on its line.
            UnclosedPlaceholder =>
                ja: "{{ が同じ行で }} で閉じられていません (括弧そのものは {{{{ と }}}})",
                en: "a {{ is not closed by }} on its line (write {{{{ and }}}} for the braces themselves)";
        }

        /// A report text's error, with where it is.
        #[derive(Debug)]
        pub enum TextErrorText {
            /// The file, line and problem (worded in the language).
            At { file: PathBuf, line: usize, problem: String } =>
                ja: "{file}:{line}: {problem}",
                en: "{file}:{line}: {problem}";
        }
    }
}

/// A report text file that could not be read, with where.
#[derive(Debug)]
pub struct TextError {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: TextProblem,
}

impl crate::i18n::Localize for TextError {
    fn localize(&self, lang: crate::i18n::Lang) -> String {
        TextErrorText::At {
            file: self.file.clone(),
            line: self.line,
            problem: self.problem.localize(lang),
        }
        .localize(lang)
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Localize::localize(
            self,
            crate::i18n::Lang::Ja,
        ))
    }
}

impl std::error::Error for TextError {}

/// The cover's fields, between `+++` lines at the top.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    #[serde(default)]
    draft: bool,
}

/// The file of the year's text in the language asked for: `report/R5.md`, or `report/R5.en.md`
/// in English when there is one (else the Japanese one: the city's own words).
pub fn text_file(plan_dir: &Path, plan: &Plan, year: FiscalYear, english: bool) -> Option<PathBuf> {
    let dir = plan_dir.join(REPORT_TEXT_DIR);
    let entries = std::fs::read_dir(&dir).ok()?;
    let mut ja = None;
    let mut en = None;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let (stem, is_en) = match stem.strip_suffix(".en") {
            Some(s) => (s, true),
            None => (stem, false),
        };
        let named = stem
            .parse::<FiscalYear>()
            .ok()
            .and_then(|y| plan.period_year(y));
        if named == Some(year) {
            if is_en {
                en = Some(e.path());
            } else {
                ja = Some(e.path());
            }
        }
    }
    if english {
        en.or(ja)
    } else {
        ja
    }
}

/// Reads the year's text of the plan in `plan_dir`, when it has one (see [`text_file`]).
pub fn load_document_text(
    plan_dir: &Path,
    plan: &Plan,
    year: FiscalYear,
    english: bool,
) -> Result<Option<DocumentText>, TextError> {
    let Some(file) = text_file(plan_dir, plan, year, english) else {
        return Ok(None);
    };
    let text = read_text_within(&file, plan_dir, MAX_FILE_BYTES).map_err(|e| TextError {
        file: file.clone(),
        line: 1,
        problem: TextProblem::Unreadable { reason: e },
    })?;
    parse_document_text(&file, &text, plan, year).map(Some)
}

/// Reads a report text (`file` names it in errors).
pub fn parse_document_text(
    file: &Path,
    text: &str,
    plan: &Plan,
    year: FiscalYear,
) -> Result<DocumentText, TextError> {
    let err = |line: usize, problem: TextProblem| TextError {
        file: file.to_path_buf(),
        line,
        problem,
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut at = 0;
    let mut front = FrontMatter::default();
    if lines.first().map(|l| l.trim()) == Some("+++") {
        let end = lines[1..]
            .iter()
            .position(|l| l.trim() == "+++")
            .ok_or_else(|| err(1, TextProblem::UnclosedFrontMatter))?
            + 1;
        let toml_text = lines[1..end].join("\n");
        front = toml::from_str(&toml_text).map_err(|e| {
            err(
                1 + error_line(&toml_text, &e),
                TextProblem::FrontMatter {
                    reason: e.message().to_string(),
                },
            )
        })?;
        at = end + 1;
    }

    let mut parts: Vec<PartText> = Vec::new();
    let mut reader = Reader {
        plan,
        file,
        lines: &lines,
        at,
    };
    while let Some((line, raw)) = reader.peek() {
        if raw.trim().is_empty() || is_comment(raw) {
            reader.at += 1;
            continue;
        }
        let Some(heading) = raw.strip_prefix("# ") else {
            return Err(err(line, TextProblem::OutsidePart));
        };
        let part = Part::named(heading).ok_or_else(|| {
            err(
                line,
                TextProblem::UnknownPart {
                    heading: heading.trim().to_string(),
                },
            )
        })?;
        if let Some(first) = parts.iter().find(|p| p.part == part) {
            return Err(err(
                line,
                TextProblem::DuplicatePart {
                    heading: heading.trim().to_string(),
                    first_line: first.line,
                },
            ));
        }
        reader.at += 1;
        let blocks = reader.blocks(part)?;
        parts.push(PartText { part, blocks, line });
    }
    parts.sort_by_key(|p| p.part);
    Ok(DocumentText {
        file: file.to_path_buf(),
        year,
        title: front.title,
        date: front.date,
        author: front.author,
        draft: front.draft,
        english: file
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".en.md")),
        parts,
    })
}

/// An HTML comment line (`<!-- … -->`): a note to the writer, never printed.
fn is_comment(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// Walks the lines of the file's body.
struct Reader<'a> {
    plan: &'a Plan,
    file: &'a Path,
    lines: &'a [&'a str],
    at: usize,
}

impl<'a> Reader<'a> {
    /// The next line and its 1-based number.
    fn peek(&self) -> Option<(usize, &'a str)> {
        self.lines.get(self.at).map(|l| (self.at + 1, *l))
    }

    fn err(&self, line: usize, problem: TextProblem) -> TextError {
        TextError {
            file: self.file.to_path_buf(),
            line,
            problem,
        }
    }

    /// The blocks of a part, up to the next `#` heading.
    fn blocks(&mut self, part: Part) -> Result<Vec<TextBlock>, TextError> {
        let mut blocks = Vec::new();
        while let Some((line, raw)) = self.peek() {
            if raw.starts_with("# ") {
                break;
            }
            if let Some(title) = raw.strip_prefix("## ") {
                self.at += 1;
                let policy = if part == Part::Progress {
                    Some(self.policy_heading(line, title)?)
                } else {
                    None
                };
                let inner = self.flow()?;
                blocks.push(TextBlock::Heading {
                    title: title.trim().to_string(),
                    policy,
                    blocks: inner,
                    line,
                });
                continue;
            }
            let flow = self.flow()?;
            if flow.is_empty() {
                // Only blank lines and comments up to a heading.
                continue;
            }
            blocks.extend(flow);
        }
        Ok(blocks)
    }

    /// `## 1` or `## 1 行政サービスの最適化` in 主な取組の進捗状況.
    fn policy_heading(&self, line: usize, title: &str) -> Result<u32, TextError> {
        let title = title.trim();
        let digits: String = title.chars().take_while(char::is_ascii_digit).collect();
        let not_a_policy = || {
            self.err(
                line,
                TextProblem::NotAPolicy {
                    heading: title.to_string(),
                },
            )
        };
        let number: u32 = digits.parse().map_err(|_| not_a_policy())?;
        let policy = self.plan.policy(number).ok_or_else(not_a_policy)?;
        let written = title[digits.len()..].trim();
        if !written.is_empty() && written != policy.name {
            return Err(self.err(
                line,
                TextProblem::PolicyName {
                    number,
                    written: written.to_string(),
                    name: policy.name.clone(),
                },
            ));
        }
        Ok(number)
    }

    /// Paragraphs and bullets up to the next heading.
    fn flow(&mut self) -> Result<Vec<TextBlock>, TextError> {
        let mut blocks: Vec<TextBlock> = Vec::new();
        let mut paragraph: Vec<(usize, &str)> = Vec::new();
        let mut bullets: Vec<Passage> = Vec::new();
        while let Some((line, raw)) = self.peek() {
            if raw.starts_with("# ") || raw.starts_with("## ") {
                break;
            }
            self.at += 1;
            if is_comment(raw) {
                continue;
            }
            let t = raw.trim();
            if t.is_empty() {
                self.flush(&mut paragraph, &mut blocks)?;
                if !bullets.is_empty() {
                    blocks.push(TextBlock::Bullets(std::mem::take(&mut bullets)));
                }
                continue;
            }
            let bullet = t
                .strip_prefix("- ")
                .or_else(|| t.strip_prefix("* "))
                .or_else(|| t.strip_prefix('・'));
            match bullet {
                Some(b) => {
                    self.flush(&mut paragraph, &mut blocks)?;
                    bullets.push(self.passage(line, &[b.trim()])?);
                }
                // A line under a bullet, indented, carries it on.
                None if !bullets.is_empty() && raw.starts_with(' ') => {
                    let more = self.passage(line, &[t])?;
                    if let Some(last) = bullets.last_mut() {
                        last.pieces.push(Piece::Text("\n".into()));
                        last.pieces.extend(more.pieces);
                    }
                }
                None => {
                    if !bullets.is_empty() {
                        blocks.push(TextBlock::Bullets(std::mem::take(&mut bullets)));
                    }
                    paragraph.push((line, t));
                }
            }
        }
        self.flush(&mut paragraph, &mut blocks)?;
        if !bullets.is_empty() {
            blocks.push(TextBlock::Bullets(bullets));
        }
        Ok(blocks)
    }

    /// The paragraph gathered so far, as a block.
    fn flush(
        &self,
        paragraph: &mut Vec<(usize, &str)>,
        blocks: &mut Vec<TextBlock>,
    ) -> Result<(), TextError> {
        if let Some(&(first, _)) = paragraph.first() {
            let text: Vec<&str> = paragraph.iter().map(|(_, t)| t.trim()).collect();
            blocks.push(TextBlock::Paragraph(self.passage(first, &text)?));
            paragraph.clear();
        }
        Ok(())
    }

    /// Lines of one paragraph (from `first`), read into text and placeholders.
    fn passage(&self, first: usize, lines: &[&str]) -> Result<Passage, TextError> {
        let mut pieces = Vec::new();
        for (i, text) in lines.iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Text("\n".into()));
            }
            pieces.extend(self.pieces(first + i, text)?);
        }
        Ok(Passage {
            pieces: joined(pieces),
            line: first,
        })
    }

    /// One line's text and placeholders; `{{` and `}}` are braces.
    fn pieces(&self, line: usize, text: &str) -> Result<Vec<Piece>, TextError> {
        let mut pieces = Vec::new();
        let mut plain = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|(_, c)| *c) == Some('{') => {
                    chars.next();
                    plain.push('{');
                }
                '}' if chars.peek().map(|(_, c)| *c) == Some('}') => {
                    chars.next();
                    plain.push('}');
                }
                '{' => {
                    let end = text[i..]
                        .find('}')
                        .ok_or_else(|| self.err(line, TextProblem::UnclosedPlaceholder))?
                        + i;
                    let written = &text[i..=end];
                    let figure = self.figure(line, written)?;
                    if !plain.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut plain)));
                    }
                    pieces.push(Piece::Figure {
                        figure,
                        written: written.to_string(),
                        line,
                    });
                    while chars.peek().is_some_and(|(j, _)| *j <= end) {
                        chars.next();
                    }
                }
                c => plain.push(c),
            }
        }
        if !plain.is_empty() {
            pieces.push(Piece::Text(plain));
        }
        Ok(pieces)
    }

    /// What `{name}` or `{name:argument}` stands for.
    fn figure(&self, line: usize, written: &str) -> Result<Figure, TextError> {
        let inner = written[1..written.len() - 1].trim();
        let (name, arg) = match inner.split_once(':') {
            Some((n, a)) => (n.trim(), Some(a.trim())),
            None => (inner, None),
        };
        let unknown = || {
            self.err(
                line,
                TextProblem::UnknownFigure {
                    written: written.to_string(),
                },
            )
        };
        let labels = |arg: Option<&str>| -> Result<Vec<String>, TextError> {
            let arg = arg.filter(|a| !a.is_empty()).ok_or_else(unknown)?;
            arg.split('+')
                .map(|l| {
                    let l = l.trim();
                    let known = match &self.plan.scale {
                        Some(scale) => scale.get(l).is_some(),
                        None => !l.is_empty(),
                    };
                    if known {
                        Ok(l.to_string())
                    } else {
                        Err(self.err(
                            line,
                            TextProblem::UnknownLabel {
                                written: written.to_string(),
                                label: l.to_string(),
                            },
                        ))
                    }
                })
                .collect()
        };
        Ok(match (name, arg) {
            ("year", None) => Figure::Year,
            ("first_year", None) => Figure::FirstYear,
            ("last_year", None) => Figure::LastYear,
            ("policies", None) => Figure::Policies,
            ("themes", None) => Figure::Themes,
            ("items", None) => Figure::Items,
            ("count", a) => Figure::Count(labels(a)?),
            ("share", a) => Figure::Share(labels(a)?),
            ("share_about", a) => Figure::ShareAbout(labels(a)?),
            ("percent", a) => Figure::Percent(labels(a)?),
            ("expected", None) => Figure::Expected,
            ("actual", None) => Figure::Actual,
            ("expected_words", None) => Figure::ExpectedWords,
            ("actual_words", None) => Figure::ActualWords,
            ("achievement", None) => Figure::Achievement,
            ("item", Some(id)) => {
                let id: ItemId = id.parse().map_err(|_| unknown())?;
                if self.plan.item(id).is_none() {
                    return Err(self.err(
                        line,
                        TextProblem::UnknownItem {
                            written: written.to_string(),
                        },
                    ));
                }
                Figure::Item(id)
            }
            _ => return Err(unknown()),
        })
    }
}

/// Adjacent text pieces as one.
fn joined(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match (out.last_mut(), p) {
            (Some(Piece::Text(a)), Piece::Text(b)) => a.push_str(&b),
            (_, p) => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_plan;

    fn plan() -> Plan {
        load_plan(concat!(env!("CARGO_MANIFEST_DIR"), "/plans/isehara-6")).unwrap()
    }

    fn parse(text: &str) -> Result<DocumentText, TextError> {
        parse_document_text(
            Path::new("report/R5.md"),
            text,
            &plan(),
            FiscalYear::reiwa(5),
        )
    }

    #[test]
    fn parts_paragraphs_bullets_and_placeholders() {
        let t = parse(
            "+++\ndate = \"令和6年10月\"\nauthor = \"伊勢原市企画部経営企画課\"\n+++\n\n# 総括\n\n{year}においては、{items}件のうち、{share:A+B}の{count:A+B}件が\n続く行。{{括弧}}\n\n# 主な取組の進捗状況\n\n次のとおりです。\n\n## 1 行政サービスの最適化\n\n- ひとつめ\n- ふたつめ {item:5-8-1}\n\n## 5\n\n・みっつめ\n",
        )
        .unwrap();
        assert_eq!(t.date.as_deref(), Some("令和6年10月"));
        assert_eq!(t.parts.len(), 2);
        let overview = t.part(Part::Overview).unwrap();
        assert_eq!(overview.line, 6);
        let TextBlock::Paragraph(p) = &overview.blocks[0] else {
            panic!("{overview:?}")
        };
        assert_eq!(p.line, 8);
        assert!(matches!(
            &p.pieces[0],
            Piece::Figure {
                figure: Figure::Year,
                line: 8,
                ..
            }
        ));
        assert!(p.pieces.iter().any(|x| matches!(x, Piece::Figure {
            figure: Figure::Share(l), ..
        } if l == &["A", "B"])));
        assert!(matches!(p.pieces.last(), Some(Piece::Text(t)) if t == "件が\n続く行。{括弧}"));
        let progress = t.part(Part::Progress).unwrap();
        assert!(matches!(&progress.blocks[0], TextBlock::Paragraph(_)));
        let policies: Vec<Option<u32>> = progress
            .blocks
            .iter()
            .filter_map(|b| match b {
                TextBlock::Heading { policy, blocks, .. } => {
                    assert!(matches!(&blocks[0], TextBlock::Bullets(_)));
                    Some(*policy)
                }
                _ => None,
            })
            .collect();
        assert_eq!(policies, [Some(1), Some(5)]);
    }

    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&messages::all_templates());
    }

    #[test]
    fn errors_name_the_line() {
        let at = |text: &str| {
            let e = parse(text).unwrap_err();
            (e.line, e.problem)
        };
        assert!(matches!(
            at("# はじめに\n\n{yaer}\n"),
            (3, TextProblem::UnknownFigure { .. })
        ));
        assert!(matches!(
            at("# 総括\n{share:A+E}\n"),
            (2, TextProblem::UnknownLabel { .. })
        ));
        assert!(matches!(
            at("# 総括\n{item:9-9-9}\n"),
            (2, TextProblem::UnknownItem { .. })
        ));
        assert!(matches!(
            at("# 総括\n{year\n"),
            (2, TextProblem::UnclosedPlaceholder)
        ));
        assert!(matches!(at("text\n"), (1, TextProblem::OutsidePart)));
        assert!(matches!(
            at("\n# まとめ\n"),
            (2, TextProblem::UnknownPart { .. })
        ));
        assert!(matches!(
            at("# 総括\n\n# overview\n"),
            (3, TextProblem::DuplicatePart { first_line: 1, .. })
        ));
        assert!(matches!(
            at("# 主な取組の進捗状況\n## 6\n"),
            (2, TextProblem::NotAPolicy { .. })
        ));
        assert!(matches!(
            at("# 主な取組の進捗状況\n## 1 行政改革\n"),
            (2, TextProblem::PolicyName { number: 1, .. })
        ));
        assert!(matches!(
            at("+++\ndate = \"x\"\nauthr = \"y\"\n+++\n"),
            (3, TextProblem::FrontMatter { .. })
        ));
        assert!(matches!(
            at("+++\ndate = \"x\"\n"),
            (1, TextProblem::UnclosedFrontMatter)
        ));
    }
}
