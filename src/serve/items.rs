//! The items: the list with its filters (基本方針, 部局, recorded rating, suggestion differs,
//! weak evidence, not reported), each row linking to the item's page — its 進捗管理シート and
//! the trace of its evaluation (`explain`).

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::app::{App, Ctx, Failure, PageQuery};
use super::dashboard::year_form;
use super::page::{render, Page, Tab};
use super::text::ServeText;
use crate::evaluation::{Agreement, ItemEvaluation};
use crate::i18n::Localize;
use crate::model::{Item, ItemId};
use crate::report::render::html_parts::{body, escape};
use crate::report::{explain_item, sheet_document, year_name, Cell, Document, Heading, Table};

/// The filters of the items page; each empty or absent is "all".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filters {
    #[serde(flatten)]
    page: PageQuery,
    /// A policy's number.
    policy: Option<String>,
    /// A department (部局).
    department: Option<String>,
    /// A recorded rating's label.
    rating: Option<String>,
    /// Only items whose suggestion differs from the recorded rating.
    differs: Option<String>,
    /// Only suggestions on weak evidence.
    weak: Option<String>,
    /// Only items that have not reported the year.
    unreported: Option<String>,
}

fn on(flag: &Option<String>) -> bool {
    flag.as_deref().is_some_and(|v| !v.is_empty() && v != "0")
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|v| !v.is_empty())
}

impl Filters {
    fn keeps(&self, item: &Item, e: &ItemEvaluation) -> bool {
        given(&self.policy).is_none_or(|p| p == e.policy.to_string())
            && given(&self.department).is_none_or(|d| d == item.reporter())
            && given(&self.rating).is_none_or(|r| e.recorded.as_deref() == Some(r))
            && (!on(&self.differs) || e.agreement == Agreement::Differs)
            && (!on(&self.weak) || is_weak(e))
            && (!on(&self.unreported) || !e.has_results)
    }
}

fn is_weak(e: &ItemEvaluation) -> bool {
    e.reading.as_ref().is_some_and(|r| r.weak)
}

/// `GET /items`.
pub async fn list(State(app): State<Arc<App>>, Query(f): Query<Filters>) -> Response {
    let ctx = Ctx::of(&f.page, &app.options);
    render(app, ctx, Tab::Items, move |app, ctx| {
        list_page(app, ctx, &f)
    })
    .await
}

