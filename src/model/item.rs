//! One implementation item (実施項目) with everything its progress sheet (進捗管理シート) prints.
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::fiscal_year::FiscalYear;
use super::value::Cell;
use super::year_map::YearMap;

/// An item's number in the plan: 5(8)⑫ is policy 5, theme 8, item 12, written `5-8-12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId {
    /// 基本方針
    pub policy: u32,
    /// 改革の推進項目
    pub theme: u32,
    /// 実施項目 number within the theme
    pub number: u32,
}

/// A number as the document circles it: 1 → "①", 20 → "⑳"; beyond 20 in brackets ("\[21\]").
pub fn circled(n: u32) -> String {
    char::from_u32(0x2460 + n.saturating_sub(1))
        .filter(|_| (1..=20).contains(&n))
        .map(String::from)
        .unwrap_or_else(|| format!("[{n}]"))
}

impl ItemId {
    /// The document's notation: "5(8)⑫".
    pub fn japanese(&self) -> String {
        format!("{}({}){}", self.policy, self.theme, circled(self.number))
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.policy, self.theme, self.number)
    }
}

/// In a message, an item reads as its id ("1-2-4").
impl crate::i18n::Arg for ItemId {
    fn arg(&self, _: crate::i18n::Lang) -> String {
        self.to_string()
    }
}

impl Serialize for ItemId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Why an item id could not be read (worded by [`ParseProblem::NotAnItemId`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.problem())]
pub struct ItemIdError(pub String);

impl ItemIdError {
    /// Its message kind.
    pub fn problem(&self) -> ParseProblem {
        ParseProblem::NotAnItemId {
            given: self.0.clone(),
        }
    }
}

/// Reads an item id in every form a person meets it: `5-8-3` (files, the CLI), `5(8)③` (the
/// document and the report), `5(8)[21]` beyond ⑳, `5(8)3`; full-width digits and brackets
/// (`５（８）③`) and the dashes that stand for a hyphen (`5‐8‐3`, `５－８－３`) too.
impl FromStr for ItemId {
    type Err = ItemIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ItemIdError(s.to_string());
        let folded: String = super::value::normalize(s)
            .chars()
            .map(|c| match c {
                '［' => '[',
                '］' => ']',
                c => c,
            })
            .collect();
        let n = |p: &str| p.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(err);
        let parts: Vec<&str> = folded.split('-').collect();
        if let [policy, theme, number] = parts.as_slice() {
            return Ok(ItemId {
                policy: n(policy)?,
                theme: n(theme)?,
                number: n(number)?,
            });
        }
        // 5(8)③: policy, theme in brackets, then the item circled, bracketed or plain.
        let (policy, rest) = folded.split_once('(').ok_or_else(err)?;
        let (theme, number) = rest.split_once(')').ok_or_else(err)?;
        let number = match number.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
            Some(inner) => n(inner)?,
            None => match uncircled(number) {
                Some(k) => k,
                None => n(number)?,
            },
        };
        Ok(ItemId {
            policy: n(policy)?,
            theme: n(theme)?,
            number,
        })
    }
}

/// The number of a circled digit as the document writes items: ① … ⑳, ㉑ … ㊿.
fn uncircled(text: &str) -> Option<u32> {
    let mut chars = text.chars();
    let c = chars.next()? as u32;
    if chars.next().is_some() {
        return None;
    }
    match c {
        0x2460..=0x2473 => Some(c - 0x2460 + 1),
        0x3251..=0x325F => Some(c - 0x3251 + 21),
        0x32B1..=0x32BF => Some(c - 0x32B1 + 36),
        _ => None,
    }
}

