//! The year's plan-level summary a rule set defines in `summary.rhai`: figures beyond the
//! document's fixed tables, because cities sum up a year differently — points per rating and
//! 評価得点 ÷ 満点 as the plan's 達成率, items counted as 達成 / 未達成 / 確定できない …
//!
//! `fn summary(s)` receives the year's evaluated items and returns tables of figures; the
//! engine checks their shape and hands them on typed ([`FigureTable`]).

use rhai::{Array, Dynamic, Engine, Map};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::RuleProblem;

crate::i18n::messages! {
    /// What is wrong with a table `summary(s)` returned.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum TableProblem {
        /// Not a map.
        NotAMap =>
            ja: "マップ #{{ title, columns, rows }} ではありません",
            en: "not a map #{{ title, columns, rows }}";
        /// No title.
        NoTitle =>
            ja: "title (文字列) がありません",
            en: "no title (a string)";
        /// No columns.
        NoColumns =>
            ja: "columns (文字列の配列) がありません",
            en: "no columns (an array of strings)";
        /// A heading that is not text.
        ColumnNotText =>
            ja: "列の見出しに文字列でないものがあります",
            en: "a column heading is not a string";
        /// No rows.
        NoRows =>
            ja: "rows (配列の配列) がありません",
            en: "no rows (an array of arrays)";
        /// A key a table does not have.
        UnknownKey { key: String } =>
            ja: "知らないキー {key:?} があります: 表のキーは title, columns, rows です",
            en: "unknown key {key:?}: a table has title, columns and rows";
        /// A row that is not an array.
        RowNotArray { row: usize } =>
            ja: "{row} 行目が配列ではありません",
            en: "row {row} is not an array";
        /// A row of the wrong length.
        RowLength { row: usize, figures: usize, columns: usize } =>
            ja: "{row} 行目の値が {figures} 個ありますが、列は {columns} 個です",
            en: "row {row} has {figures} figures for {columns} columns";
        /// A figure of no kind a table shows.
        BadFigure { row: usize } =>
            ja: "{row} 行目に、数値、文字列、as_percent(…)、() のいずれでもない値があります",
            en: "row {row}: a figure is neither a number, a string, as_percent(…) nor ()";
    }
}

/// The file defining the summary (optional in a rule set).
pub const SUMMARY_FILE: &str = "summary.rhai";

/// One evaluated item, as `summary(s)` sees it in `s.items`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummaryItem {
    /// "5-8-3".
    pub id: String,
    /// 基本方針 number.
    pub policy: u32,
    /// 改革の推進項目 number.
    pub theme: u32,
    /// 実施項目名.
    pub title: String,
    /// Indicator kind.
    pub kind: String,
    /// The rating recorded on the sheet.
    pub recorded: Option<String>,
    /// The rating the rules suggest (`()`: judgement required).
    pub suggested: Option<String>,
    /// The achievement the kind's rule computed.
    pub achievement: Option<Decimal>,
    /// 効果見込額 (千円).
    pub expected_effect: Option<Decimal>,
    /// 実績効果額 (千円).
    pub actual_effect: Option<Decimal>,
    /// The effect computed from the item's formula, rounded to 千円.
    pub computed_effect: Option<Decimal>,
}

/// What `summary(s)` receives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummaryInput {
    /// The plan's name.
    pub plan: String,
    /// The fiscal year, as the plan writes it in short ("R5").
    pub year: String,
    /// The labels of the rule set's scale (the suggestions'), best first.
    pub scale: Vec<String>,
    /// The labels of the recorded ratings' scale, best first.
    pub recorded_scale: Vec<String>,
    /// 基本方針: number and name, in order.
    pub policies: Vec<(u32, String)>,
    /// Every item, in item order.
    pub items: Vec<SummaryItem>,
}

/// One figure of a summary table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Figure {
    /// `()`: nothing to show.
    None,
    /// Words.
    Text(String),
    /// A number (a count, points, an amount).
    Number(Decimal),
    /// A ratio shown as a percentage (`as_percent(0.7)` reads 70.0%).
    Percent(Decimal),
}

/// A table of figures `summary(s)` returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureTable {
    /// Its heading: "評価得点と達成率".
    pub title: String,
    /// The column headings.
    pub columns: Vec<String>,
    /// The rows, each as many figures as there are columns.
    pub rows: Vec<Vec<Figure>>,
}

