//! `gyokaku period`: the plan over its whole period — per item the years' ratings, the move
//! from last year, the final target, the latest actual, the forecast to the final year and the
//! suggested overall rating (全期間総合評価), with why; per 基本方針 and 改革の推進項目 the effects
//! by year and to date, the ratings by year and the forecasts' outlooks; and the transition of
//! the ratings from the year before. CSV: a row per item; JSON: the whole period evaluation.

mod messages;
mod trend;

pub use messages::{PeriodHelp, PeriodText};
pub use trend::{item_trend, trend_section};

use rust_decimal::Decimal;

use super::{year_name, Block, Cell, Document, Field, Lang, List, ListItem, Section, Table};
use crate::engine::{Forecast, Outlook};
use crate::evaluation::{
    Agreement, Direction, EffectTotals, EvaluationText, GroupPeriod, ItemPeriod, OutlookCounts,
    PeriodEvaluation, RatingTransitions,
};
use crate::i18n::Localize;
use crate::number::format_with_places;
use crate::report::messages::Heading;
use messages::PeriodColumn;

/// The period's document.
pub fn period_document(p: &PeriodEvaluation, lang: Lang) -> Document {
    let mut doc = Document::titled(title(p, lang));
    doc.push(Block::Fields(vec![
        Field::text(
            PeriodText::SeenFrom.localize(lang),
            p.as_of
                .map(|y| year_name(y, lang))
                .unwrap_or_else(|| PeriodText::NoResultsYet.localize(lang)),
        ),
        Field::text(Heading::Rules.localize(lang), p.rules.short()),
    ]));

    let mut items = Section::new(PeriodText::ItemsTitle.localize(lang));
    items.push(forecast_table(p, lang));
    items.push(ratings_table(p, lang));
    doc.push(items);

    let mut why = Section::new(PeriodText::WhyTitle.localize(lang));
    why.push(why_list(p, lang));
    doc.push(why);

    let mut groups = Section::new(PeriodText::PoliciesTitle.localize(lang));
    groups.push(effects_by_year(p, lang, false));
    groups.push(effects_by_year(p, lang, true));
    groups.push(progress_table(p, &p.policies, false, lang));
    groups.push(progress_table(p, &p.themes, true, lang));
    groups.push(ratings_by_year(p, lang));
    groups.push(outlooks_table(p, lang));
    doc.push(groups);

    if let Some(t) = &p.transitions {
        doc.push(transitions_section(p, t, lang));
    }
    doc.csv = Some(csv_table(p, lang));
    doc.json = Some(serde_json::to_value(p).expect("JSON of plain values"));
    doc
}

/// "架空市… 全期間の進捗と見込み (令和5〜9年度、令和8年度の実績まで)".
fn title(p: &PeriodEvaluation, lang: Lang) -> String {
    let year = |y: Option<&crate::model::FiscalYear>| y.map(|y| year_name(*y, lang));
    PeriodText::Title {
        plan: p.plan_name.clone(),
        first: year(p.years.first()).unwrap_or_default(),
        last: year(p.years.last()).unwrap_or_default(),
    }
    .localize(lang)
}

/// An amount of 千円 in the plan's report unit.
fn money(p: &PeriodEvaluation, d: Decimal) -> Cell {
    Cell::Amount(p.report_unit.from_thousand_yen(d).unwrap_or(d))
}

/// The outlook in words: 達成 / 未達の恐れ / 未達成 / 判断できない ("will be reached", or
/// "reached" once the final year has results).
pub fn outlook_word(outlook: Outlook, final_reported: bool, lang: Lang) -> String {
    match outlook {
        Outlook::Reached if final_reported => PeriodText::Reached,
        Outlook::Reached => PeriodText::WillBeReached,
        Outlook::AtRisk => PeriodText::AtRisk,
        Outlook::Missed => PeriodText::Missed,
        Outlook::CannotTell => PeriodText::CannotTell,
    }
    .localize(lang)
}