/// 指標(行動/成果): what measures the item's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// The indicator's wording.
    pub name: String,
    /// 単位 as printed ("件", "%", "千円/年", "-").
    pub unit: String,
    /// The indicator kind, naming the rule that compares actual with target
    /// (`higher_better`, `lower_better`, `cumulative`, `upper_bound`, `level`, `milestone` …).
    pub kind: String,
    /// 指標の現状値 (FY2022, when the plan was drawn up).
    pub baseline: Option<Cell>,
    /// 計画最終年度の目標値.
    pub final_target: Option<Cell>,
    /// The item's own effect formula: a Rhai expression over `value`, `previous`, `baseline`, `total`.
    pub effect: Option<String>,
    /// Words this indicator's figures may be given as instead of a number ("集計中"), besides
    /// the plan's `indicator_words`: each is read as no figure, printed as written.
    pub words: Vec<String>,
}

/// One fiscal year's row of the sheet: the plan (年次計画) and, once the year is over, the results.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearEntry {
    /// Planned actions (年次計画).
    pub plan: Option<String>,
    /// The indicator's target (目標値).
    pub target: Option<Cell>,
    /// 効果見込額 (千円).
    pub expected_effect: Option<Cell>,
    /// 取組方針・取組内容: the year's intended actions.
    pub policy: Option<String>,
    /// 実績値.
    pub actual: Option<Cell>,
    /// 実績効果額 (千円).
    pub actual_effect: Option<Cell>,
    /// 評価 as recorded by the planning section.
    pub rating: Option<String>,
    /// 取組実績: what was done.
    pub comment: Option<String>,
    /// The planning section's review of the year's rating against the rules' suggestion
    /// (`[years.R5.review]`): the recorded rating kept with a reason, or the suggestion adopted.
    pub review: Option<Review>,
}

/// What the planning section decided when the rules suggested another rating than the recorded
/// one, or a rating on weak evidence (`gyokaku serve`'s review, written to the item file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Kept the recorded rating, or adopted the suggestion.
    pub decision: ReviewDecision,
    /// The rating recorded after the review (the year's `rating`).
    pub rating: String,
    /// What the rules suggested when it was reviewed (none: left to judgement).
    pub suggested: Option<String>,
    /// The rating recorded before, when the review changed it.
    pub previous: Option<String>,
    /// Why: required when the recorded rating is kept against the suggestion.
    pub reason: Option<String>,
    /// The day of the decision, `2025-01-15`.
    pub date: String,
}

/// The two decisions of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewDecision {
    /// The recorded rating stands (with a reason).
    Kept,
    /// The rules' suggestion became the recorded rating.
    Adopted,
}

impl ReviewDecision {
    /// The key written in the item file.
    pub fn key(self) -> &'static str {
        match self {
            ReviewDecision::Kept => "kept",
            ReviewDecision::Adopted => "adopted",
        }
    }
}

impl YearEntry {
    /// Whether the year has results: a rating, or an actual or actual effect other than "-"
    /// (some sheets print "-" in the result cells of years not yet evaluated).
    pub fn has_results(&self) -> bool {
        let given = |c: &Option<Cell>| {
            c.as_ref()
                .is_some_and(|c| c.value != super::value::Value::None)
        };
        self.rating.is_some() || given(&self.actual) || given(&self.actual_effect)
    }
}

/// 〔小計〕: the five-year sums printed at the foot of the sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subtotals {
    /// 〔小計〕効果見込額 (千円).
    pub expected_effect: Option<Cell>,
    /// 〔小計〕実績効果額 (千円).
    pub actual_effect: Option<Cell>,
}

/// A place where the source document contradicts itself; the printed value is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discrepancy {
    /// The field whose printed value was kept: `subtotals.expected_effect`, `years.R5.target`,
    /// `list.target` (the 【参考①】 row) …
    pub field: String,
    /// What disagrees with what.
    pub text: String,
    /// The printed value it describes. When given, the entry accounts for a finding only while
    /// the field still prints this value: a corrected or re-imported value is checked afresh.
    pub value: Option<String>,
}