/// A ratio a summary shows as a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
struct AsPercent(Decimal);

fn opt<T: Into<Dynamic>>(v: Option<T>) -> Dynamic {
    v.map(Into::into).unwrap_or(Dynamic::UNIT)
}

fn num(d: Option<Decimal>) -> Dynamic {
    d.map(Dynamic::from_decimal).unwrap_or(Dynamic::UNIT)
}

fn strings(v: &[String]) -> Dynamic {
    Dynamic::from_array(v.iter().cloned().map(Dynamic::from).collect())
}

impl SummaryInput {
    /// The object map `s` (reading a key it does not have is an error).
    pub(crate) fn to_dynamic(&self) -> Dynamic {
        let mut s = Map::new();
        s.insert("plan".into(), self.plan.clone().into());
        s.insert("year".into(), self.year.clone().into());
        s.insert("scale".into(), strings(&self.scale));
        s.insert("recorded_scale".into(), strings(&self.recorded_scale));
        let policies: Array = self
            .policies
            .iter()
            .map(|(number, name)| {
                let mut p = Map::new();
                p.insert("number".into(), Dynamic::from(rhai::INT::from(*number)));
                p.insert("name".into(), name.clone().into());
                Dynamic::from_map(p)
            })
            .collect();
        s.insert("policies".into(), Dynamic::from_array(policies));
        let items: Array = self
            .items
            .iter()
            .map(|i| {
                let mut m = Map::new();
                m.insert("id".into(), i.id.clone().into());
                m.insert("policy".into(), Dynamic::from(rhai::INT::from(i.policy)));
                m.insert("theme".into(), Dynamic::from(rhai::INT::from(i.theme)));
                m.insert("title".into(), i.title.clone().into());
                m.insert("kind".into(), i.kind.clone().into());
                m.insert("recorded".into(), opt(i.recorded.clone()));
                m.insert("suggested".into(), opt(i.suggested.clone()));
                m.insert("achievement".into(), num(i.achievement));
                m.insert("expected_effect".into(), num(i.expected_effect));
                m.insert("actual_effect".into(), num(i.actual_effect));
                m.insert("computed_effect".into(), num(i.computed_effect));
                Dynamic::from_map(m)
            })
            .collect();
        s.insert("items".into(), Dynamic::from_array(items));
        Dynamic::from_map(s)
    }
}

/// Registers `as_percent`.
pub(crate) fn register(engine: &mut Engine) {
    engine.register_type_with_name::<AsPercent>("Percent");
    engine.register_fn("as_percent", AsPercent);
    engine.register_fn("as_percent", |i: rhai::INT| AsPercent(Decimal::from(i)));
}

/// Reads what `summary(s)` returned: an array of `#{ title, columns, rows }`. `Err` says what
/// is wrong with it.
pub(crate) fn figure_tables(value: Dynamic) -> Result<Vec<FigureTable>, RuleProblem> {
    if value.is_unit() {
        return Ok(Vec::new());
    }
    let tables = value
        .try_cast::<Array>()
        .ok_or(RuleProblem::SummaryNotArray)?;
    let mut out = Vec::new();
    for (n, table) in tables.into_iter().enumerate() {
        let at = |problem: TableProblem| RuleProblem::Table {
            table: n + 1,
            problem,
        };
        let mut map = table
            .try_cast::<Map>()
            .ok_or_else(|| at(TableProblem::NotAMap))?;
        let title = map
            .remove("title")
            .and_then(|t| t.into_string().ok())
            .ok_or_else(|| at(TableProblem::NoTitle))?;
        let columns: Vec<String> = map
            .remove("columns")
            .and_then(|c| c.try_cast::<Array>())
            .ok_or_else(|| at(TableProblem::NoColumns))?
            .into_iter()
            .map(|c| c.into_string().map_err(|_| at(TableProblem::ColumnNotText)))
            .collect::<Result<_, _>>()?;
        let rows_value = map
            .remove("rows")
            .and_then(|r| r.try_cast::<Array>())
            .ok_or_else(|| at(TableProblem::NoRows))?;
        if let Some(key) = map.keys().next() {
            return Err(at(TableProblem::UnknownKey {
                key: key.to_string(),
            }));
        }
        let mut rows = Vec::new();
        for (r, row) in rows_value.into_iter().enumerate() {
            let row = row
                .try_cast::<Array>()
                .ok_or_else(|| at(TableProblem::RowNotArray { row: r + 1 }))?;
            if row.len() != columns.len() {
                return Err(at(TableProblem::RowLength {
                    row: r + 1,
                    figures: row.len(),
                    columns: columns.len(),
                }));
            }
            let figures = row
                .into_iter()
                .map(|f| figure(f).ok_or_else(|| at(TableProblem::BadFigure { row: r + 1 })))
                .collect::<Result<Vec<_>, _>>()?;
            rows.push(figures);
        }
        out.push(FigureTable {
            title,
            columns,
            rows,
        });
    }
    Ok(out)
}