/// What the forecast expects in the final year: a value, a range ("820〜863") or a step, a
/// figure written as the item's latest actual (or final target) is: with as many decimals and
/// its unit ("88.5%", "20.0億円", "99.0").
fn expected_text(i: &ItemPeriod, f: &Forecast, lang: Lang) -> Option<String> {
    if let Some(step) = &f.step {
        return Some(step.clone());
    }
    let latest = i
        .latest
        .and_then(|year| i.years.iter().find(|y| y.year == year))
        .and_then(|y| y.actual.as_ref());
    let like = [latest, i.final_target.as_ref()]
        .into_iter()
        .flatten()
        .find_map(|c| c.value.quantity());
    let places = like.map_or(0, |q| q.amount.scale());
    let unit = like.and_then(|q| q.unit.clone()).unwrap_or_default();
    let figure = |d: Decimal| format_with_places(d, places);
    let text = match (f.low, f.high) {
        (Some(low), Some(high)) if low != high => PeriodText::Range {
            low: figure(low),
            high: figure(high),
        }
        .localize(lang),
        _ => figure(f.expected?),
    };
    Some(text + unit.as_str())
}

/// The outlook cell of an item: the word, and that it rests on little.
fn outlook_cell(i: &ItemPeriod, lang: Lang) -> Cell {
    let Some(f) = &i.forecast else {
        return Cell::None;
    };
    let mut word = outlook_word(f.outlook, final_reported(i), lang);
    if f.weak {
        word.push_str(&PeriodText::WeakMark.localize(lang));
    }
    Cell::Text(word)
}

/// Whether the item's final year has results.
fn final_reported(i: &ItemPeriod) -> bool {
    i.years.last().is_some_and(|y| y.has_results)
}

/// The suggested overall rating: its label, marked provisional before the final year.
fn overall_cell(p: &PeriodEvaluation, i: &ItemPeriod, lang: Lang) -> Cell {
    if !p.overall_rules {
        return Cell::None;
    }
    match &i.overall.suggested {
        Some(label) if i.overall.provisional => Cell::Text(format!(
            "{label}{}",
            PeriodText::ProvisionalMark.localize(lang)
        )),
        Some(label) => Cell::Rating(label.clone()),
        None => Cell::Text(EvaluationText::JudgementRequired.localize(lang)),
    }
}

/// Per item, the recorded rating of every year, the move from last year and the overall
/// rating.
fn ratings_table(p: &PeriodEvaluation, lang: Lang) -> Table {
    let mut headers = vec![
        Heading::ItemId.localize(lang),
        Heading::ItemTitle.localize(lang),
    ];
    headers.extend(p.years.iter().map(|y| y.as_written(lang)));
    headers.extend([
        PeriodText::Change.localize(lang),
        PeriodText::OverallSuggested.localize(lang),
        PeriodText::OverallRecorded.localize(lang),
    ]);
    let mut t = Table::new(&headers)
        .title(PeriodText::RatingsTableTitle.localize(lang))
        .wrap(&[1]);
    for i in &p.items {
        let mut row: Vec<Cell> = vec![i.id.to_string().into(), i.title.clone().into()];
        row.extend(i.years.iter().map(|y| match (&y.recorded, y.has_results) {
            (Some(r), _) => Cell::Rating(r.clone()),
            (None, true) => Cell::None,
            (None, false) => Cell::Empty,
        }));
        row.push(
            i.change
                .as_ref()
                .map_or(Cell::Empty, |c| Cell::Text(c.direction.arrow().into())),
        );
        row.push(overall_cell(p, i, lang));
        row.push(i.overall.recorded.clone().map_or(Cell::None, Cell::Rating));
        t.row(row);
    }
    t
}

