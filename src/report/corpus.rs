//! `gyokaku summary DIR` over many plans: one line per plan and year (達成状況 and 実績効果額),
//! then the totals per year and over all years. CSV is one row per plan and year with a plan
//! column (open data: both scales' counts, plain amounts); JSON is the whole corpus summary.

use super::{year_name, Cell, Document, Lang, Table};
use crate::evaluation::{CorpusSummary, CorpusTotal, Counts, EffectTotals};

/// The labels of all lines: the first plan's scale, then any others met, in order.
fn labels(s: &CorpusSummary, pick: fn(&CorpusTotal) -> &Counts) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for t in &s.totals {
        for (l, _) in pick(t).by_rating.iter().chain(&pick(t).not_on_scale) {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
    }
    labels
}

/// The corpus tables.
pub fn corpus_summary_document(s: &CorpusSummary, lang: Lang) -> Document {
    let recorded = labels(s, |t| &t.recorded);
    let suggested = labels(s, |t| &t.suggested);
    let unrated = s.totals.iter().any(|t| t.recorded.unrated > 0);
    let counts_headers = |headers: &mut Vec<String>| {
        headers.extend(recorded.iter().cloned());
        if unrated {
            headers.push(lang.pick("評価なし", "not rated").into());
        }
        headers.push(lang.pick("合計", "total").into());
        headers.extend(
            [
                lang.pick("効果見込額(千円)", "expected effect (¥1,000)"),
                lang.pick("実績効果額(千円)", "actual effect (¥1,000)"),
                lang.pick("達成割合", "ratio"),
            ]
            .map(String::from),
        );
    };
    let counts = |row: &mut Vec<Cell>, c: &Counts, e: &EffectTotals| {
        row.extend(recorded.iter().map(|l| Cell::count(c.get(l))));
        if unrated {
            row.push(Cell::count(c.unrated));
        }
        row.push(Cell::count(c.total));
        row.extend([
            Cell::Amount(e.expected),
            Cell::Amount(e.actual),
            Cell::percent_or_none(e.ratio()),
        ]);
    };

    let mut headers: Vec<String> = [
        lang.pick("計画", "plan"),
        lang.pick("自治体", "municipality"),
        lang.pick("年度", "year"),
    ]
    .map(String::from)
    .to_vec();
    counts_headers(&mut headers);
    let mut plans = Table::new(&headers).title(lang.pick(
        "計画別の達成状況と実績効果額",
        "Ratings and effects per plan",
    ));
    for r in &s.rows {
        let mut row: Vec<Cell> = vec![
            r.plan.clone().into(),
            r.municipality.clone().into(),
            year_name(r.year, lang).into(),
        ];
        counts(&mut row, &r.recorded, &r.effects);
        plans.row(row);
    }

    let mut headers: Vec<String> = [lang.pick("年度", "year"), lang.pick("計画数", "plans")]
        .map(String::from)
        .to_vec();
    counts_headers(&mut headers);
    let mut totals = Table::new(&headers).title(format!(
        "{} ({} {})",
        lang.pick("全計画の合計", "All plans together"),
        s.plans,
        lang.pick("計画", "plans")
    ));
    for t in &s.totals {
        let mut row: Vec<Cell> = vec![
            t.year
                .map(|y| year_name(y, lang))
                .unwrap_or_else(|| lang.pick("全年度", "all years").into())
                .into(),
            Cell::count(t.plans),
        ];
        counts(&mut row, &t.recorded, &t.effects);
        if t.year.is_none() {
            totals.total(row);
        } else {
            totals.row(row);
        }
    }

    let mut doc = Document::default();
    doc.push(plans);
    doc.push(totals);
    doc.csv = Some(csv_table(s, &recorded, &suggested, unrated));
    doc.json = Some(serde_json::to_value(s).expect("JSON of plain values"));
    doc
}

/// One row per plan and year, as open data.
fn csv_table(s: &CorpusSummary, recorded: &[String], suggested: &[String], unrated: bool) -> Table {
    let mut headers: Vec<String> = ["plan", "municipality", "year"].map(String::from).to_vec();
    headers.extend(recorded.iter().map(|l| format!("recorded_{l}")));
    if unrated {
        headers.push("recorded_not_rated".into());
    }
    headers.push("recorded_total".into());
    headers.extend(suggested.iter().map(|l| format!("suggested_{l}")));
    headers.push("suggested_judgement_required".into());
    headers.extend(["expected_effect", "actual_effect"].map(String::from));
    let mut t = Table::new(&headers);
    for r in &s.rows {
        let mut row: Vec<Cell> = vec![
            r.plan.clone().into(),
            r.municipality.clone().into(),
            r.year.to_string().into(),
        ];
        row.extend(recorded.iter().map(|l| Cell::count(r.recorded.get(l))));
        if unrated {
            row.push(Cell::count(r.recorded.unrated));
        }
        row.push(Cell::count(r.recorded.total));
        row.extend(suggested.iter().map(|l| Cell::count(r.suggested.get(l))));
        row.push(Cell::count(r.suggested.unrated));
        row.push(Cell::Amount(r.effects.expected));
        row.push(Cell::Amount(r.effects.actual));
        t.row(row);
    }
    t
}
