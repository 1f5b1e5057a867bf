//! The review: for every disagreement and every suggestion on weak evidence of the year, the
//! planning section keeps the recorded rating with a reason, or adopts the suggestion. The
//! decision is written to the item file's `[years.R5.review]` (and, when adopted, its
//! `rating`), atomically and only while the file is the version the page showed; `gyokaku
//! sheet` shows it and `gyokaku agreement` counts it.

use std::sync::Arc;

use axum::extract::{Form, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::app::{App, Ctx, Failure, PageQuery};
use super::dashboard::year_form;
use super::page::{blocking, render, Page, Tab};
use super::safety::{inside, unchanged_since, version_of};
use crate::cycle::commit::{commit, PendingFile};
use crate::cycle::{record_review, today_in_japan, Published, ReviewEditError};
use crate::evaluation::{agreement, ItemEvaluation};
use crate::i18n::Localize;
use crate::model::{
    load_plan_from, DirSource, ItemId, MemorySource, PlanSource, Review, ReviewDecision, SourceFile,
};
use crate::report::render::html_parts::{body, escape};
use crate::report::review::{decision_text, year_reviews_section};
use crate::report::{year_name, Document};

crate::i18n::messages! {
    /// What the review page says.
    #[derive(Debug, Clone)]
    pub enum ReviewPageText {
        /// The page's heading.
        Title { year: String } =>
            ja: "{year} 評価の確認",
            en: "{year}: review of the ratings";
        /// What the page is for.
        Intro =>
            ja: "規則の評価と記録された評価が異なる項目と、根拠の弱い規則の評価です。記録の評価を理由とともに維持するか、規則の評価を採用してください。判断は実施項目のファイルに記録されます",
            en: "The items whose suggested rating differs from the recorded one, and the suggestions on weak evidence. Keep the recorded rating with a reason, or adopt the suggestion: the decision is written to the item's file";
        /// Nothing to review.
        Nothing =>
            ja: "確認の必要な項目はありません",
            en: "nothing to review";
        /// Heading: disagreements.
        Disagreement =>
            ja: "規則の評価と異なる",
            en: "suggestion differs";
        /// Heading: weak evidence.
        Weak =>
            ja: "根拠が弱い",
            en: "weak evidence";
        /// The choice to keep the recorded rating.
        Keep { rating: String } =>
            ja: "記録の評価 {rating} を維持する",
            en: "keep the recorded rating {rating}";
        /// The choice to adopt the suggestion.
        Adopt { rating: String } =>
            ja: "規則の評価 {rating} を採用する",
            en: "adopt the suggestion {rating}";
        /// The reason field.
        Reason =>
            ja: "理由",
            en: "Reason";
        /// The date field.
        Date =>
            ja: "確認日",
            en: "Date";
        /// The button.
        Record =>
            ja: "判断を記録",
            en: "Record the decision";
        /// Labels of the item's figures.
        Suggested { rating: String } =>
            ja: "規則の評価: {rating}",
            en: "suggested: {rating}";
        /// The recorded rating.
        Recorded { rating: String } =>
            ja: "記録された評価: {rating}",
            en: "recorded: {rating}";
        /// An earlier decision.
        Earlier { decision: String, date: String } =>
            ja: "記録済みの判断: {decision}({date})",
            en: "decided: {decision} ({date})";
        /// A decision was written.
        Recorded2 { item: String, file: String } =>
            ja: "{item} の判断を {file} に記録しました",
            en: "the decision on {item} is recorded in {file}";
        /// Keeping needs a reason.
        NeedsReason =>
            ja: "記録の評価を維持するときは理由を書いてください",
            en: "keeping the recorded rating needs a reason";
        /// Adopting needs a suggestion.
        NoSuggestion =>
            ja: "規則の評価がないので採用できません",
            en: "there is no suggestion to adopt";
        /// Keeping needs a recorded rating.
        NoRecorded =>
            ja: "記録された評価がないので維持できません",
            en: "there is no recorded rating to keep";
        /// A decision that is neither.
        UnknownDecision { given: String } =>
            ja: "判断 {given:?} は「維持」(kept) か「採用」(adopted) のどちらかです",
            en: "the decision {given:?} is either kept or adopted";
        /// A date that is not a day.
        BadDate { given: String } =>
            ja: "確認日 {given:?} を読めません: 2025-01-15 のように書いてください",
            en: "the date {given:?} cannot be read: write it as 2025-01-15";
        /// The year's results are published: an adopted suggestion is an amendment.
        Published { year: String, published: String } =>
            ja: "{year}の実績は公表済みです{published}。規則の評価を採用すると公表後の訂正として理由とともに記録されます",
            en: "the results of {year} are published{published}: adopting a suggestion is recorded as an amendment, with its reason";
        /// Adopting in a published year needs the amendment's reason.
        AmendNeedsReason { year: String } =>
            ja: "{year}の評価は公表済みです: 規則の評価を採用するときは訂正の理由を書いてください",
            en: "the ratings of {year} are published: adopting the suggestion needs the reason for the amendment";
        /// The item file would not load after the edit.
        WouldBreak { reason: String } =>
            ja: "記録すると実施項目のファイルが読めなくなるので書き込みません: {reason}",
            en: "not written: the item file would not load with it: {reason}";
    }
}

/// The query of the review page: the page's, and the item just recorded.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReviewQuery {
    #[serde(flatten)]
    page: PageQuery,
    /// The item whose decision was just recorded.
    saved: Option<String>,
}

