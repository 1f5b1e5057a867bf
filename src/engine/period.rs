//! What the rules of the whole plan period see and give: `forecast(p)` of `forecast.rhai` (the
//! expected final-year value or step of an item and whether its final target will be reached)
//! and `overall(p)` of `overall.rhai` (the suggested 全期間総合評価). `p` is one item over every
//! year of the plan's period — the years with results and those to come — as a map; what
//! `forecast(p)` returns is checked here and handed on typed ([`Forecast`]).

use rhai::{Array, Dynamic, Map};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The script of the forecast to the final year (optional in a rule set).
pub const FORECAST_FILE: &str = "forecast.rhai";
/// The script suggesting the overall rating of the period (optional in a rule set).
pub const OVERALL_FILE: &str = "overall.rhai";

/// Whether an item's final target will be reached (見込み), as `forecast(p)` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    /// 達成: it will be reached (or, once the final year has results, it was).
    Reached,
    /// 未達の恐れ: at the pace so far it will be missed.
    AtRisk,
    /// 未達成: the final year has results, and they miss the final target.
    Missed,
    /// 判断できない: too little to go on (no results, no numeric final target, no trend).
    CannotTell,
}

impl Outlook {
    /// Every outlook, in order: what `forecast(p)` may return as `outlook`.
    pub const ALL: [Outlook; 4] = [
        Outlook::Reached,
        Outlook::AtRisk,
        Outlook::Missed,
        Outlook::CannotTell,
    ];

    /// The identifier a script returns and JSON writes: "reached", "at_risk", "missed",
    /// "cannot_tell".
    pub fn id(self) -> &'static str {
        match self {
            Outlook::Reached => "reached",
            Outlook::AtRisk => "at_risk",
            Outlook::Missed => "missed",
            Outlook::CannotTell => "cannot_tell",
        }
    }

    /// The outlook a script names by `id`.
    pub fn from_id(id: &str) -> Option<Outlook> {
        Outlook::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// What `forecast(p)` says of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    /// Whether the final target will be reached.
    pub outlook: Outlook,
    /// The expected final-year value, in the indicator's unit.
    #[serde(with = "crate::model::exact::option")]
    pub expected: Option<Decimal>,
    /// The lower end of the expected range, when the rules give one.
    #[serde(with = "crate::model::exact::option")]
    pub low: Option<Decimal>,
    /// The upper end of the expected range.
    #[serde(with = "crate::model::exact::option")]
    pub high: Option<Decimal>,
    /// The expected final-year step of a milestone (data/steps.toml's name).
    pub step: Option<String>,
    /// How far the item has come towards its final target (1 = all the way).
    #[serde(with = "crate::model::exact::option")]
    pub progress: Option<Decimal>,
    /// Whether the forecast rests on little (one year of results): read it with care.
    pub weak: bool,
}

/// One year of an item's period, as `p.years[i]` shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodYear {
    /// Fiscal year as the plan writes it in short, "R5".
    pub year: String,
    /// 目標値, in the indicator's unit.
    pub target: Option<Decimal>,
    /// 実績値.
    pub actual: Option<Decimal>,
    /// The target as printed.
    pub target_text: String,
    /// The actual as printed.
    pub actual_text: String,
    /// The bound written with the target: "<=", "<", ">=", ">".
    pub bound: Option<String>,
    /// 年次計画: the year's planned actions.
    pub plan: String,
    /// 取組実績: the year's comment.
    pub comment: String,
    /// Whether the year has results (a rating, an actual or an actual effect).
    pub results: bool,
    /// The rating recorded on the sheet.
    pub recorded: Option<String>,
    /// The rating the rules suggest for the year.
    pub suggested: Option<String>,
    /// The achievement the kind's rule computed for the year.
    pub achievement: Option<Decimal>,
    /// 効果見込額 (千円).
    pub expected_effect: Option<Decimal>,
    /// 実績効果額 (千円).
    pub actual_effect: Option<Decimal>,
}

