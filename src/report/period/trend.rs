//! The report's 推移 section: the plan over its years so far, as published facts — the effects
//! by year (expected against actual, and the actual stacked by 基本方針), progress to date per
//! 基本方針, the recorded ratings by year (of the plan and of each 基本方針, stacked bars) —
//! and, for each item's sheet, a small chart of its target against its actual by year. No
//! forecast: that is the rules' suggestion, for `gyokaku period`.

use rust_decimal::Decimal;

use super::{effects_by_year, progress_table, PeriodText};
use crate::engine::number_in;
use crate::evaluation::{GroupPeriod, GroupYear, ItemPeriod, PeriodEvaluation};
use crate::i18n::Localize;
use crate::model::{FiscalYear, ItemId};
use crate::report::messages::Heading;
use crate::report::{year_name, Chart, Lang, Section, Series};

/// The years of the period with results up to the year it is seen from.
fn reported_years(p: &PeriodEvaluation) -> Vec<FiscalYear> {
    (p.total.by_year.iter())
        .filter(|y| y.effects.reported > 0)
        .map(|y| y.year)
        .collect()
}

/// An amount of 千円 in the plan's report unit, for a chart.
fn money(p: &PeriodEvaluation, d: Decimal) -> Decimal {
    p.report_unit.from_thousand_yen(d).unwrap_or(d)
}

/// The group's figure of each of `years`.
fn by_year(
    g: &GroupPeriod,
    years: &[FiscalYear],
    figure: impl Fn(&GroupYear) -> Decimal,
) -> Vec<Decimal> {
    (years.iter())
        .map(|year| {
            (g.by_year.iter())
                .find(|y| y.year == *year)
                .map_or(Decimal::ZERO, &figure)
        })
        .collect()
}

/// The 推移 section of the report: the plan's years with results, the figures beside their
/// charts.
pub fn trend_section(p: &PeriodEvaluation, lang: Lang) -> Section {
    let mut section = Section::new(PeriodText::TrendTitle.localize(lang))
        .short(PeriodText::TrendShort.localize(lang));
    let years = reported_years(p);
    let names: Vec<String> = years.iter().map(|y| year_name(*y, lang)).collect();
    let unit = p.report_unit.in_lang(lang).to_string();

    // The actual effect by year is the stacked chart's figures.
    section.push(effects_by_year(p, lang, false));
    section.push(Chart {
        title: PeriodText::EffectsChartTitle.localize(lang),
        stacked: false,
        categories: names.clone(),
        series: vec![
            Series {
                name: Heading::ExpectedEffect.localize(lang),
                values: by_year(&p.total, &years, |y| money(p, y.effects.expected_reported)),
            },
            Series {
                name: Heading::ActualEffect.localize(lang),
                values: by_year(&p.total, &years, |y| money(p, y.effects.actual)),
            },
        ],
        unit: unit.clone(),
        compact: false,
    });
    section.push(Chart {
        title: PeriodText::ActualByPolicyChartTitle.localize(lang),
        stacked: true,
        categories: names.clone(),
        series: (p.policies.iter())
            .map(|g| Series {
                name: format!("{} {}", g.number, g.name),
                values: by_year(g, &years, |y| money(p, y.effects.actual)),
            })
            .collect(),
        unit,
        compact: false,
    });
    section.push(progress_table(p, &p.policies, false, lang));

    // The ratings by year, of the whole plan and of each 基本方針 (each chart with its figures).
    let whole = (std::iter::once((&p.total, Heading::Total.localize(lang))))
        .chain((p.policies.iter()).map(|g| (g, format!("{} {}", g.number, g.name))));
    for (g, name) in whole {
        section.push(Chart {
            title: PeriodText::RatingsChartTitle { policy: name }.localize(lang),
            stacked: true,
            categories: names.clone(),
            series: (p.recorded_scale.labels())
                .map(|label| Series {
                    name: label.to_string(),
                    values: by_year(g, &years, |y| Decimal::from(y.recorded.get(label))),
                })
                .collect(),
            unit: Heading::ItemsUnit.localize(lang),
            compact: false,
        });
    }
    section
}

/// The small chart of an item's sheet: its target against its actual in each year with
/// results where both are numbers; `None` when there are fewer than two such years (a
/// milestone, the plan's first year).
pub fn item_trend(p: &PeriodEvaluation, id: ItemId, lang: Lang) -> Option<Chart> {
    let item: &ItemPeriod = p.items.iter().find(|i| i.id == id)?;
    let unit = item.unit.as_str();
    let points: Vec<(FiscalYear, Decimal, Decimal)> = (item.years.iter())
        .filter(|y| y.has_results)
        .filter_map(|y| {
            let target = number_in(y.target.as_ref(), unit)?;
            let actual = number_in(y.actual.as_ref(), unit)?;
            Some((y.year, target, actual))
        })
        .collect();
    // A trend needs two years: with one, the sheet beside it already shows both figures.
    if points.len() < 2 {
        return None;
    }
    Some(Chart {
        title: PeriodText::ItemChartTitle.localize(lang),
        stacked: false,
        categories: points.iter().map(|(y, _, _)| year_name(*y, lang)).collect(),
        series: vec![
            Series {
                name: Heading::Target.localize(lang),
                values: points.iter().map(|(_, t, _)| *t).collect(),
            },
            Series {
                name: Heading::Actual.localize(lang),
                values: points.iter().map(|(_, _, a)| *a).collect(),
            },
        ],
        unit: unit.to_string(),
        compact: true,
    })
}
