//! A review decision written into an item file: for a year whose rating the rules would give
//! otherwise (or on weak evidence), the planning section keeps the recorded rating with a
//! reason, or adopts the suggestion as the year's `rating`. The decision goes to the year's
//! `[years.R5.review]` table (docs/plan-format.md); the file keeps its comments and layout.
//! In a year whose results are published, an adopted suggestion changes a published rating:
//! it is recorded in `[[amendments]]` too, with its reason, as `import --amend` does.

use crate::model::{FiscalYear, Review, ReviewDecision};

use super::edit::{amendment_table, push_amendment, set_key, year_table, YEAR_KEYS};

/// The order of a review's keys in an item file.
const REVIEW_KEYS: [&str; 6] = [
    "decision",
    "rating",
    "suggested",
    "previous",
    "reason",
    "date",
];

/// Why a review could not be written into an item file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewEditError {
    /// The item file is not TOML (its reader's words).
    NotToml(String),
    /// The date is not a date (`2025-01-15`).
    NotADate(String),
    /// Adopting a suggestion in a published year changes a published rating: it needs the
    /// reason of the amendment.
    AmendWithoutReason,
}

/// `text` (an item file) with `review` recorded for `year`: the year's `rating` set to the
/// review's when the suggestion is adopted, and its `review` table written (replacing an
/// earlier one). When the year is `published`, a rating the adoption changes is recorded as
/// an amendment (old and new rating, the review's reason and date), and needs the reason.
pub fn record_review(
    text: &str,
    year: FiscalYear,
    review: &Review,
    published: bool,
) -> Result<String, ReviewEditError> {
    let date: toml_edit::Datetime = review
        .date
        .parse()
        .ok()
        .filter(|d: &toml_edit::Datetime| d.date.is_some() && d.time.is_none())
        .ok_or_else(|| ReviewEditError::NotADate(review.date.clone()))?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| ReviewEditError::NotToml(e.to_string()))?;
    let table = year_table(&mut doc, year)
        .ok_or_else(|| ReviewEditError::NotToml(format!("years.{year}")))?;
    let changes = review.decision == ReviewDecision::Adopted
        && review.previous.as_deref() != Some(review.rating.as_str());
    if review.decision == ReviewDecision::Adopted {
        set_key(table, "rating", &review.rating, &YEAR_KEYS);
    }
    let mut r = toml_edit::Table::new();
    r.insert("decision", toml_edit::value(review.decision.key()));
    r.insert("rating", toml_edit::value(review.rating.as_str()));
    for (key, value) in [
        ("suggested", &review.suggested),
        ("previous", &review.previous),
        ("reason", &review.reason),
    ] {
        if let Some(v) = value {
            r.insert(key, toml_edit::value(v.as_str()));
        }
    }
    r.insert("date", toml_edit::value(date));
    debug_assert!(r.iter().all(|(k, _)| REVIEW_KEYS.contains(&k)));
    // Printed right after the year's own keys, before the next year's table.
    r.set_position(table.position());
    table.insert("review", toml_edit::Item::Table(r));
    if published && changes {
        let reason = (review.reason.as_deref())
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .ok_or(ReviewEditError::AmendWithoutReason)?;
        push_amendment(
            &mut doc,
            amendment_table(
                year,
                "rating",
                review.previous.as_deref(),
                &review.rating,
                reason,
                &date.to_string(),
            ),
        );
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = r#"title = "テスト"

# R5: the comment stays
[years.R5]
target = "3"
rating = "C"   # as the sheet printed it
comment = "実施した"

[years.R6]
target = "4"
"#;

    fn review(decision: ReviewDecision, rating: &str) -> Review {
        Review {
            decision,
            rating: rating.into(),
            suggested: Some("B".into()),
            previous: (decision == ReviewDecision::Adopted).then(|| "C".into()),
            reason: Some("年度途中の体制変更を考慮".into()),
            date: "2025-01-15".into(),
        }
    }

    #[test]
    fn a_kept_rating_is_recorded_under_its_year_with_the_file_as_it_was() {
        let text = record_review(
            ITEM,
            FiscalYear::reiwa(5),
            &review(ReviewDecision::Kept, "C"),
            false,
        )
        .unwrap();
        assert_eq!(
            text,
            r#"title = "テスト"

# R5: the comment stays
[years.R5]
target = "3"
rating = "C"   # as the sheet printed it
comment = "実施した"

[years.R5.review]
decision = "kept"
rating = "C"
suggested = "B"
reason = "年度途中の体制変更を考慮"
date = 2025-01-15

[years.R6]
target = "4"
"#
        );
    }

    #[test]
    fn an_adopted_suggestion_becomes_the_rating_and_a_second_review_replaces_the_first() {
        let once = record_review(
            ITEM,
            FiscalYear::reiwa(5),
            &review(ReviewDecision::Kept, "C"),
            false,
        )
        .unwrap();
        let text = record_review(
            &once,
            FiscalYear::reiwa(5),
            &review(ReviewDecision::Adopted, "B"),
            false,
        )
        .unwrap();
        assert!(
            text.contains("rating = \"B\"   # as the sheet printed it"),
            "{text}"
        );
        assert!(
            text.contains(
                "decision = \"adopted\"\nrating = \"B\"\nsuggested = \"B\"\nprevious = \"C\""
            ),
            "{text}"
        );
        assert_eq!(text.matches("[years.R5.review]").count(), 1, "{text}");
        assert!(!text.contains("kept"), "{text}");
    }

    #[test]
    fn a_date_that_is_not_a_day_is_refused() {
        let mut r = review(ReviewDecision::Kept, "C");
        r.date = "2025-01-15T10:00:00".into();
        assert!(matches!(
            record_review(ITEM, FiscalYear::reiwa(5), &r, false),
            Err(ReviewEditError::NotADate(_))
        ));
        r.date = "yesterday".into();
        assert!(record_review(ITEM, FiscalYear::reiwa(5), &r, false).is_err());
        assert!(record_review(
            "x = ",
            FiscalYear::reiwa(5),
            &review(ReviewDecision::Kept, "C"),
            false
        )
        .is_err());
    }

    #[test]
    fn an_adopted_suggestion_in_a_published_year_is_an_amendment_with_its_reason() {
        let adopted = review(ReviewDecision::Adopted, "B");
        let text = record_review(ITEM, FiscalYear::reiwa(5), &adopted, true).unwrap();
        assert!(
            text.ends_with(
                "[[amendments]]\nyear = \"R5\"\nfield = \"rating\"\nold = \"C\"\nnew = \"B\"\nreason = \"年度途中の体制変更を考慮\"\ndate = \"2025-01-15\"\n"
            ),
            "{text}"
        );
        // Kept, nothing published changes; adopted without a reason, nothing is written.
        let kept = record_review(
            ITEM,
            FiscalYear::reiwa(5),
            &review(ReviewDecision::Kept, "C"),
            true,
        );
        assert!(!kept.unwrap().contains("amendments"));
        let no_reason = Review {
            reason: None,
            ..adopted
        };
        assert_eq!(
            record_review(ITEM, FiscalYear::reiwa(5), &no_reason, true),
            Err(ReviewEditError::AmendWithoutReason)
        );
        assert!(record_review(ITEM, FiscalYear::reiwa(5), &no_reason, false).is_ok());
    }
}
