//! `gyokaku summary`: the document's tables 達成状況, 分野別内訳表 and 実績効果額と達成割合,
//! plus effects per theme and the rules' suggested ratings per policy.

use super::{amount, percent, Align, Format, Lang, Table};
use crate::evaluation::{Counts, EffectTotals, Summary};
use crate::model::Scale;

fn rating_header(scale: &Scale, label: &str, lang: Lang) -> String {
    match scale.get(label) {
        Some(r) => format!("{} {}", r.label, lang.pick(&r.name, &r.name_en)),
        None => label.to_string(),
    }
}

/// The header of a recorded label that is not on the scale in use: shown apart, never mapped.
fn off_scale_header(label: &str, lang: Lang) -> String {
    format!("{label} ({})", lang.pick("尺度外", "not on this scale"))
}

fn ratio(e: &EffectTotals) -> String {
    e.ratio().map(percent).unwrap_or_else(|| "-".into())
}

/// The summary tables (JSON: the whole summary).
pub fn render_summary(s: &Summary, format: Format, lang: Lang) -> String {
    if format == Format::Json {
        return serde_json::to_string_pretty(s).expect("JSON of plain values") + "\n";
    }
    let unit_count = lang.pick("件", "");
    // Recorded ratings are on the plan's scale, suggestions on the rule set's.
    let labels: Vec<String> = s.recorded_scale.labels().map(String::from).collect();
    let suggested_labels: Vec<String> = s.scale.labels().map(String::from).collect();
    let csv = format == Format::Csv;
    // Amounts are 千円 (the sheets' unit); the plan's report unit converts them exactly.
    let unit = s.report_unit;
    let num = |d: rust_decimal::Decimal| {
        let d = unit.from_thousand_yen(d).unwrap_or(d);
        if csv {
            super::plain(d)
        } else {
            amount(d)
        }
    };
    let effects_title = match lang {
        Lang::Ja => format!("実績効果額と達成割合 (単位:{})", unit.label()),
        Lang::En => format!("Effect amounts and ratio ({})", unit.label_en()),
    };
    let themes_title = match lang {
        Lang::Ja => format!("改革の推進項目別 効果額 (単位:{})", unit.label()),
        Lang::En => format!("Effect amounts by theme ({})", unit.label_en()),
    };

    // 達成状況: recorded rating counts.
    let mut status = Table::new(&[lang.pick("評価", "rating"), lang.pick("件数", "items")])
        .align(&[Align::Left, Align::Right])
        .title(lang.pick("達成状況", "Rating counts"));
    for l in &labels {
        status.row(vec![
            rating_header(&s.recorded_scale, l, lang),
            format!("{}{unit_count}", s.recorded.get(l)),
        ]);
    }
    for (l, n) in &s.recorded.not_on_scale {
        status.row(vec![off_scale_header(l, lang), format!("{n}{unit_count}")]);
    }
    if s.recorded.unrated > 0 {
        status.row(vec![
            lang.pick("評価なし", "not rated").into(),
            format!("{}{unit_count}", s.recorded.unrated),
        ]);
    }
    status.row(vec![
        lang.pick("合計", "total").into(),
        format!("{}{unit_count}", s.recorded.total),
    ]);

    // 分野別内訳表: counts per policy. Recorded labels off the scale get their own columns,
    // and so do items without a rating, so that every row adds up to its total.
    let off_scale: Vec<String> = s
        .recorded
        .not_on_scale
        .iter()
        .map(|(l, _)| l.clone())
        .collect();
    let counts_table = |title: &str,
                        pick: fn(&crate::evaluation::PolicySummary) -> &Counts,
                        total: &Counts,
                        judgement: bool| {
        // The suggestions' table (with its judgement column) is on the rule set's scale.
        let (labels, scale) = if judgement {
            (&suggested_labels, &s.scale)
        } else {
            (&labels, &s.recorded_scale)
        };
        let mut headers = vec![lang.pick("基本方針", "policy").to_string()];
        headers.extend(labels.iter().map(|l| rating_header(scale, l, lang)));
        let off_scale: &[String] = if judgement { &[] } else { &off_scale };
        headers.extend(off_scale.iter().map(|l| off_scale_header(l, lang)));
        let unrated = !judgement && total.unrated > 0;
        if judgement {
            headers.push(lang.pick("要判断", "judgement required").into());
        }
        if unrated {
            headers.push(lang.pick("評価なし", "not rated").into());
        }
        headers.push(lang.pick("合計", "total").into());
        let h: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut align = vec![Align::Left];
        align.extend(std::iter::repeat_n(Align::Right, h.len() - 1));
        let mut t = Table::new(&h).align(&align).title(title);
        let mut line = |name: String, c: &Counts| {
            let mut row = vec![name];
            row.extend(labels.iter().map(|l| c.get(l).to_string()));
            row.extend(off_scale.iter().map(|l| c.get(l).to_string()));
            if judgement || unrated {
                row.push(c.unrated.to_string());
            }
            row.push(c.total.to_string());
            t.row(row);
        };
        for p in &s.policies {
            line(format!("{} {}", p.number, p.name), pick(p));
        }
        line(lang.pick("合計", "total").into(), total);
        t
    };
    let breakdown = counts_table(
        lang.pick("分野別内訳表 (単位:件)", "Ratings by policy (items)"),
        |p| &p.recorded,
        &s.recorded,
        false,
    );

    // 実績効果額と達成割合.
    let mut effects = Table::new(&[
        lang.pick("基本方針", "policy"),
        lang.pick("効果見込額", "expected effect"),
        lang.pick("実績効果額", "actual effect"),
        lang.pick("達成割合", "ratio"),
    ])
    .align(&[Align::Left, Align::Right, Align::Right, Align::Right])
    .title(&effects_title);
    for p in &s.policies {
        effects.row(vec![
            format!("{} {}", p.number, p.name),
            num(p.effects.expected),
            num(p.effects.actual),
            ratio(&p.effects),
        ]);
    }
    effects.row(vec![
        lang.pick("合計", "total").into(),
        num(s.effects.expected),
        num(s.effects.actual),
        ratio(&s.effects),
    ]);

    // Per theme.
    let mut themes = Table::new(&[
        lang.pick("改革の推進項目", "theme"),
        lang.pick("項目数", "items"),
        lang.pick("効果見込額", "expected effect"),
        lang.pick("実績効果額", "actual effect"),
        lang.pick("達成割合", "ratio"),
    ])
    .align(&[
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
    ])
    .title(&themes_title);
    for t in &s.themes {
        themes.row(vec![
            format!("{}({}) {}", t.policy, t.number, t.name),
            t.items.to_string(),
            num(t.effects.expected),
            num(t.effects.actual),
            ratio(&t.effects),
        ]);
    }

    let suggested = counts_table(
        lang.pick(
            "ルールによる提案評価 (単位:件)",
            "Ratings suggested by the rules (items)",
        ),
        |p| &p.suggested,
        &s.suggested,
        true,
    );

    let heading = format!(
        "{} {}",
        s.plan_name,
        match lang {
            Lang::Ja => format!("{}の取組結果", s.year.japanese()),
            Lang::En => format!("results of {}", s.year.english()),
        }
    );
    let tables = [status, breakdown, effects, themes, suggested];
    if csv {
        // One CSV document per table would be ambiguous; CSV gives the per-policy breakdown.
        let mut headers = vec!["policy".to_string(), "name".to_string()];
        headers.extend(labels.iter().map(|l| format!("recorded_{l}")));
        headers.extend(
            off_scale
                .iter()
                .map(|l| format!("recorded_not_on_scale_{l}")),
        );
        if s.recorded.unrated > 0 {
            headers.push("recorded_not_rated".into());
        }
        headers.push("recorded_total".into());
        headers.extend(suggested_labels.iter().map(|l| format!("suggested_{l}")));
        headers.push("suggested_judgement_required".into());
        headers.extend(["expected_effect", "actual_effect"].map(String::from));
        let h: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut t = Table::new(&h);
        let mut line = |num_: String, name: String, r: &Counts, sg: &Counts, e: &EffectTotals| {
            let mut row = vec![num_, name];
            row.extend(labels.iter().map(|l| r.get(l).to_string()));
            row.extend(off_scale.iter().map(|l| r.get(l).to_string()));
            if s.recorded.unrated > 0 {
                row.push(r.unrated.to_string());
            }
            row.push(r.total.to_string());
            row.extend(suggested_labels.iter().map(|l| sg.get(l).to_string()));
            row.push(sg.unrated.to_string());
            row.push(super::plain(e.expected));
            row.push(super::plain(e.actual));
            t.row(row);
        };
        for p in &s.policies {
            line(
                p.number.to_string(),
                p.name.clone(),
                &p.recorded,
                &p.suggested,
                &p.effects,
            );
        }
        line(
            "total".into(),
            String::new(),
            &s.recorded,
            &s.suggested,
            &s.effects,
        );
        return t.render(format);
    }
    let mut out = String::new();
    if format == Format::Md {
        out.push_str(&format!("## {heading}\n\n"));
    } else {
        out.push_str(&format!("{heading}\n\n"));
    }
    for t in tables {
        out.push_str(&t.render(format));
        out.push('\n');
    }
    out.push_str(&format!(
        "{}: {}\n",
        lang.pick("ルール", "rules"),
        s.rules.short()
    ));
    out
}
