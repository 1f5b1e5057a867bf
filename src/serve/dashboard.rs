//! The dashboard: the year's tables and charts as the published report shows them (総括,
//! 分野別内訳表 and 推移), with a year chooser; for a folder of plans, a table of the
//! municipalities (one line per plan and year), each linking to its own dashboard.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;

use super::app::{App, Ctx, Failure, PageQuery};
use super::page::{render, Page, Tab};
use super::text::ServeText;
use crate::evaluation::summarize_with_rules;
use crate::i18n::Localize;
use crate::model::FiscalYear;
use crate::report::render::html_parts::{body, escape};
use crate::report::{
    corpus_summary_document, opening_sections, results_heading, trend_section, year_name, Block,
    Document, View,
};

/// `GET /`.
pub async fn page(State(app): State<Arc<App>>, Query(q): Query<PageQuery>) -> Response {
    let ctx = Ctx::of(&q, &app.options);
    render(app, ctx, Tab::Dashboard, |app, ctx| {
        if app.is_folder() && ctx.plan.is_none() {
            folder(app, ctx)
        } else {
            plan(app, ctx)
        }
    })
    .await
}

/// The dashboard of one plan.
fn plan(app: &App, ctx: &Ctx) -> Result<Page, Failure> {
    let mut ctx = ctx.clone();
    if ctx.year.as_deref() == Some("all") {
        ctx.year = None;
    }
    let p = app.evaluated(&ctx)?;
    let ev = &p.evaluations[0];
    let summary =
        summarize_with_rules(&p.plan, ev, &p.rules).map_err(|e| Failure::rules(&e, ctx.lang))?;
    let mut doc = Document::titled(results_heading(&summary, ctx.lang));
    // The report's parts of figures (総括, 分野別内訳表 with its charts), as the planning
    // section's own view shows them: the city's text is the report's, not the dashboard's.
    let sections =
        opening_sections(&p.plan, &summary, None, View::Internal, ctx.lang).map_err(|e| {
            Failure::new(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                e.localize(ctx.lang),
            )
        })?;
    for section in sections {
        doc.push(section);
    }
    // The report's 推移: the plan's years with results, seen from the year shown.
    let period = app.period(&ctx, ev.year)?;
    doc.push(trend_section(&period, ctx.lang));
    let mut h = year_form(&ctx, &p.plan.years, Some(ev.year), false);
    h.push_str(&body(&doc));
    Ok(Page {
        title: doc.title.clone().unwrap_or_default(),
        body: h,
        etag: None,
    })
}

/// The table of the plans of a folder.
fn folder(app: &App, ctx: &Ctx) -> Result<Page, Failure> {
    let years = ctx.years()?;
    // The table shows sums, no explanation: the rules build none.
    let workspace = app.workspace.clone().with_explanations(false);
    let corpus = (workspace.summarize_plans(&app.options.root, years)).map_err(|e| {
        Failure::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            e.localize(ctx.lang),
        )
    })?;
    let mut doc = corpus_summary_document(&corpus, ctx.lang);
    // Each plan's line links to its own dashboard (the first table: a line per plan and year).
    if let Some(Block::Table(t)) = doc.blocks.iter_mut().find(|b| matches!(b, Block::Table(_))) {
        for (row, line) in t.rows.iter_mut().zip(&corpus.rows) {
            if let Some(name) = line.folder.file_name() {
                let mut to = ctx.clone();
                to.plan = Some(name.to_string_lossy().into_owned());
                to.year = Some(line.year.to_string());
                row.link = Some(format!("/{}", to.query(&[])));
            }
        }
    }
    let title = ServeText::Plans {
        count: corpus.plans,
    }
    .localize(ctx.lang);
    let mut years: Vec<FiscalYear> = corpus.rows.iter().map(|r| r.year).collect();
    years.sort();
    years.dedup();
    let mut h = format!("<h1>{}</h1>\n", escape(&title));
    h.push_str(&year_form(ctx, &years, None, true));
    doc.title = None;
    h.push_str(&body(&doc));
    Ok(Page {
        title,
        body: h,
        etag: None,
    })
}

/// The year chooser: the plan's years (and all of them, for a folder), the one shown selected.
pub fn year_form(ctx: &Ctx, years: &[FiscalYear], shown: Option<FiscalYear>, all: bool) -> String {
    let t = |x: ServeText| x.localize(ctx.lang);
    let mut h = String::from("<form class=\"bar\" method=\"get\" id=\"year-form\">\n");
    h.push_str(&format!(
        "<input type=\"hidden\" name=\"lang\" value=\"{}\">\n",
        ctx.lang.code()
    ));
    if let Some(p) = &ctx.plan {
        h.push_str(&format!(
            "<input type=\"hidden\" name=\"plan\" value=\"{}\">\n",
            escape(p)
        ));
    }
    h.push_str(&format!(
        "<label>{} <select name=\"year\" data-submit>\n",
        escape(&t(ServeText::Year))
    ));
    let asked = ctx.year.as_deref();
    let option = |value: &str, label: &str, selected: bool| {
        format!(
            "<option value=\"{}\"{}>{}</option>\n",
            escape(value),
            if selected { " selected" } else { "" },
            escape(label)
        )
    };
    h.push_str(&option(
        "",
        &t(ServeText::LatestComplete),
        asked.is_none() && shown.is_none(),
    ));
    if all {
        h.push_str(&option(
            "all",
            &t(ServeText::AllYears),
            asked == Some("all"),
        ));
    }
    for y in years {
        let selected = shown == Some(*y) && asked.is_some()
            || asked.is_some_and(|a| a.parse::<FiscalYear>().ok() == Some(*y));
        h.push_str(&option(&y.to_string(), &year_name(*y, ctx.lang), selected));
    }
    h.push_str(&format!(
        "</select></label>\n<button type=\"submit\">{}</button>\n</form>\n",
        escape(&t(ServeText::Show))
    ));
    h
}