fn list_page(app: &App, ctx: &Ctx, f: &Filters) -> Result<Page, Failure> {
    let lang = ctx.lang;
    let t = |x: ServeText| x.localize(lang);
    let mut ctx = ctx.clone();
    if ctx.year.as_deref() == Some("all") {
        ctx.year = None;
    }
    let p = app.evaluated(&ctx)?;
    let ev = &p.evaluations[0];
    let plan = &p.plan;

    let mut table = Table::new(&[
        t(ServeText::ColumnNumber),
        Heading::ItemName.localize(lang),
        t(ServeText::FilterDepartment),
        Heading::Section.localize(lang),
        Heading::Target.localize(lang),
        Heading::Actual.localize(lang),
        Heading::Achievement.localize(lang),
        t(ServeText::ColumnSuggested),
        t(ServeText::ColumnRecorded),
        t(ServeText::ColumnNote),
    ])
    .wrap(&[1])
    .figures(&[4, 5]);
    let mut shown = 0;
    for (item, e) in plan.items.iter().zip(&ev.items) {
        if !f.keeps(item, e) {
            continue;
        }
        shown += 1;
        let mut marks = Vec::new();
        if e.agreement == Agreement::Differs {
            marks.push(t(ServeText::MarkDiffers));
        }
        if is_weak(e) {
            marks.push(t(ServeText::MarkWeak));
        }
        if !e.has_results {
            marks.push(t(ServeText::MarkNotReported));
        }
        let link = format!("/items/{}{}", item.id, ctx.query(&[]));
        table.linked_row(
            vec![
                Cell::Text(item.id.japanese()),
                Cell::Text(item.title.clone()),
                Cell::text_or_none(item.department.clone()),
                Cell::Text(item.section.clone()),
                Cell::text_or_none(e.target.as_ref().map(|c| c.text.clone())),
                Cell::text_or_none(e.actual.as_ref().map(|c| c.text.clone())),
                Cell::percent_or_none(e.achievement),
                e.suggested.clone().map_or(Cell::None, Cell::Rating),
                e.recorded.clone().map_or(Cell::None, Cell::Rating),
                Cell::Text(marks.join(" ")),
            ],
            link,
        );
    }
    let title = format!(
        "{} {} {}",
        plan.name,
        year_name(ev.year, lang),
        t(ServeText::NavItems)
    );
    let mut doc = Document::titled(&title);
    doc.push(table);

    let mut h = year_form(&ctx, &plan.years, Some(ev.year), false);
    // The filters, as a form whose choices reload the page.
    h.push_str("<form class=\"bar\" method=\"get\" id=\"filters\">\n");
    h.push_str(&format!(
        "<input type=\"hidden\" name=\"lang\" value=\"{}\">\n",
        lang.code()
    ));
    for (name, value) in [("plan", &ctx.plan), ("year", &ctx.year)] {
        if let Some(v) = value {
            h.push_str(&format!(
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">\n",
                escape(v)
            ));
        }
    }
    let policies: Vec<(String, String)> = (plan.policies.iter())
        .map(|p| (p.number.to_string(), format!("{} {}", p.number, p.name)))
        .collect();
    // By who reports: the 部局, or the 所属 where the document prints no 部局.
    let departments: BTreeSet<&str> = plan.items.iter().map(Item::reporter).collect();
    let departments: Vec<(String, String)> = (departments.into_iter())
        .map(|d| (d.to_string(), d.to_string()))
        .collect();
    let ratings: Vec<(String, String)> = (ev.recorded_scale.labels())
        .map(|l| (l.to_string(), l.to_string()))
        .collect();
    for (name, label, choices, chosen) in [
        ("policy", ServeText::FilterPolicy, &policies, &f.policy),
        (
            "department",
            ServeText::FilterDepartment,
            &departments,
            &f.department,
        ),
        ("rating", ServeText::FilterRating, &ratings, &f.rating),
    ] {
        h.push_str(&format!(
            "<label>{} <select name=\"{name}\" data-submit>\n<option value=\"\">{}</option>\n",
            escape(&t(label)),
            escape(&t(ServeText::Any))
        ));
        for (value, shown) in choices {
            let selected = given(chosen) == Some(value.as_str());
            h.push_str(&format!(
                "<option value=\"{}\"{}>{}</option>\n",
                escape(value),
                if selected { " selected" } else { "" },
                escape(shown)
            ));
        }
        h.push_str("</select></label>\n");
    }
    for (name, label, flag) in [
        ("differs", ServeText::FilterDiffers, &f.differs),
        ("weak", ServeText::FilterWeak, &f.weak),
        ("unreported", ServeText::FilterNotReported, &f.unreported),
    ] {
        h.push_str(&format!(
            "<label><input type=\"checkbox\" name=\"{name}\" value=\"1\"{} data-submit> {}</label>\n",
            if on(flag) { " checked" } else { "" },
            escape(&t(label))
        ));
    }
    h.push_str(&format!(
        "<button type=\"submit\">{}</button>\n</form>\n",
        escape(&t(ServeText::Show))
    ));
    h.push_str(&format!(
        "<p id=\"items-count\">{}</p>\n",
        escape(
            &ServeText::ItemsShown {
                shown,
                total: plan.items.len()
            }
            .localize(lang)
        )
    ));
    h.push_str(&body(&doc));
    Ok(Page {
        title,
        body: h,
        etag: None,
    })
}

/// `GET /items/{id}`: the sheet and the trace.
pub async fn item(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    let ctx = Ctx::of(&q, &app.options);
    render(app, ctx, Tab::Items, move |app, ctx| {
        item_page(app, ctx, &id)
    })
    .await
}

fn item_page(app: &App, ctx: &Ctx, id: &str) -> Result<Page, Failure> {
    let lang = ctx.lang;
    let no_item = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            ServeText::NoSuchItem { id: id.into() }.localize(lang),
        )
    };
    let id: ItemId = id.parse().map_err(|_| no_item())?;
    let (plan, rules) = app.plan_and_rules(ctx)?;
    let item = plan.item(id).ok_or_else(no_item)?;
    let year = ctx.year_of(&plan)?;
    let sheet = sheet_document(&plan, item, lang);
    let mut h = body(&sheet);
    h.push_str(&format!(
        "<h2 id=\"trace\">{}</h2>\n",
        escape(&ServeText::Trace.localize(lang))
    ));
    match explain_item(&plan, item, year, &rules, lang) {
        Ok(trace) => h.push_str(&body(&trace)),
        Err(e) => h.push_str(&format!(
            "<p class=\"failure\">{}</p>\n",
            escape(
                &ServeText::TraceFailed {
                    reason: e.localize(lang)
                }
                .localize(lang)
            )
        )),
    }
    Ok(Page {
        title: format!("{} {}", item.id.japanese(), item.title),
        body: h,
        etag: None,
    })
}