/// Per item, the final target, the latest actual and the forecast to the final year.
fn forecast_table(p: &PeriodEvaluation, lang: Lang) -> Table {
    let headers = [
        Heading::ItemId.localize(lang),
        Heading::ItemTitle.localize(lang),
        Heading::FinalTarget.localize(lang),
        PeriodText::LatestActual.localize(lang),
        PeriodText::Expected.localize(lang),
        PeriodText::Outlook.localize(lang),
    ];
    let mut t = Table::new(&headers)
        .title(PeriodText::ForecastTableTitle.localize(lang))
        .wrap(&[1, 2])
        .figures(&[2, 3, 4]);
    for i in &p.items {
        let latest = i.latest.and_then(|year| {
            let y = i.years.iter().find(|y| y.year == year)?;
            let text = y.actual.as_ref()?.text.clone();
            Some(if Some(year) == p.as_of {
                text
            } else {
                format!("{text} ({year})")
            })
        });
        t.row(vec![
            i.id.to_string().into(),
            i.title.clone().into(),
            Cell::text_or_none(i.final_target.as_ref().map(|c| c.text.clone())),
            Cell::text_or_none(latest),
            Cell::text_or_none(i.forecast.as_ref().and_then(|f| expected_text(i, f, lang))),
            outlook_cell(i, lang),
        ]);
    }
    t
}

/// Per item, what the forecast and the overall rating rest on.
fn why_list(p: &PeriodEvaluation, lang: Lang) -> List {
    let items = p
        .items
        .iter()
        .map(|i| {
            let mut head = format!("{} {}", i.id, i.title);
            if let Some(f) = &i.forecast {
                head.push_str(&format!(
                    " — {}: {}",
                    PeriodText::Outlook.localize(lang),
                    outlook_cell(i, lang).display()
                ));
                if let Some(expected) = expected_text(i, f, lang) {
                    head.push_str(&format!(" ({expected})"));
                }
            }
            let mut details: Vec<String> = i
                .forecast_explanation
                .iter()
                .map(|t| t.localize(lang))
                .collect();
            if p.overall_rules {
                let mut line = format!(
                    "{}: {}",
                    PeriodText::OverallSuggested.localize(lang),
                    overall_cell(p, i, lang).display()
                );
                if let Some(agreement) = agreement_word(i.overall.agreement, lang) {
                    line.push_str(&format!(
                        " ({} {}: {agreement})",
                        PeriodText::OverallRecorded.localize(lang),
                        i.overall.recorded.as_deref().unwrap_or("-")
                    ));
                }
                let notes: Vec<String> = i
                    .overall
                    .explanation
                    .iter()
                    .map(|t| t.localize(lang))
                    .collect();
                if !notes.is_empty() {
                    line.push_str(&format!(" — {}", notes.join("; ")));
                }
                details.push(line);
            }
            ListItem {
                text: head,
                details,
            }
        })
        .collect();
    List {
        ordered: false,
        items,
    }
}

/// How a suggested overall rating relates to the recorded one, when one is recorded.
fn agreement_word(a: Agreement, lang: Lang) -> Option<String> {
    Some(match a {
        Agreement::NotRecorded => return None,
        Agreement::Agrees => Heading::Agrees.localize(lang),
        Agreement::Differs => Heading::Differs.localize(lang),
        Agreement::JudgementRequired => EvaluationText::JudgementRequired.localize(lang),
        Agreement::NotOnScale => Heading::NotOnScaleShort.localize(lang),
    })
}

/// Expected (or actual) effects of each 基本方針 by year, and the plan's.
pub(super) fn effects_by_year(p: &PeriodEvaluation, lang: Lang, actual: bool) -> Table {
    let mut headers = vec![Heading::Policy.localize(lang)];
    headers.extend(p.years.iter().map(|y| year_name(*y, lang)));
    let unit = p.report_unit.in_lang(lang).to_string();
    let title = if actual {
        PeriodText::ActualByYearTitle { unit }
    } else {
        PeriodText::ExpectedByYearTitle { unit }
    };
    let mut t = Table::new(&headers).title(title.localize(lang));
    let cells = |g: &GroupPeriod| -> Vec<Cell> {
        (g.by_year.iter())
            .map(|y| match actual {
                true => y
                    .effects
                    .actual_reported()
                    .map_or(Cell::None, |d| money(p, d)),
                false => money(p, y.effects.expected),
            })
            .collect()
    };
    for g in &p.policies {
        let mut row: Vec<Cell> = vec![format!("{} {}", g.number, g.name).into()];
        row.extend(cells(g));
        t.row(row);
    }
    let mut total: Vec<Cell> = vec![Heading::Total.localize(lang).into()];
    total.extend(cells(&p.total));
    t.total(total);
    t
}

