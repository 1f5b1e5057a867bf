//! `gyokaku sheet`: one item's 進捗管理シート in the terminal.

use super::{Align, Format, Lang, Table};
use crate::model::{Cell, Item, Plan};

fn cell(c: &Option<Cell>) -> String {
    c.as_ref().map(|c| c.text.clone()).unwrap_or_default()
}

/// Renders an item's sheet (JSON: the item itself).
pub fn render_sheet(plan: &Plan, item: &Item, format: Format, lang: Lang) -> String {
    if format == Format::Json {
        return serde_json::to_string_pretty(item).expect("JSON of plain values") + "\n";
    }
    let mut out = String::new();
    let md = format == Format::Md;
    let h = |s: &str| {
        if md {
            format!("**{s}**")
        } else {
            format!("【{s}】")
        }
    };
    let policy = plan
        .policy(item.id.policy)
        .map(|p| p.name.as_str())
        .unwrap_or_default();
    let theme = plan
        .theme(item.id.theme)
        .map(|t| t.name.as_str())
        .unwrap_or_default();
    out.push_str(&format!(
        "{}{} {}\n",
        if md { "## " } else { "" },
        item.id.japanese(),
        item.title
    ));
    out.push_str(&format!(
        "{} {} {}  /  {} ({}) {}\n",
        lang.pick("基本方針", "Policy"),
        item.id.policy,
        policy,
        lang.pick("改革の推進項目", "Theme"),
        item.id.theme,
        theme
    ));
    out.push_str(&format!(
        "{} {} {}",
        h(lang.pick("取組主管", "Owner")),
        item.department,
        item.section
    ));
    if !item.related_sections.is_empty() {
        out.push_str(&format!(
            "  {} {}",
            h(lang.pick("関連所属", "Related")),
            item.related_sections.join("、")
        ));
    }
    out.push('\n');
    if !item.sheet {
        out.push_str(lang.pick(
            "(この項目には進捗管理シートがありません。【参考①】の内容のみ)\n",
            "(no progress sheet for this item: only its 【参考①】 row)\n",
        ));
    }
    for (label_ja, label_en, text) in [
        ("具体的な改善取組内容", "Actions", &item.actions),
        ("現状と課題", "Situation", &item.situation),
        (
            "令和9年度(計画最終年度)において目指す姿",
            "Final goal",
            &item.final_goal,
        ),
    ] {
        if let Some(t) = text {
            out.push_str(&format!("\n{}\n{t}\n", h(lang.pick(label_ja, label_en))));
        }
    }
    let ind = &item.indicator;
    out.push_str(&format!(
        "\n{} {}  {} {}  {} {}  {} {}  {} {}\n",
        h(lang.pick("指標", "Indicator")),
        ind.name,
        lang.pick("単位", "unit"),
        ind.unit,
        lang.pick("種別", "kind"),
        ind.kind,
        lang.pick("現状値", "baseline"),
        cell(&ind.baseline),
        lang.pick("最終年度目標値", "final target"),
        cell(&ind.final_target)
    ));
    if let Some(e) = &ind.effect {
        out.push_str(&format!(
            "{} {e}\n",
            lang.pick("効果額の算定式:", "effect formula:")
        ));
    }
    let mut t = Table::new(&[
        lang.pick("年度", "year"),
        lang.pick("目標値", "target"),
        lang.pick("効果見込額", "expected effect"),
        lang.pick("実績値", "actual"),
        lang.pick("実績効果額", "actual effect"),
        lang.pick("評価", "rating"),
    ])
    .align(&[
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
    ]);
    for year in &plan.years {
        let e = item.year(*year).cloned().unwrap_or_default();
        t.row(vec![
            match lang {
                Lang::Ja => year.japanese(),
                Lang::En => year.to_string(),
            },
            cell(&e.target),
            cell(&e.expected_effect),
            cell(&e.actual),
            cell(&e.actual_effect),
            e.rating.unwrap_or_default(),
        ]);
    }
    t.row(vec![
        lang.pick("〔小計〕", "subtotal").into(),
        String::new(),
        cell(&item.subtotals.expected_effect),
        String::new(),
        cell(&item.subtotals.actual_effect),
        item.overall_rating.clone().unwrap_or_default(),
    ]);
    out.push('\n');
    out.push_str(&t.render(if md { Format::Md } else { Format::Table }));
    let mut plans = String::new();
    for (year, e) in &item.years {
        let yname = match lang {
            Lang::Ja => year.japanese(),
            Lang::En => year.to_string(),
        };
        if let Some(p) = &e.plan {
            plans.push_str(&format!("{yname} {}: {p}\n", lang.pick("年次計画", "plan")));
        }
        if let Some(p) = &e.policy {
            plans.push_str(&format!(
                "{yname} {}: {p}\n",
                lang.pick("取組方針", "policy")
            ));
        }
        if let Some(c) = &e.comment {
            plans.push_str(&format!(
                "{yname} {}: {c}\n",
                lang.pick("取組実績", "results")
            ));
        }
    }
    if !plans.is_empty() {
        out.push('\n');
        out.push_str(&plans);
    }
    if !item.discrepancies.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            h(lang.pick("原資料の不整合", "Source inconsistencies"))
        ));
        for d in &item.discrepancies {
            out.push_str(&format!("- {}: {}\n", d.field, d.text));
        }
    }
    if !item.notes.is_empty() {
        out.push_str(&format!("\n{}\n", h(lang.pick("備考", "Notes"))));
        for n in &item.notes {
            out.push_str(&format!("- {n}\n"));
        }
    }
    out
}