fn figure(value: Dynamic) -> Option<Figure> {
    if value.is_unit() {
        return Some(Figure::None);
    }
    if let Ok(d) = value.as_decimal() {
        return Some(Figure::Number(d));
    }
    if let Ok(i) = value.as_int() {
        return Some(Figure::Number(Decimal::from(i)));
    }
    if value.is_string() {
        return value.into_string().ok().map(Figure::Text);
    }
    value.try_cast::<AsPercent>().map(|p| Figure::Percent(p.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::English as _;
    use crate::engine::testing::TWO_LABEL_CONFIG;
    use crate::engine::{MemoryRules, RuleSet};
    use crate::model::SourceFile;

    fn rules(summary: &str) -> RuleSet {
        RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", "fn rating(x, a) { () }"),
                SourceFile::new("summary.rhai", summary),
            ],
        })
        .unwrap()
    }

    fn input() -> SummaryInput {
        let item = |id: &str, recorded: &str| SummaryItem {
            id: id.into(),
            recorded: Some(recorded.into()),
            ..SummaryItem::default()
        };
        SummaryInput {
            year: "R5".into(),
            scale: vec!["A".into(), "B".into()],
            items: vec![item("1-1-1", "A"), item("1-1-2", "B"), item("1-1-3", "A")],
            ..SummaryInput::default()
        }
    }

    const POINTS: &str = r#"
fn summary(s) {
    let points = #{ "A": 5, "B": 3 };
    let score = 0;
    for i in s.items { score += points[i.recorded]; }
    let full = s.items.len() * 5;
    explain(`${score} of ${full}`);
    [#{ title: "評価得点", columns: ["評価得点", "満点", "達成率", "備考"],
        rows: [[score, full, as_percent(score.to_decimal() / full.to_decimal()), ()]] }]
}
"#;

    #[test]
    fn points_per_rating_and_the_share_of_the_full_score() {
        let out = rules(POINTS).summary(&input()).unwrap();
        assert_eq!(out.trace, [crate::i18n::Text::same("13 of 15")]);
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        assert_eq!(
            out.value,
            [FigureTable {
                title: "評価得点".into(),
                columns: vec![
                    "評価得点".into(),
                    "満点".into(),
                    "達成率".into(),
                    "備考".into()
                ],
                rows: vec![vec![
                    Figure::Number(d("13")),
                    Figure::Number(d("15")),
                    Figure::Percent(d("13") / d("15")),
                    Figure::None
                ]],
            }]
        );
    }

    #[test]
    fn a_summary_of_the_wrong_shape_is_an_error_naming_the_file() {
        for (script, why) in [
            ("fn summary(s) { 1 }", "must return an array"),
            (
                "fn summary(s) { [#{ title: \"t\", columns: [\"a\"] }] }",
                "table 1: no rows",
            ),
            (
                "fn summary(s) { [#{ title: \"t\", columns: [\"a\"], rows: [[1, 2]] }] }",
                "row 1 has 2 figures for 1 columns",
            ),
            (
                "fn summary(s) { [#{ title: \"t\", columns: [\"a\"], rows: [], note: 1 }] }",
                "unknown key \"note\"",
            ),
            ("fn summary(s) { s.itmes }", "itmes"),
        ] {
            let err = rules(script).summary(&input()).unwrap_err().en();
            assert!(
                err.starts_with("mem/summary.rhai: function summary"),
                "{err}"
            );
            assert!(err.contains(why), "{script}: {err}");
        }
        let err = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![
                SourceFile::new("ruleset.toml", TWO_LABEL_CONFIG),
                SourceFile::new("rating.rhai", "fn rating(x, a) { () }"),
                SourceFile::new("summary.rhai", "fn other(s) { () }"),
            ],
        })
        .unwrap_err()
        .en();
        assert!(err.contains("defines no function summary(s)"), "{err}");
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