/// Progress to date of each group (基本方針, or 改革の推進項目 when `themes`): the expected
/// effect of the years with results against their actual, beside the whole period's.
pub(super) fn progress_table(
    p: &PeriodEvaluation,
    groups: &[GroupPeriod],
    themes: bool,
    lang: Lang,
) -> Table {
    let first = if themes {
        Heading::Theme
    } else {
        Heading::Policy
    };
    let headers = [
        first.localize(lang),
        Heading::ThemeItemCount.localize(lang),
        PeriodText::ExpectedWholePeriod.localize(lang),
        PeriodText::ExpectedToDate.localize(lang),
        PeriodText::ActualToDate.localize(lang),
        Heading::Ratio.localize(lang),
    ];
    let unit = p.report_unit.in_lang(lang).to_string();
    let title = if themes {
        PeriodText::ThemeProgressTitle { unit }
    } else {
        PeriodText::PolicyProgressTitle { unit }
    };
    let mut t = Table::new(&headers).title(title.localize(lang));
    let cells = |e: &EffectTotals| {
        vec![
            money(p, e.expected),
            e.expected_with_results()
                .map_or(Cell::None, |d| money(p, d)),
            e.actual_reported().map_or(Cell::None, |d| money(p, d)),
            Cell::percent_or_none(e.ratio()),
        ]
    };
    for g in groups {
        let name = if themes {
            format!("{}({}) {}", g.policy, g.number, g.name)
        } else {
            format!("{} {}", g.number, g.name)
        };
        let mut row: Vec<Cell> = vec![name.into(), Cell::count(g.items)];
        row.extend(cells(&g.effects));
        t.row(row);
    }
    if !themes {
        let mut total: Vec<Cell> = vec![
            Heading::Total.localize(lang).into(),
            Cell::count(p.total.items),
        ];
        total.extend(cells(&p.total.effects));
        t.total(total);
    }
    t
}

/// The recorded ratings of each 基本方針 in each year with results.
pub(super) fn ratings_by_year(p: &PeriodEvaluation, lang: Lang) -> Table {
    let labels: Vec<&str> = p.recorded_scale.labels().collect();
    let mut headers = vec![Heading::Policy.localize(lang), Heading::Year.localize(lang)];
    headers.extend(labels.iter().map(|l| l.to_string()));
    headers.push(Heading::NotRated.localize(lang));
    headers.push(Heading::Total.localize(lang));
    let mut t = Table::new(&headers).title(PeriodText::RatingsByYearTitle.localize(lang));
    let reported = |y: &crate::evaluation::GroupYear| y.effects.reported > 0;
    for (g, name) in p
        .policies
        .iter()
        .map(|g| (g, format!("{} {}", g.number, g.name)))
        .chain(std::iter::once((&p.total, Heading::Total.localize(lang))))
    {
        for y in g.by_year.iter().filter(|y| reported(y)) {
            let mut row: Vec<Cell> = vec![name.clone().into(), year_name(y.year, lang).into()];
            row.extend(labels.iter().map(|l| Cell::count(y.recorded.get(l))));
            row.push(Cell::count(
                y.recorded.unrated + y.recorded.not_on_scale_total(),
            ));
            row.push(Cell::count(y.recorded.total));
            if g.number == 0 {
                t.total(row);
            } else {
                t.row(row);
            }
        }
    }
    t
}

