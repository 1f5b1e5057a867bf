//! The frame of every page: the navigation (dashboard, items, rule playground, review,
//! import), the language switch and the plan's name around the content; the report's style
//! sheet with the workbench's additions; and how a page's work is run off the server's threads
//! so that a slow or failing request never holds up another.

use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};

use super::app::{App, Ctx, Failure};
use super::text::ServeText;
use crate::i18n::{Lang, Localize};
use crate::report::render::html_parts::{escape, style};

/// The parts of the workbench, as the navigation lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The year's tables and charts.
    Dashboard,
    /// The items, filtered.
    Items,
    /// The rule playground.
    Rules,
    /// The review of disagreements.
    Review,
    /// Taking returned workbooks in.
    Import,
}

impl Tab {
    const ALL: [Tab; 5] = [
        Tab::Dashboard,
        Tab::Items,
        Tab::Rules,
        Tab::Review,
        Tab::Import,
    ];

    fn path(self) -> &'static str {
        match self {
            Tab::Dashboard => "/",
            Tab::Items => "/items",
            Tab::Rules => "/rules",
            Tab::Review => "/review",
            Tab::Import => "/import",
        }
    }

    fn name(self) -> ServeText {
        match self {
            Tab::Dashboard => ServeText::NavDashboard,
            Tab::Items => ServeText::NavItems,
            Tab::Rules => ServeText::NavRules,
            Tab::Review => ServeText::NavReview,
            Tab::Import => ServeText::NavImport,
        }
    }
}

/// A page's content, ready to be framed.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The page's own title (after the workbench's).
    pub title: String,
    /// The HTML inside `<main>`.
    pub body: String,
    /// The version of the file the page shows for editing, sent as its ETag.
    pub etag: Option<String>,
}