/// What `forecast(p)` and `overall(p)` receive: an item over the plan's whole period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodInput {
    /// Item id, "5-8-3".
    pub id: String,
    /// 実施項目名.
    pub title: String,
    /// Indicator kind.
    pub kind: String,
    /// Indicator name.
    pub indicator: String,
    /// 単位 as printed.
    pub unit: String,
    /// 指標の現状値.
    pub baseline: Option<Decimal>,
    /// The baseline as printed.
    pub baseline_text: String,
    /// 計画最終年度の目標値.
    pub final_target: Option<Decimal>,
    /// The final target as printed.
    pub final_target_text: String,
    /// The bound written with the final target (以内 "<=", 未満 "<" …).
    pub final_bound: Option<String>,
    /// Every year of the plan's period, in order: the last is the final year.
    pub years: Vec<PeriodYear>,
    /// The rule set's scale, best first.
    pub scale: Vec<String>,
    /// For `overall(p)`: what `forecast(p)` said, when the rule set has one (`p.forecast` then
    /// cannot tell).
    pub forecast: Option<Forecast>,
}

impl PeriodInput {
    /// The position in `years` of the last year with results.
    pub fn last_reported(&self) -> Option<usize> {
        self.years.iter().rposition(|y| y.results)
    }

    /// The last year of the period (the final year), as the plan writes it.
    pub fn final_year(&self) -> &str {
        self.years.last().map_or("", |y| y.year.as_str())
    }

    /// Whether the final year has results: an overall rating is final, not provisional.
    pub fn final_reported(&self) -> bool {
        self.years.last().is_some_and(|y| y.results)
    }

    /// The map `p` that `forecast(p)` reads: `p.forecast` is `()`.
    pub(crate) fn for_forecast(&self) -> Dynamic {
        self.to_dynamic(Dynamic::UNIT)
    }

    /// The map `p` that `overall(p)` reads: `p.forecast` is what `forecast(p)` said, or, without
    /// a forecast, one that cannot tell (so the rule never has to test for `()`).
    pub(crate) fn for_overall(&self) -> Dynamic {
        let cannot_tell = Forecast {
            outlook: Outlook::CannotTell,
            expected: None,
            low: None,
            high: None,
            step: None,
            progress: None,
            weak: false,
        };
        self.to_dynamic(self.forecast.as_ref().unwrap_or(&cannot_tell).to_dynamic())
    }

    /// The map `p` (reading a key it does not have is an error), with `forecast`.
    fn to_dynamic(&self, forecast: Dynamic) -> Dynamic {
        let mut p = Map::new();
        let text = |s: &str| Dynamic::from(s.to_string());
        p.insert("id".into(), text(&self.id));
        p.insert("title".into(), text(&self.title));
        p.insert("kind".into(), text(&self.kind));
        p.insert("indicator".into(), text(&self.indicator));
        p.insert("unit".into(), text(&self.unit));
        p.insert("baseline".into(), num(self.baseline));
        p.insert("baseline_text".into(), text(&self.baseline_text));
        p.insert("final_target".into(), num(self.final_target));
        p.insert("final_target_text".into(), text(&self.final_target_text));
        p.insert("final_bound".into(), opt_text(self.final_bound.as_deref()));
        p.insert("final_year".into(), text(self.final_year()));
        p.insert(
            "final_index".into(),
            int(self.years.len().saturating_sub(1)),
        );
        p.insert(
            "last".into(),
            self.last_reported().map_or(Dynamic::UNIT, int),
        );
        p.insert(
            "reported".into(),
            int(self.years.iter().filter(|y| y.results).count()),
        );
        let years: Array = self.years.iter().map(PeriodYear::to_dynamic).collect();
        p.insert("years".into(), Dynamic::from_array(years));
        let scale: Array = self.scale.iter().map(|l| text(l)).collect();
        p.insert("scale".into(), Dynamic::from_array(scale));
        p.insert("forecast".into(), forecast);
        Dynamic::from_map(p)
    }
}