/// `GET /review`.
pub async fn page(State(app): State<Arc<App>>, Query(q): Query<ReviewQuery>) -> Response {
    let ctx = Ctx::of(&q.page, &app.options);
    render(app, ctx, Tab::Review, move |app, ctx| {
        review_page(app, ctx, q.saved.as_deref())
    })
    .await
}

fn review_page(app: &App, ctx: &Ctx, saved: Option<&str>) -> Result<Page, Failure> {
    let lang = ctx.lang;
    let t = |x: ReviewPageText| x.localize(lang);
    let mut ctx = ctx.clone();
    if ctx.year.as_deref() == Some("all") {
        ctx.year = None;
    }
    let p = app.evaluated(&ctx)?;
    let ev = &p.evaluations[0];
    let plan = &p.plan;
    let report = agreement(ev);
    let title = t(ReviewPageText::Title {
        year: year_name(ev.year, lang),
    });
    let mut h = year_form(&ctx, &plan.years, Some(ev.year), false);
    h.push_str(&format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        escape(&title),
        escape(&t(ReviewPageText::Intro))
    ));
    if let Some(closed) = plan.closed_year(ev.year) {
        let published = (closed.published.clone())
            .map(|date| Published::On { date }.localize(lang))
            .unwrap_or_default();
        h.push_str(&format!(
            "<p class=\"notice\" id=\"review-published\">{}</p>\n",
            escape(&t(ReviewPageText::Published {
                year: year_name(ev.year, lang),
                published,
            }))
        ));
    }
    if let Some(id) = saved.and_then(|s| s.parse::<ItemId>().ok()) {
        h.push_str(&format!(
            "<p class=\"notice\" role=\"status\" id=\"review-saved\">{}</p>\n",
            escape(&t(ReviewPageText::Recorded2 {
                item: id.to_string(),
                file: format!("items/{id}.toml"),
            }))
        ));
    }
    let candidates: Vec<(&ItemEvaluation, ReviewPageText)> = (report.disagreements.iter())
        .map(|e| (e, ReviewPageText::Disagreement))
        .chain(report.weak.iter().map(|e| (e, ReviewPageText::Weak)))
        .collect();
    if candidates.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", escape(&t(ReviewPageText::Nothing))));
    }
    let action = format!("/review{}", ctx.query(&[]));
    for (e, why) in candidates {
        let Some(item) = plan.item(e.id) else {
            continue;
        };
        let file = p.folder.join("items").join(format!("{}.toml", item.id));
        let version = std::fs::read(&file)
            .map(|b| version_of(&b))
            .unwrap_or_default();
        let recorded = e.recorded.clone().unwrap_or_else(|| "-".into());
        let suggested = e.suggested.clone();
        h.push_str(&format!(
            "<section class=\"review\" id=\"review-{id}\">\n<h3><a href=\"/items/{id}{q}\">{jp} {title}</a> <span class=\"muted\">({why})</span></h3>\n",
            id = item.id,
            q = escape(&ctx.query(&[])),
            jp = escape(&item.id.japanese()),
            title = escape(&item.title),
            why = escape(&t(why)),
        ));
        h.push_str(&format!(
            "<p>{} · {}</p>\n<p class=\"muted\">{}</p>\n",
            escape(&t(ReviewPageText::Suggested {
                rating: suggested.clone().unwrap_or_else(|| "-".into())
            })),
            escape(&t(ReviewPageText::Recorded {
                rating: recorded.clone()
            })),
            escape(&e.explanation().localize(lang)),
        ));
        if let Some(r) = item.year(ev.year).and_then(|y| y.review.as_ref()) {
            h.push_str(&format!(
                "<p class=\"notice\">{}{}</p>\n",
                escape(&t(ReviewPageText::Earlier {
                    decision: decision_text(r.decision, lang),
                    date: r.date.clone(),
                })),
                r.reason
                    .as_ref()
                    .map(|x| format!(": {}", escape(x)))
                    .unwrap_or_default()
            ));
        }
        h.push_str(&format!(
            "<form method=\"post\" action=\"{}\" class=\"bar review-form\">\n\
             <input type=\"hidden\" name=\"item\" value=\"{}\">\n<input type=\"hidden\" name=\"version\" value=\"{}\">\n\
             <label><input type=\"radio\" name=\"decision\" value=\"kept\" checked> {}</label>\n",
            escape(&action),
            item.id,
            escape(&version),
            escape(&t(ReviewPageText::Keep { rating: recorded })),
        ));
        if let Some(s) = &suggested {
            h.push_str(&format!(
                "<label><input type=\"radio\" name=\"decision\" value=\"adopted\"> {}</label>\n",
                escape(&t(ReviewPageText::Adopt { rating: s.clone() }))
            ));
        }
        h.push_str(&format!(
            "<label>{} <textarea name=\"reason\" rows=\"2\" cols=\"48\"></textarea></label>\n\
             <label>{} <input type=\"date\" name=\"date\" value=\"{}\" data-today></label>\n\
             <button type=\"submit\">{}</button>\n</form>\n</section>\n",
            escape(&t(ReviewPageText::Reason)),
            escape(&t(ReviewPageText::Date)),
            today_in_japan(),
            escape(&t(ReviewPageText::Record)),
        ));
    }
    if let Some(section) = year_reviews_section(plan, ev.year, lang) {
        let mut doc = Document::default();
        doc.push(section);
        h.push_str(&body(&doc));
    }
    Ok(Page {
        title,
        body: h,
        etag: None,
    })
}

