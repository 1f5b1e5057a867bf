//! `gyokaku diff`: what changes when the plan is evaluated under other rules — the transition
//! matrix of suggested ratings, the items that changed, and per-policy totals before and after.

use rust_decimal::Decimal;

use super::{year_name, Block, Cell, Document, Field, Lang, List, Table};
use crate::engine::Scale;
use crate::evaluation::{Counts, EvaluationText, RuleDiff, RulesUsed, SideTotals};
use crate::i18n::Localize;
use crate::number::format_number as amount;
use crate::report::messages::{CsvColumn, Heading};

crate::i18n::messages! {
    /// What `gyokaku diff` says of the change.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum DiffText {
        /// `diff`: nothing changed.
        Unchanged { items: usize } =>
            ja: "変更なし: 全{items}項目で提案評価と算定効果額が同じです。",
            en: "No change: the suggested rating and the computed effect of all {items} items are the same.";
        /// `diff`: how many items changed, and how.
        Changed { items: usize, changed: usize, suggestions: usize, effects: usize } =>
            ja: "全{items}項目中 {changed}項目が変わりました (提案評価 {suggestions}件, 算定効果額 {effects}件)。",
            en: "{changed} of {items} items changed (suggested rating: {suggestions}, computed effect: {effects}).";
        /// `diff`: the title of the per-policy table.
        PolicyTitle { unit: String } =>
            ja: "基本方針別 提案評価 (単位:件) と算定効果額 (単位:{unit})",
            en: "By policy: suggested ratings (items) and computed effects ({unit})";
    }
}

fn rules_line(r: &RulesUsed) -> String {
    format!("{} ({}, sha256 {})", r.name, r.location, r.hash)
}