/// The forecasts' outlooks and the suggested overall ratings per 基本方針.
fn outlooks_table(p: &PeriodEvaluation, lang: Lang) -> Table {
    let outlooks = [
        Outlook::Reached,
        Outlook::AtRisk,
        Outlook::Missed,
        Outlook::CannotTell,
    ];
    let final_reported = p.as_of.is_some() && p.as_of == p.years.last().copied();
    let labels: Vec<&str> = p.scale.labels().collect();
    let mut headers = vec![
        Heading::Policy.localize(lang),
        Heading::ThemeItemCount.localize(lang),
    ];
    headers.extend(
        outlooks
            .iter()
            .map(|o| outlook_word(*o, final_reported, lang)),
    );
    headers.extend(
        labels
            .iter()
            .map(|l| format!("{} {l}", PeriodText::OverallShort.localize(lang))),
    );
    headers.push(format!(
        "{} {}",
        PeriodText::OverallShort.localize(lang),
        EvaluationText::JudgementRequired.localize(lang)
    ));
    let mut t = Table::new(&headers).title(PeriodText::OutlooksTitle.localize(lang));
    let cells = |g: &GroupPeriod| {
        let counts: &OutlookCounts = &g.outlooks;
        let mut row: Vec<Cell> = vec![Cell::count(g.items)];
        row.extend(outlooks.iter().map(|o| Cell::count(counts.get(*o))));
        row.extend(labels.iter().map(|l| Cell::count(g.overall.get(l))));
        row.push(Cell::count(g.overall.unrated));
        row
    };
    for g in &p.policies {
        let mut row: Vec<Cell> = vec![format!("{} {}", g.number, g.name).into()];
        row.extend(cells(g));
        t.row(row);
    }
    let mut total: Vec<Cell> = vec![Heading::Total.localize(lang).into()];
    total.extend(cells(&p.total));
    t.total(total);
    t
}

/// The ratings from the year before to the year the period is seen from: the matrix, how many
/// moved which way, and the items that fell two grades or more.
fn transitions_section(p: &PeriodEvaluation, t: &RatingTransitions, lang: Lang) -> Section {
    let (from, to) = (year_name(t.from, lang), year_name(t.to, lang));
    let mut section = Section::new(
        PeriodText::TransitionsTitle {
            from: from.clone(),
            to: to.clone(),
        }
        .localize(lang),
    );
    let mut headers = vec![PeriodText::TransitionCorner { from, to }.localize(lang)];
    headers.extend(t.labels.iter().cloned());
    headers.push(Heading::Total.localize(lang));
    let mut matrix = Table::new(&headers);
    for (label, row) in t.labels.iter().zip(&t.matrix) {
        let mut cells: Vec<Cell> = vec![label.clone().into()];
        cells.extend(row.iter().map(|n| Cell::count(*n)));
        cells.push(Cell::count(row.iter().sum()));
        matrix.row(cells);
    }
    let mut total: Vec<Cell> = vec![Heading::Total.localize(lang).into()];
    total.extend((0..t.labels.len()).map(|j| Cell::count(t.matrix.iter().map(|r| r[j]).sum())));
    total.push(Cell::count(t.matrix.iter().flatten().sum()));
    matrix.total(total);
    section.push(matrix);
    let moved = |direction: Direction, word: PeriodText, n: usize| Field {
        key: format!("{} {}", direction.arrow(), word.localize(lang)),
        value: Cell::count(n),
    };
    section.push(Block::Fields(vec![
        moved(Direction::Up, PeriodText::Up, t.up),
        moved(Direction::Same, PeriodText::Same, t.same),
        moved(Direction::Down, PeriodText::Down, t.down),
        Field {
            key: PeriodText::NoComparison.localize(lang),
            value: Cell::count(t.unknown),
        },
    ]));
    let fell: Vec<String> = (t.fell_two.iter())
        .filter_map(|id| p.items.iter().find(|i| i.id == *id))
        .map(|i| {
            let c = i.change.as_ref();
            let rating = |r: Option<&String>| r.cloned().unwrap_or_else(|| "-".into());
            format!(
                "{} {} ({} → {})",
                i.id,
                i.title,
                rating(c.and_then(|c| c.before.as_ref())),
                rating(c.and_then(|c| c.after.as_ref()))
            )
        })
        .collect();
    section.push(Block::Text(PeriodText::FellTwoTitle.localize(lang)));
    if fell.is_empty() {
        section.push(Block::Text(PeriodText::NoneFellTwo.localize(lang)));
    } else {
        section.push(List::bullets(fell));
    }
    section
}