/// A published result changed afterwards (訂正): which, from what to what, why and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// The year whose result changed.
    pub year: FiscalYear,
    /// The year's field: `actual`, `actual_effect`, `rating` or `comment`.
    pub field: String,
    /// The value before, as it was recorded; `None` when there was none.
    pub old: Option<String>,
    /// The value after.
    pub new: String,
    /// Why (`--amend "理由"`).
    pub reason: String,
    /// The day it was taken in: "2026-12-06".
    pub date: String,
}

crate::i18n::messages! {
    /// An amendment an item file records that cannot be.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AmendmentProblem {
        /// Not a field a department reports.
        Field { field: String, fields: Vec<String> } =>
            ja: "訂正の field {field:?} は年度の実績の欄ではありません ({fields} のどれかです)",
            en: "the amendment's field {field:?} is not one of a year's results ({fields})";
    }

    /// Words that cannot be read as what they stand for.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ParseProblem {
        /// Not a fiscal year.
        NotAFiscalYear { given: String } =>
            ja: "{given:?} は年度として読めません: R5, 令和5年度, 令和元年度, H30, 平成30年度, FY2018, 2018年度 のように書いてください",
            en: "{given:?} is not a fiscal year: write R5, 令和5年度, 令和元年度, H30, 平成30年度, FY2018 or 2018年度";
        /// Not an item id.
        NotAnItemId { given: String } =>
            ja: "{given:?} は取組番号として読めません: <基本方針>-<推進項目>-<実施項目> (例 5-8-12) か資料の番号 (例 5(8)⑫) で書いてください",
            en: "{given:?} is not an item id: write <policy>-<theme>-<item>, e.g. 5-8-12, or the document's number, e.g. 5(8)⑫";
    }
}

/// The fields of a year an amendment may change: the results a department reports.
pub const AMENDABLE_FIELDS: [&str; 4] = ["actual", "actual_effect", "rating", "comment"];

/// One 実施項目 and its 進捗管理シート.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// `5-8-12`, from the file name.
    pub id: ItemId,
    /// 実施項目名.
    pub title: String,
    /// 取組主管 部局, when the document prints one (三田市's table names only the 所属).
    pub department: Option<String>,
    /// 取組主管 所属.
    pub section: String,
    /// 関連所属.
    pub related_sections: Vec<String>,
    /// Whether the document has a progress sheet for the item (else only its 【参考①】 row).
    pub sheet: bool,
    /// 具体的な改善取組内容.
    pub actions: Option<String>,
    /// 現状と課題.
    pub situation: Option<String>,
    /// 令和9年度(計画最終年度)において目指す姿.
    pub final_goal: Option<String>,
    /// Free notes on the item or its transcription.
    pub notes: Vec<String>,
    /// 全期間総合評価, given in the final year.
    pub overall_rating: Option<String>,
    /// 指標.
    pub indicator: Indicator,
    /// 年次計画 and 取組実績, per fiscal year.
    pub years: YearMap,
    /// 〔小計〕.
    pub subtotals: Subtotals,
    /// Where the document contradicts itself.
    pub discrepancies: Vec<Discrepancy>,
    /// Published results changed afterwards, oldest first.
    pub amendments: Vec<Amendment>,
    /// Where the item was read from, and the line of each field.
    #[serde(skip)]
    pub source: ItemSource,
}

/// The file an item came from and the line each of its fields stands on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSource {
    /// The item's file.
    pub file: PathBuf,
    /// `years.R5.target` → line (1-based).
    pub lines: BTreeMap<String, usize>,
}

impl ItemSource {
    /// "items/5-8-3.toml:14" for a field, or the file alone when its line is not known.
    /// A field that is not written falls back to its table (`years.R8.target` → `[years.R8]`).
    pub fn locate(&self, field: &str) -> String {
        let mut path = field;
        loop {
            if let Some(line) = self.lines.get(path) {
                return format!("{}:{}", self.file.display(), line);
            }
            match path.rsplit_once('.') {
                Some((parent, _)) => path = parent,
                None => return self.file.display().to_string(),
            }
        }
    }
}