fn scale_line(scale: &Scale, lang: Lang) -> String {
    scale
        .ratings
        .iter()
        .map(|r| format!("{} {}", r.label, lang.pick(&r.name, &r.name_en)))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn label_or_judgement(label: &Option<String>, lang: Lang) -> Cell {
    label.clone().map_or_else(
        || Cell::Text(EvaluationText::JudgementRequired.localize(lang)),
        Cell::Rating,
    )
}

/// A rule diff: the transitions, the verdict, the changed items, per-policy totals. Every
/// format names both rule sets; CSV has one row per changed item.
pub fn diff_document(d: &RuleDiff, lang: Lang) -> Document {
    let mut doc = text(d, lang);
    doc.csv = Some(csv_table(d, lang));
    doc.json = Some(serde_json::to_value(d).expect("JSON of plain values"));
    doc
}

fn csv_table(d: &RuleDiff, lang: Lang) -> Table {
    let mut t = Table::new(
        &[
            CsvColumn::Id,
            CsvColumn::Title,
            CsvColumn::Recorded,
            CsvColumn::SuggestedBefore,
            CsvColumn::SuggestedAfter,
            CsvColumn::AchievementBefore,
            CsvColumn::AchievementAfter,
            CsvColumn::ComputedEffectBefore,
            CsvColumn::ComputedEffectAfter,
            CsvColumn::BaseRules,
            CsvColumn::NewRules,
        ]
        .map(|c| c.localize(lang)),
    );
    let dec = |x: Option<Decimal>| x.map_or(Cell::Empty, Cell::Number);
    let label = |l: &Option<String>| l.clone().map_or(Cell::Empty, Cell::Rating);
    for c in &d.changes {
        t.row(vec![
            c.id.to_string().into(),
            c.title.clone().into(),
            label(&c.recorded),
            label(&c.suggested.before),
            label(&c.suggested.after),
            dec(c.achievement.before),
            dec(c.achievement.after),
            dec(c.computed_effect.before),
            dec(c.computed_effect.after),
            rules_line(&d.base).into(),
            rules_line(&d.new).into(),
        ]);
    }
    t
}

fn text(d: &RuleDiff, lang: Lang) -> Document {
    let judge = &EvaluationText::JudgementRequired.localize(lang);
    let total = &Heading::Total.localize(lang);
    let before = &Heading::Before.localize(lang);
    let after = &Heading::After.localize(lang);
    let mut doc = Document::titled(format!(
        "{} {} — {}",
        d.plan,
        year_name(d.year, lang),
        Heading::RuleChangeTitle.localize(lang)
    ));
    let mut fields = vec![
        Field::text(Heading::BaseRules.localize(lang), rules_line(&d.base)),
        Field::text(Heading::NewRules.localize(lang), rules_line(&d.new)),
    ];
    if d.base_scale != d.new_scale {
        fields.push(Field::text(
            Heading::BaseScale.localize(lang),
            scale_line(&d.base_scale, lang),
        ));
        fields.push(Field::text(
            Heading::NewScale.localize(lang),
            scale_line(&d.new_scale, lang),
        ));
    }
    doc.push(Block::Fields(fields));

    // The transition matrix: rows the base scale, columns the new one.
    let tr = &d.transitions;
    let mut headers = vec![Heading::TransitionCorner.localize(lang)];
    headers.extend(tr.to.iter().cloned());
    headers.push(judge.into());
    headers.push(total.into());
    let mut matrix = Table::new(&headers).title(Heading::TransitionsTitle.localize(lang));
    for (i, row) in tr.counts.iter().enumerate() {
        let mut cells = vec![Cell::Text(
            tr.from.get(i).cloned().unwrap_or_else(|| judge.into()),
        )];
        cells.extend(row.iter().map(|n| Cell::count(*n)));
        cells.push(Cell::count(row.iter().sum::<usize>()));
        matrix.row(cells);
    }
    let mut sums = vec![Cell::Text(total.to_string())];
    let columns = tr.to.len() + 1;
    let column_sums: Vec<usize> = (0..columns)
        .map(|c| tr.counts.iter().map(|r| r[c]).sum())
        .collect();
    sums.extend(column_sums.iter().map(|n| Cell::count(*n)));
    sums.push(Cell::count(column_sums.iter().sum::<usize>()));
    matrix.total(sums);
    doc.push(matrix);

    // The verdict.
    if d.is_unchanged() {
        doc.push(List::bullets([
            DiffText::Unchanged { items: d.items }.localize(lang)
        ]));
    } else {
        let mut verdict = vec![DiffText::Changed {
            items: d.items,
            changed: d.changes.len(),
            suggestions: d.suggestions_changed(),
            effects: d.effects_changed(),
        }
        .localize(lang)];
        if d.base_scale != d.new_scale {
            verdict.push(Heading::ScalesDifferNote.localize(lang));
        }
        doc.push(List::bullets(verdict));
        let mut items = Table::new(&[
            Heading::ItemId.localize(lang),
            Heading::ItemTitle.localize(lang),
            Heading::RecordedRating.localize(lang),
            Heading::SuggestedBefore.localize(lang),
            Heading::SuggestedAfter.localize(lang),
            Heading::AchievementBefore.localize(lang),
            Heading::AchievementAfter.localize(lang),
            Heading::ComputedEffectBefore.localize(lang),
            Heading::ComputedEffectAfter.localize(lang),
            Heading::ExplanationAfter.localize(lang),
        ])
        .title(Heading::ItemsThatChanged.localize(lang))
        .wrap(&[1, 9]);
        for c in &d.changes {
            items.row(vec![
                c.id.to_string().into(),
                c.title.clone().into(),
                c.recorded.clone().map_or(Cell::None, Cell::Rating),
                label_or_judgement(&c.suggested.before, lang),
                label_or_judgement(&c.suggested.after, lang),
                Cell::percent_or_none(c.achievement.before),
                Cell::percent_or_none(c.achievement.after),
                Cell::amount_or_none(c.computed_effect.before),
                Cell::amount_or_none(c.computed_effect.after),
                c.explanation.after.localize(lang).into(),
            ]);
        }
        doc.push(items);
    }

    // Per policy: suggested counts and computed effects. On one scale a cell reads "3" or
    // "3 → 2"; across scales each side gets its own columns (an "A" of one scale is not the "A"
    // of another).
    let same_scale = tr.from == tr.to;
    let mut headers = vec![Heading::Policy.localize(lang)];
    let side_headers = |side: &str, labels: &[String]| {
        let mut h: Vec<String> = labels.iter().map(|l| format!("{side}{l}")).collect();
        h.push(format!("{side}{judge}"));
        h
    };
    if same_scale {
        headers.extend(side_headers("", &tr.from));
    } else {
        headers.extend(side_headers(&format!("{before} "), &tr.from));
        headers.extend(side_headers(&format!("{after} "), &tr.to));
    }
    headers.push(Heading::ComputedEffectBefore.localize(lang));
    headers.push(Heading::ComputedEffectAfter.localize(lang));
    headers.push(Heading::Difference.localize(lang));
    let unit = d.report_unit;
    let mut policies = Table::new(&headers).title(
        DiffText::PolicyTitle {
            unit: unit.in_lang(lang).into(),
        }
        .localize(lang),
    );
    // 千円 in the plan's report unit, exactly.
    let money = |d: Decimal| unit.from_thousand_yen(d).unwrap_or(d);
    let counts = |c: &Counts, labels: &[String]| {
        let mut n: Vec<usize> = labels.iter().map(|l| c.get(l)).collect();
        n.push(c.unrated);
        n
    };
    let mut line = |name: String, b: &SideTotals, a: &SideTotals, is_total: bool| {
        let mut row = vec![Cell::Text(name)];
        let nb = counts(&b.suggested, &tr.from);
        let na = counts(&a.suggested, &tr.to);
        if same_scale {
            row.extend(nb.iter().zip(&na).map(|(b, a)| {
                if b == a {
                    Cell::count(*b)
                } else {
                    Cell::Text(format!("{b} → {a}"))
                }
            }));
        } else {
            row.extend(nb.iter().chain(&na).map(|n| Cell::count(*n)));
        }
        row.push(Cell::Amount(money(b.computed_effect)));
        row.push(Cell::Amount(money(a.computed_effect)));
        let delta = money(a.computed_effect) - money(b.computed_effect);
        row.push(if delta > Decimal::ZERO {
            Cell::Text(format!("+{}", amount(delta)))
        } else {
            Cell::Amount(delta)
        });
        if is_total {
            policies.total(row);
        } else {
            policies.row(row);
        }
    };
    for p in &d.policies {
        line(
            format!("{} {}", p.number, p.name),
            &p.before,
            &p.after,
            false,
        );
    }
    line(total.into(), &d.total.before, &d.total.after, true);
    doc.push(policies);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_hashes_name_each_rule_set() {
        let r = RulesUsed {
            name: "isehara-default".into(),
            location: "rules".into(),
            hash: "ab".repeat(32),
        };
        assert_eq!(
            rules_line(&r),
            format!("isehara-default (rules, sha256 {})", "ab".repeat(32))
        );
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