/// One row per item, as open data.
fn csv_table(p: &PeriodEvaluation, lang: Lang) -> Table {
    let mut headers: Vec<String> = [
        PeriodColumn::Id,
        PeriodColumn::Policy,
        PeriodColumn::Theme,
        PeriodColumn::Title,
        PeriodColumn::Kind,
        PeriodColumn::Unit,
    ]
    .iter()
    .map(|c| c.localize(lang))
    .collect();
    headers.extend(p.years.iter().map(|y| {
        PeriodColumn::RatingIn {
            year: y.to_string(),
        }
        .localize(lang)
    }));
    headers.extend(
        [
            PeriodColumn::Change,
            PeriodColumn::FinalTarget,
            PeriodColumn::LatestYear,
            PeriodColumn::LatestActual,
            PeriodColumn::Outlook,
            PeriodColumn::Expected,
            PeriodColumn::Low,
            PeriodColumn::High,
            PeriodColumn::Step,
            PeriodColumn::Progress,
            PeriodColumn::Weak,
            PeriodColumn::ExpectedEffect,
            PeriodColumn::ExpectedEffectReported,
            PeriodColumn::ActualEffect,
            PeriodColumn::OverallSuggested,
            PeriodColumn::OverallProvisional,
            PeriodColumn::OverallRecorded,
        ]
        .iter()
        .map(|c| c.localize(lang)),
    );
    let mut t = Table::new(&headers);
    let number = |d: Option<Decimal>| d.map_or(Cell::None, Cell::Number);
    let yes_no = |b: bool| Cell::Text(crate::report::messages::CsvValue::yes_no(b).localize(lang));
    for i in &p.items {
        let mut row: Vec<Cell> = vec![
            i.id.to_string().into(),
            Cell::count(i.policy as usize),
            Cell::count(i.theme as usize),
            i.title.clone().into(),
            i.kind.clone().into(),
            i.unit.clone().into(),
        ];
        row.extend(
            i.years
                .iter()
                .map(|y| Cell::text_or_none(y.recorded.clone())),
        );
        row.push(Cell::text_or_none(i.change.as_ref().and_then(|c| {
            let id = match c.direction {
                Direction::Up => "up",
                Direction::Same => "same",
                Direction::Down => "down",
                Direction::Unknown => return None,
            };
            Some(id.to_string())
        })));
        row.push(Cell::text_or_none(
            i.final_target.as_ref().map(|c| c.text.clone()),
        ));
        row.push(Cell::text_or_none(i.latest.map(|y| y.to_string())));
        let latest = i
            .latest
            .and_then(|year| i.years.iter().find(|y| y.year == year))
            .and_then(|y| y.actual.as_ref().map(|c| c.text.clone()));
        row.push(Cell::text_or_none(latest));
        let f = i.forecast.as_ref();
        row.push(Cell::text_or_none(f.map(|f| match lang {
            Lang::Ja => outlook_word(f.outlook, final_reported(i), lang),
            Lang::En => f.outlook.id().to_string(),
        })));
        row.push(number(f.and_then(|f| f.expected)));
        row.push(number(f.and_then(|f| f.low)));
        row.push(number(f.and_then(|f| f.high)));
        row.push(Cell::text_or_none(f.and_then(|f| f.step.clone())));
        row.push(f.and_then(|f| f.progress).map_or(Cell::None, Cell::Percent));
        row.push(f.map_or(Cell::None, |f| yes_no(f.weak)));
        row.push(Cell::Amount(i.effects.expected));
        row.push(Cell::amount_or_none(i.effects.expected_with_results()));
        row.push(Cell::amount_or_none(i.effects.actual_reported()));
        row.push(Cell::text_or_none(i.overall.suggested.clone()));
        row.push(if p.overall_rules {
            yes_no(i.overall.provisional)
        } else {
            Cell::None
        });
        row.push(Cell::text_or_none(i.overall.recorded.clone()));
        t.row(row);
    }
    t
}