impl Item {
    /// Who reports the item: its 部局, or its 所属 where the document prints no 部局. The
    /// year's workbooks are made one per reporter.
    pub fn reporter(&self) -> &str {
        self.department.as_deref().unwrap_or(&self.section)
    }

    /// 取組主管 as the sheet prints it: "企画部 経営企画課", or the 所属 alone.
    pub fn owner(&self) -> String {
        match &self.department {
            Some(department) => format!("{department} {}", self.section),
            None => self.section.clone(),
        }
    }

    /// The year's row, if the sheet has one.
    pub fn year(&self, year: FiscalYear) -> Option<&YearEntry> {
        self.years.get(&year)
    }

    /// A recorded discrepancy on `field`, if any.
    pub fn discrepancy(&self, field: &str) -> Option<&Discrepancy> {
        self.discrepancies.iter().find(|d| d.field == field)
    }

    /// The printed value of a field of the item file: `years.R5.actual`, `years.R5.rating`,
    /// `subtotals.actual_effect`, `indicator.final_target` …; `None` when blank or not a value.
    pub fn printed(&self, field: &str) -> Option<String> {
        let cell = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone());
        let parts: Vec<&str> = field.split('.').collect();
        match parts.as_slice() {
            ["indicator", "baseline"] => cell(&self.indicator.baseline),
            ["indicator", "final_target"] => cell(&self.indicator.final_target),
            ["subtotals", "expected_effect"] => cell(&self.subtotals.expected_effect),
            ["subtotals", "actual_effect"] => cell(&self.subtotals.actual_effect),
            ["years", year, key] => {
                let year: FiscalYear = year.parse().ok()?;
                let e = self.year(year)?;
                match *key {
                    "target" => cell(&e.target),
                    "expected_effect" => cell(&e.expected_effect),
                    "actual" => cell(&e.actual),
                    "actual_effect" => cell(&e.actual_effect),
                    "rating" => e.rating.clone(),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The recorded discrepancy on `field` that still describes what the field prints: one
    /// without a `value`, or whose `value` is the printed one.
    pub fn current_discrepancy(&self, field: &str) -> Option<&Discrepancy> {
        self.discrepancy(field).filter(|d| {
            d.value
                .as_ref()
                .is_none_or(|v| self.printed(field).as_deref() == Some(v.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }

    #[test]
    fn ids() {
        let id: ItemId = "5-8-12".parse().unwrap();
        assert_eq!(
            id,
            ItemId {
                policy: 5,
                theme: 8,
                number: 12
            }
        );
        assert_eq!(id.to_string(), "5-8-12");
        assert_eq!(id.japanese(), "5(8)⑫");
        for form in [
            "5(8)⑫",
            "５（８）⑫",
            "5(8)12",
            "5(8)[12]",
            "5‐8‐12",
            "５－８－１２",
        ] {
            assert_eq!(form.parse::<ItemId>(), Ok(id), "{form}");
        }
        let id = ItemId {
            policy: 2,
            theme: 4,
            number: 21,
        };
        assert_eq!(id.japanese(), "2(4)[21]");
        assert_eq!("2(4)[21]".parse::<ItemId>(), Ok(id));
        assert_eq!("2(4)㉑".parse::<ItemId>(), Ok(id));
        assert_eq!("2(4)㊿".parse::<ItemId>().map(|i| i.number), Ok(50));
        for wrong in [
            "5(8)",
            "(8)③",
            "5(8)③④",
            "5(8)[0]",
            "5(8)-3",
            "5-8-3-1",
            "5(8",
        ] {
            assert!(wrong.parse::<ItemId>().is_err(), "{wrong}");
        }
        assert!("5-8".parse::<ItemId>().is_err());
        assert!("5-8-0".parse::<ItemId>().is_err());
        assert!("a-b-c".parse::<ItemId>().is_err());
    }
}
