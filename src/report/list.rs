//! `gyokaku list`: the 【参考①】取組項目一覧 — one row per item for the year.

use serde_json::{json, Map, Value as Json};

use super::{plain, Align, Format, Lang, Table};
use crate::evaluation::Evaluation;
use crate::model::{Cell, Plan};

/// The columns, in order, as CSV and JSON name them.
pub const COLUMNS: [&str; 15] = [
    "id",
    "policy",
    "theme",
    "item",
    "title",
    "indicator",
    "unit",
    "rating",
    "target",
    "actual",
    "expected_effect",
    "actual_effect",
    "department",
    "section",
    "suggested",
];

/// The position of the recorded rating ("rating") in [`COLUMNS`].
const RATING: usize = 7;

const COLUMNS_JA: [&str; 15] = [
    "取組",
    "基本方針",
    "推進項目",
    "実施項目",
    "取組項目",
    "指標の内容",
    "単位",
    "達成状況",
    "目標(値)",
    "実績(値)",
    "見込額",
    "実績額",
    "部局",
    "所属名",
    "提案",
];

/// Renders the list. Values are printed as the document writes them; amounts as plain numbers.
/// A recorded rating whose label is not on the recorded ratings' scale is marked as such in
/// tables (and `rating_on_scale` is false in JSON), never mapped onto the scale.
pub fn render_list(plan: &Plan, ev: &Evaluation, format: Format, lang: Lang) -> String {
    let off_scale = |r: &Option<String>| {
        r.as_deref()
            .is_some_and(|r| ev.recorded_scale.get(r).is_none())
    };
    let mut rows: Vec<Vec<Option<String>>> = Vec::new();
    for e in &ev.items {
        let Some(item) = plan.item(e.id) else {
            continue;
        };
        let entry = item.year(ev.year);
        let text = |c: Option<&Cell>| c.map(|c| c.text.clone());
        let amount = |c: Option<&Cell>| c.and_then(Cell::thousand_yen).map(plain);
        rows.push(vec![
            Some(e.id.to_string()),
            Some(e.policy.to_string()),
            Some(e.theme.to_string()),
            Some(e.id.number.to_string()),
            Some(item.title.clone()),
            Some(item.indicator.name.clone()),
            Some(item.indicator.unit.clone()),
            entry.and_then(|y| y.rating.clone()),
            text(entry.and_then(|y| y.target.as_ref())),
            text(entry.and_then(|y| y.actual.as_ref())),
            amount(entry.and_then(|y| y.expected_effect.as_ref())),
            amount(entry.and_then(|y| y.actual_effect.as_ref())),
            Some(item.department.clone()),
            Some(item.section.clone()),
            e.suggested.clone(),
        ]);
    }
    if format == Format::Json {
        let arr: Vec<Json> = rows
            .iter()
            .map(|r| {
                let mut m = Map::new();
                for (k, v) in COLUMNS.iter().zip(r) {
                    m.insert(
                        (*k).into(),
                        v.clone().map(Json::String).unwrap_or(Json::Null),
                    );
                }
                let rating = &r[RATING];
                m.insert(
                    "rating_on_scale".into(),
                    rating
                        .as_ref()
                        .map_or(Json::Null, |_| Json::Bool(!off_scale(rating))),
                );
                m.insert("rules".into(), json!(ev.rules));
                Json::Object(m)
            })
            .collect();
        return serde_json::to_string_pretty(&arr).expect("JSON of plain values") + "\n";
    }
    let headers: &[&str] = if format == Format::Csv || lang == Lang::En {
        &COLUMNS
    } else {
        &COLUMNS_JA
    };
    let mut align = vec![Align::Left; 15];
    for i in [8, 9, 10, 11] {
        align[i] = Align::Right;
    }
    let mut t = Table::new(headers).align(&align);
    let empty = if format == Format::Csv { "" } else { "-" };
    for mut r in rows {
        if format != Format::Csv && off_scale(&r[RATING]) {
            r[RATING] = r[RATING]
                .take()
                .map(|l| format!("{l} ({})", lang.pick("尺度外", "not on this scale")));
        }
        t.row(
            r.into_iter()
                .map(|v| v.unwrap_or_else(|| empty.into()))
                .collect(),
        );
    }
    if format == Format::Csv {
        return t.render(format);
    }
    let title = format!(
        "{} — {}",
        lang.pick("【参考①】取組項目一覧", "Item list (【参考①】)"),
        match lang {
            Lang::Ja => ev.year.japanese(),
            Lang::En => ev.year.to_string(),
        }
    );
    let mut out = t.title(title).render(format);
    out.push_str(&format!(
        "{}: {}\n",
        lang.pick("ルール", "rules"),
        ev.rules.short()
    ));
    out
}