/// A decision sent by the review form.
#[derive(Debug, Clone, Deserialize)]
pub struct Decision {
    /// The item, `1-3-4`.
    item: String,
    /// The version of the item file the page showed.
    #[serde(default)]
    version: String,
    /// `kept` or `adopted`.
    decision: String,
    /// Why.
    #[serde(default)]
    reason: String,
    /// The day, `2025-01-15` (today when not given).
    #[serde(default)]
    date: String,
}

/// `POST /review`: records a decision, then shows the review again.
pub async fn record(
    State(app): State<Arc<App>>,
    Query(q): Query<PageQuery>,
    Form(d): Form<Decision>,
) -> Response {
    let ctx = Ctx::of(&q, &app.options);
    let lang = ctx.lang;
    let (app2, ctx2) = (app.clone(), ctx.clone());
    blocking(lang, move || {
        let id = write_decision(&app2, &ctx2, &d)?;
        let to = format!(
            "/review{}#review-{id}",
            ctx2.query(&[("saved", &id.to_string())])
        );
        Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response())
    })
    .await
}

fn write_decision(app: &App, ctx: &Ctx, d: &Decision) -> Result<ItemId, Failure> {
    let lang = ctx.lang;
    let refuse =
        |status: StatusCode, text: ReviewPageText| Failure::new(status, text.localize(lang));
    let not_found = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            super::text::ServeText::NoSuchItem { id: d.item.clone() }.localize(lang),
        )
    };
    let id: ItemId = d.item.parse().map_err(|_| not_found())?;
    let decision = match d.decision.as_str() {
        "kept" => ReviewDecision::Kept,
        "adopted" => ReviewDecision::Adopted,
        other => {
            return Err(refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                ReviewPageText::UnknownDecision {
                    given: other.into(),
                },
            ))
        }
    };
    let mut ctx = ctx.clone();
    if ctx.year.as_deref() == Some("all") {
        ctx.year = None;
    }
    let p = app.evaluated(&ctx)?;
    let ev = &p.evaluations[0];
    let e = ev.items.iter().find(|e| e.id == id).ok_or_else(not_found)?;
    let reason = Some(d.reason.trim().to_string()).filter(|r| !r.is_empty());
    let review = match decision {
        ReviewDecision::Kept => Review {
            decision,
            rating: e.recorded.clone().ok_or_else(|| {
                refuse(StatusCode::UNPROCESSABLE_ENTITY, ReviewPageText::NoRecorded)
            })?,
            suggested: e.suggested.clone(),
            previous: None,
            reason: Some(reason.ok_or_else(|| {
                refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ReviewPageText::NeedsReason,
                )
            })?),
            date: String::new(),
        },
        ReviewDecision::Adopted => Review {
            decision,
            rating: e.suggested.clone().ok_or_else(|| {
                refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ReviewPageText::NoSuggestion,
                )
            })?,
            suggested: e.suggested.clone(),
            previous: e.recorded.clone(),
            reason,
            date: String::new(),
        },
    };
    let review = Review {
        date: Some(d.date.trim().to_string())
            .filter(|x| !x.is_empty())
            .unwrap_or_else(today_in_japan),
        ..review
    };
    let relative = format!("items/{id}.toml");
    let path = inside(&p.folder, &relative).ok_or_else(not_found)?;
    let _one_at_a_time = app.writing.lock().unwrap_or_else(|e| e.into_inner());
    unchanged_since(&path, Some(&d.version), &relative, lang)?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let published = p.plan.closed_year(ev.year).is_some();
    let new = record_review(&text, ev.year, &review, published).map_err(|e| match e {
        ReviewEditError::NotADate(given) => refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            ReviewPageText::BadDate { given },
        ),
        ReviewEditError::AmendWithoutReason => refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            ReviewPageText::AmendNeedsReason {
                year: year_name(ev.year, lang),
            },
        ),
        ReviewEditError::NotToml(reason) => refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            ReviewPageText::WouldBreak { reason },
        ),
    })?;
    // The plan must load with the new text, exactly as it will from disk.
    let source = DirSource::new(&p.folder);
    let io = |e: std::io::Error| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string());
    let plan_file = source.plan_file().map_err(io)?;
    let items: Vec<SourceFile> = (source.item_files().map_err(io)?.into_iter())
        .map(|f| {
            if f.path.file_name() == path.file_name() {
                SourceFile::new(f.path.clone(), new.clone())
            } else {
                f
            }
        })
        .collect();
    load_plan_from(&MemorySource {
        plan: plan_file,
        items,
    })
    .map_err(|e| {
        refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            ReviewPageText::WouldBreak {
                reason: e.localize(lang),
            },
        )
    })?;
    commit(&[PendingFile {
        path,
        content: new.into_bytes(),
    }])
    .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.localize(lang)))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_is_worded_in_both_languages() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