impl PeriodYear {
    fn to_dynamic(&self) -> Dynamic {
        let mut y = Map::new();
        let text = |s: &str| Dynamic::from(s.to_string());
        y.insert("year".into(), text(&self.year));
        y.insert("target".into(), num(self.target));
        y.insert("actual".into(), num(self.actual));
        y.insert("target_text".into(), text(&self.target_text));
        y.insert("actual_text".into(), text(&self.actual_text));
        y.insert("bound".into(), opt_text(self.bound.as_deref()));
        y.insert("plan".into(), text(&self.plan));
        y.insert("comment".into(), text(&self.comment));
        y.insert("results".into(), Dynamic::from_bool(self.results));
        y.insert("recorded".into(), opt_text(self.recorded.as_deref()));
        y.insert("suggested".into(), opt_text(self.suggested.as_deref()));
        y.insert("achievement".into(), num(self.achievement));
        y.insert("expected_effect".into(), num(self.expected_effect));
        y.insert("actual_effect".into(), num(self.actual_effect));
        Dynamic::from_map(y)
    }
}

impl Forecast {
    /// The map `p.forecast` that `overall(p)` reads: the keys `forecast(p)` may return, each
    /// `()` when not given.
    fn to_dynamic(&self) -> Dynamic {
        let mut f = Map::new();
        f.insert(
            "outlook".into(),
            Dynamic::from(self.outlook.id().to_string()),
        );
        f.insert("expected".into(), num(self.expected));
        f.insert("low".into(), num(self.low));
        f.insert("high".into(), num(self.high));
        f.insert("step".into(), opt_text(self.step.as_deref()));
        f.insert("progress".into(), num(self.progress));
        f.insert("weak".into(), Dynamic::from_bool(self.weak));
        Dynamic::from_map(f)
    }

    /// Reads what `forecast(p)` returned: `#{ outlook: "at_risk", expected: 820, low: 820,
    /// high: 862.5, step: (), progress: 0.58, weak: false }` (every key but `outlook`
    /// optional). An unknown key is an error, so a typo is never ignored.
    pub(crate) fn from_dynamic(value: &Dynamic) -> Result<Forecast, ForecastProblem> {
        let map = value
            .clone()
            .try_cast::<Map>()
            .ok_or_else(|| ForecastProblem::NotAMap {
                type_name: value.type_name().to_string(),
            })?;
        if let Some(key) = map.keys().find(|k| !FORECAST_KEYS.contains(&k.as_str())) {
            return Err(ForecastProblem::UnknownKey {
                key: key.to_string(),
                keys: FORECAST_KEYS.map(String::from).to_vec(),
            });
        }
        let outlooks = || Outlook::ALL.map(|o| o.id().to_string()).to_vec();
        let outlook = match map.get("outlook") {
            None => {
                return Err(ForecastProblem::NoOutlook {
                    outlooks: outlooks(),
                })
            }
            Some(o) => {
                let given = o
                    .clone()
                    .into_string()
                    .map_err(|t| ForecastProblem::NotText {
                        key: "outlook".into(),
                        type_name: t.to_string(),
                    })?;
                Outlook::from_id(&given).ok_or_else(|| ForecastProblem::NotAnOutlook {
                    given,
                    outlooks: outlooks(),
                })?
            }
        };
        let number = |key: &str| -> Result<Option<Decimal>, ForecastProblem> {
            match map.get(key) {
                None => Ok(None),
                Some(v) if v.is_unit() => Ok(None),
                Some(v) => v
                    .as_decimal()
                    .ok()
                    .or_else(|| v.as_int().ok().map(Decimal::from))
                    .map(Some)
                    .ok_or_else(|| ForecastProblem::NotANumber {
                        key: key.to_string(),
                        type_name: v.type_name().to_string(),
                    }),
            }
        };
        let step = match map.get("step") {
            None => None,
            Some(v) if v.is_unit() => None,
            Some(v) => Some(
                v.clone()
                    .into_string()
                    .map_err(|t| ForecastProblem::NotText {
                        key: "step".into(),
                        type_name: t.to_string(),
                    })?,
            ),
        };
        let weak = match map.get("weak") {
            None => false,
            Some(w) => w.as_bool().map_err(|t| ForecastProblem::WeakNotBool {
                type_name: t.to_string(),
            })?,
        };
        Ok(Forecast {
            outlook,
            expected: number("expected")?,
            low: number("low")?,
            high: number("high")?,
            step,
            progress: number("progress")?,
            weak,
        })
    }
}

