//! The planning section's reviews (`[years.R5.review]` in item files) as reports show them: on
//! the item's sheet, and counted with the year's agreement (`gyokaku agreement`).

use super::{year_name, Cell, Document, Lang, Section, Table};
use crate::evaluation::Evaluation;
use crate::i18n::Localize;
use crate::model::{FiscalYear, Item, Plan, Review, ReviewDecision};

crate::i18n::messages! {
    /// The words of reviews in reports.
    #[derive(Debug, Clone)]
    pub enum ReviewText {
        /// The heading of the reviews of an item or a year.
        Heading =>
            ja: "評価の確認",
            en: "Reviews of the rating";
        /// The decision: the recorded rating kept.
        Kept =>
            ja: "記録の評価を維持",
            en: "recorded rating kept";
        /// The decision: the suggestion adopted.
        Adopted =>
            ja: "規則の評価を採用",
            en: "suggestion adopted";
        /// Column: the year.
        Year =>
            ja: "年度",
            en: "year";
        /// Column: the item.
        Item =>
            ja: "取組項目",
            en: "item";
        /// Column: the decision.
        Decision =>
            ja: "判断",
            en: "decision";
        /// Column: the rating after the review.
        Rating =>
            ja: "評価",
            en: "rating";
        /// Column: the suggestion when reviewed.
        Suggested =>
            ja: "規則の評価",
            en: "suggested";
        /// Column: the rating before.
        Previous =>
            ja: "確認前の評価",
            en: "before";
        /// Column: the reason.
        Reason =>
            ja: "理由",
            en: "reason";
        /// Column: the date.
        Date =>
            ja: "確認日",
            en: "date";
        /// The count of the year's reviews.
        Count { reviewed: usize, kept: usize, adopted: usize } =>
            ja: "確認済み {reviewed}件(記録の評価を維持 {kept}件、規則の評価を採用 {adopted}件)",
            en: "{reviewed} reviewed ({kept} recorded ratings kept, {adopted} suggestions adopted)";
    }
}

/// The decision as a person reads it.
pub fn decision_text(d: ReviewDecision, lang: Lang) -> String {
    match d {
        ReviewDecision::Kept => ReviewText::Kept,
        ReviewDecision::Adopted => ReviewText::Adopted,
    }
    .localize(lang)
}

fn headers(with_item: bool, lang: Lang) -> Vec<String> {
    let first = if with_item {
        ReviewText::Item
    } else {
        ReviewText::Year
    };
    [
        first,
        ReviewText::Decision,
        ReviewText::Rating,
        ReviewText::Suggested,
        ReviewText::Previous,
        ReviewText::Reason,
        ReviewText::Date,
    ]
    .iter()
    .map(|h| h.localize(lang))
    .collect()
}

fn row(first: String, r: &Review, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::Text(first),
        Cell::Text(decision_text(r.decision, lang)),
        Cell::Rating(r.rating.clone()),
        r.suggested.clone().map_or(Cell::None, Cell::Rating),
        r.previous.clone().map_or(Cell::None, Cell::Rating),
        Cell::text_or_none(r.reason.clone()),
        Cell::Text(r.date.clone()),
    ]
}

/// The item's reviews, one line per year reviewed; `None` when it has none.
pub fn item_reviews_section(item: &Item, lang: Lang) -> Option<Section> {
    let mut t = Table::new(&headers(false, lang)).wrap(&[5]);
    for (year, e) in &item.years {
        if let Some(r) = &e.review {
            t.row(row(year_name(*year, lang), r, lang));
        }
    }
    if t.rows.is_empty() {
        return None;
    }
    let mut s = Section::new(ReviewText::Heading.localize(lang));
    s.push(t);
    Some(s)
}

/// The reviews of the evaluated year, with their count (kept / adopted); `None` when none.
pub fn year_reviews_section(plan: &Plan, year: FiscalYear, lang: Lang) -> Option<Section> {
    let reviews: Vec<(&Item, &Review)> = (plan.items.iter())
        .filter_map(|i| Some((i, i.year(year)?.review.as_ref()?)))
        .collect();
    if reviews.is_empty() {
        return None;
    }
    let kept = (reviews.iter())
        .filter(|(_, r)| r.decision == ReviewDecision::Kept)
        .count();
    let mut t = Table::new(&headers(true, lang)).wrap(&[0, 5]);
    for (item, r) in &reviews {
        t.row(row(format!("{} {}", item.id, item.title), r, lang));
    }
    let mut s = Section::new(ReviewText::Heading.localize(lang));
    s.push(super::Block::Text(
        ReviewText::Count {
            reviewed: reviews.len(),
            kept,
            adopted: reviews.len() - kept,
        }
        .localize(lang),
    ));
    s.push(t);
    Some(s)
}

/// Adds the year's reviews to the agreement document of `ev`: a section, and `reviews` in its
/// JSON (the decisions by item).
pub fn add_reviews(doc: &mut Document, plan: &Plan, ev: &Evaluation, lang: Lang) {
    let Some(section) = year_reviews_section(plan, ev.year, lang) else {
        return;
    };
    doc.push(section);
    let reviews: Vec<serde_json::Value> = (plan.items.iter())
        .filter_map(|i| Some((i.id, i.year(ev.year)?.review.as_ref()?)))
        .map(|(id, r)| serde_json::json!({"item": id, "review": r}))
        .collect();
    if let Some(serde_json::Value::Object(map)) = doc.json.as_mut() {
        map.insert("reviews".into(), serde_json::Value::Array(reviews));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::agreement;
    use crate::report::{agreement_document, render_string, sheet_document, Format, Options};
    use crate::{Workspace, Years};

    #[test]
    fn the_agreement_counts_the_years_reviews_and_the_sheet_shows_them() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/isehara-6");
        let mut p = Workspace::new()
            .evaluate(root, Years::LatestComplete)
            .unwrap();
        let ev = &p.evaluations[0];
        let mut doc = agreement_document(&agreement(ev), ev, Lang::Ja);
        let unreviewed = render_string(&doc, Format::Md, &Options::default());
        add_reviews(&mut doc, &p.plan, ev, Lang::Ja);
        assert_eq!(
            render_string(&doc, Format::Md, &Options::default()),
            unreviewed
        );

        let id: crate::model::ItemId = "1-3-4".parse().unwrap();
        let item = p.plan.items.iter_mut().find(|i| i.id == id).unwrap();
        item.years.get_mut(&ev.year).unwrap().review = Some(Review {
            decision: ReviewDecision::Kept,
            rating: "C".into(),
            suggested: Some("B".into()),
            previous: None,
            reason: Some("年度末の事情".into()),
            date: "2025-01-15".into(),
        });
        add_reviews(&mut doc, &p.plan, ev, Lang::Ja);
        let text = render_string(&doc, Format::Md, &Options::default());
        assert!(
            text.contains("確認済み 1件(記録の評価を維持 1件、規則の評価を採用 0件)"),
            "{text}"
        );
        assert!(text.contains("年度末の事情"), "{text}");
        assert_eq!(doc.json.as_ref().unwrap()["reviews"][0]["item"], "1-3-4");
        let item = p.plan.item(id).unwrap();
        let sheet = render_string(
            &sheet_document(&p.plan, item, Lang::En),
            Format::Md,
            &Options::default(),
        );
        assert!(
            sheet.contains("recorded rating kept") && sheet.contains("2025-01-15"),
            "{sheet}"
        );
    }

    #[test]
    fn every_message_is_worded_in_both_languages() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