/// The workbench's own styles, after the report's.
const APP_STYLE: &str = r#"
body { max-width: none; padding: 0; margin: 0; }
header.bar { background: #1f3b5c; color: #fff; padding: 2mm 6mm; display: flex; gap: 5mm; align-items: center; flex-wrap: wrap; }
header.bar a { color: #fff; text-decoration: none; padding: 1mm 2mm; border-radius: 2px; }
header.bar a.on { background: #3b6ea5; font-weight: bold; }
header.bar .plan { margin-left: auto; font-size: 9.5pt; opacity: 0.9; }
main { max-width: 250mm; margin: 0 auto; padding: 4mm 6mm 12mm; }
form.bar { display: flex; gap: 3mm; align-items: center; flex-wrap: wrap; margin: 2mm 0 4mm;
  padding: 2mm 3mm; background: #f4f6f8; border: 1px solid #d5dbe1; }
.failure { border: 2px solid #c8483f; background: #fdf0ef; padding: 3mm 4mm; margin: 4mm 0; white-space: pre-wrap; }
.notice { border: 2px solid #5fa35a; background: #f0f8ef; padding: 3mm 4mm; margin: 4mm 0; white-space: pre-wrap; }
.muted { color: #666; }
td a { color: #1f3b5c; }
nav.files ul { display: flex; flex-wrap: wrap; gap: 1mm 4mm; list-style: none; padding: 0; }
nav.files a.on { font-weight: bold; }
#editor { width: 100%; font-family: "Noto Sans Mono CJK JP", "DejaVu Sans Mono", monospace; font-size: 10pt;
  line-height: 1.45; tab-size: 4; border: 1px solid #9aa5b1; padding: 2mm; box-sizing: border-box; }
.actions { display: flex; gap: 4mm; align-items: center; margin: 2mm 0; }
.actions button, form button { padding: 1mm 4mm; }
section.trying #results { opacity: 0.55; }
section.review { border-top: 1px solid #d5dbe1; margin-top: 4mm; }
section.review h3 a { color: inherit; }
form.dropping { outline: 3px dashed #3b6ea5; background: #e8f0f8; }
pre { white-space: pre-wrap; background: #f4f6f8; padding: 2mm 3mm; font-size: 9pt; }
"#;

/// The whole page: `page` in the workbench's frame, `tab` marked in the navigation.
pub fn layout(app: &App, ctx: &Ctx, tab: Tab, page: &Page) -> String {
    let t = |x: ServeText| x.localize(ctx.lang);
    let mut h = String::with_capacity(page.body.len() + 8192);
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – {}</title>\n<style>{}{APP_STYLE}</style>\n\
         <script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n<header class=\"bar\">\n",
        ctx.lang.code(),
        escape(&page.title),
        escape(&t(ServeText::Workbench)),
        style(),
    ));
    for other in Tab::ALL {
        let class = if other == tab { " class=\"on\"" } else { "" };
        h.push_str(&format!(
            "<a href=\"{}{}\"{class}>{}</a>\n",
            other.path(),
            escape(&ctx.query(&[])),
            escape(&t(other.name()))
        ));
    }
    let mut other = ctx.clone();
    other.lang = match ctx.lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    h.push_str(&format!(
        "<a href=\"{}\" lang=\"{}\" id=\"lang-switch\">{}</a>\n",
        escape(&other.query(&[])),
        other.lang.code(),
        escape(&t(ServeText::OtherLanguage))
    ));
    if let Some(plan) = &ctx.plan {
        h.push_str(&format!("<span class=\"plan\">{}</span>\n", escape(plan)));
    } else if app.is_folder() {
        h.push_str(&format!(
            "<span class=\"plan\">{}</span>\n",
            escape(&app.options.root.display().to_string())
        ));
    }
    h.push_str("</header>\n<main>\n");
    h.push_str(&page.body);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// A page as a response: HTML, with its ETag when it shows a file for editing.
pub fn respond(app: &App, ctx: &Ctx, tab: Tab, page: Page) -> Response {
    let etag = page.etag.clone();
    let mut response = Html(layout(app, ctx, tab, &page)).into_response();
    if let Some(v) = etag.and_then(|e| HeaderValue::from_str(&e).ok()) {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

/// A failure as a page with its status.
pub fn failure_page(f: &Failure, lang: Lang) -> Response {
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{}{APP_STYLE}</style></head>\n<body><main><p class=\"failure\" role=\"alert\">{}</p>\
         <p><a href=\"/\">{}</a></p></main></body></html>\n",
        lang.code(),
        escape(&ServeText::Workbench.localize(lang)),
        style(),
        escape(&f.message),
        escape(&ServeText::NavDashboard.localize(lang)),
    );
    (f.status, Html(body)).into_response()
}

/// Runs `work` (which reads files and runs rules) on a thread for blocking work, and frames
/// what it gives. A failure is shown in the page's frame with its status; a panic is caught
/// there and answered as an internal failure, and the server goes on.
pub async fn render(
    app: Arc<App>,
    ctx: Ctx,
    tab: Tab,
    work: impl FnOnce(&App, &Ctx) -> Result<Page, Failure> + Send + 'static,
) -> Response {
    let (app2, ctx2) = (app.clone(), ctx.clone());
    let done = tokio::task::spawn_blocking(move || work(&app2, &ctx2)).await;
    match done {
        Ok(Ok(page)) => respond(&app, &ctx, tab, page),
        Ok(Err(failure)) => {
            let body = format!(
                "<p class=\"failure\" role=\"alert\">{}</p>",
                escape(&failure.message)
            );
            let page = Page {
                title: ServeText::Workbench.localize(ctx.lang),
                body,
                etag: None,
            };
            (failure.status, respond(&app, &ctx, tab, page)).into_response()
        }
        Err(_) => failure_page(
            &Failure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ServeText::Internal.localize(ctx.lang),
            ),
            ctx.lang,
        ),
    }
}

/// Runs `work` off the server's threads and answers what it gives (for requests a script
/// sends): a panic is an internal failure, and the server goes on.
pub async fn blocking(
    lang: Lang,
    work: impl FnOnce() -> Result<Response, Failure> + Send + 'static,
) -> Response {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(response)) => response,
        Ok(Err(failure)) => failure.into_response(),
        Err(_) => Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ServeText::Internal.localize(lang),
        )
        .into_response(),
    }
}

/// Any other address.
pub async fn not_found(uri: Uri) -> Response {
    let lang = match uri.query() {
        Some(q) if q.split('&').any(|p| p == "lang=en") => Lang::En,
        _ => Lang::Ja,
    };
    failure_page(
        &Failure::new(
            StatusCode::NOT_FOUND,
            ServeText::NotFound {
                path: uri.path().to_string(),
            }
            .localize(lang),
        ),
        lang,
    )
}