/// The keys `forecast(p)` may return.
pub const FORECAST_KEYS: [&str; 7] = [
    "outlook", "expected", "low", "high", "step", "progress", "weak",
];

fn num(d: Option<Decimal>) -> Dynamic {
    d.map(Dynamic::from_decimal).unwrap_or(Dynamic::UNIT)
}

fn opt_text(s: Option<&str>) -> Dynamic {
    s.map_or(Dynamic::UNIT, |s| Dynamic::from(s.to_string()))
}

fn int(n: usize) -> Dynamic {
    Dynamic::from(rhai::INT::try_from(n).unwrap_or(rhai::INT::MAX))
}

crate::i18n::messages! {
    /// What is wrong with what `forecast(p)` returned.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ForecastProblem {
        /// Not a map.
        NotAMap { type_name: String } =>
            ja: "マップ #{{ outlook: … }} を返さなければなりませんが、{type_name} を返しました",
            en: "must return a map #{{ outlook: … }}, returned a {type_name}";
        /// A key a forecast does not have.
        UnknownKey { key: String, keys: Vec<String> } =>
            ja: "知らないキー {key:?} を返しました (見込みのキーは {keys} です)",
            en: "returned the unknown key {key:?} (a forecast has {keys})";
        /// No outlook.
        NoOutlook { outlooks: Vec<String> } =>
            ja: "outlook (見込み: {outlooks} のいずれか) を返していません",
            en: "returned no outlook (one of {outlooks})";
        /// An outlook that is none.
        NotAnOutlook { given: String, outlooks: Vec<String> } =>
            ja: "見込み {given:?} を返しましたが、見込みは {outlooks} のいずれかです",
            en: "returned the outlook {given:?}; an outlook is one of {outlooks}";
        /// A number that is not one.
        NotANumber { key: String, type_name: String } =>
            ja: "{key} は数値か () でなければなりませんが、{type_name} です",
            en: "{key} must be a number or (), it is a {type_name}";
        /// A text that is not one.
        NotText { key: String, type_name: String } =>
            ja: "{key} は文字列でなければなりませんが、{type_name} です",
            en: "{key} must be a string, it is a {type_name}";
        /// `weak` that is not true or false.
        WeakNotBool { type_name: String } =>
            ja: "weak は true か false でなければなりませんが、{type_name} です",
            en: "weak must be true or false, it is a {type_name}";
    }

    /// A rule of the period that failed on an item: the rule file, the function and the item.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PeriodRuleText {
        /// What a rule returned is wrong.
        Returned { file: String, function: String, item: String, problem: ForecastProblem } =>
            ja: "{file}: 関数 {function}、実施項目 {item}、全期間: {problem}",
            en: "{file}: function {function}, item {item}, whole period: {problem}";
        /// The same in a rule test case (the case is named already).
        ReturnedInCase { file: String, function: String, problem: ForecastProblem } =>
            ja: "{file}、関数 {function}: {problem}",
            en: "{file}, function {function}: {problem}";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }

    #[test]
    fn outlooks_read_back_by_their_identifiers() {
        for o in Outlook::ALL {
            assert_eq!(Outlook::from_id(o.id()), Some(o));
            assert_eq!(
                serde_json::to_value(o).unwrap(),
                serde_json::Value::String(o.id().into())
            );
        }
        assert_eq!(Outlook::from_id("will miss"), None);
    }
}
