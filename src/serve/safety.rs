//! The guards every request passes and every write obeys. A request must carry the token when
//! the server has one, name a host it answers for (a page of another site cannot reach it by
//! a name that resolves here), and, when it changes anything, come from the server's own
//! pages (its `Origin` or `Sec-Fetch-Site`). A write names the version of the file it was
//! shown (`If-Match`, the file's content hash): a file changed since is never overwritten.
//! Files are written atomically, and only inside the plan or rules folder.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::app::{App, Ctx, Failure, PageQuery};
use super::page::failure_page;
use super::text::ServeText;
use crate::i18n::{Lang, Localize};

/// The name of the cookie that carries the token once a page was opened with it.
const TOKEN_COOKIE: &str = "gyokaku_token";

/// A new random token: 32 hexadecimal digits.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether two strings are equal, in a time that does not depend on where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// The language a refusal is worded in: the one the request's query asks for.
fn request_lang(req: &Request, app: &App) -> Lang {
    let asked: PageQuery = axum::extract::Query::try_from_uri(req.uri())
        .map(|q: axum::extract::Query<PageQuery>| q.0)
        .unwrap_or_default();
    Ctx::of(&asked, &app.options).lang
}

fn refuse(status: StatusCode, text: ServeText, lang: Lang) -> Response {
    failure_page(&Failure::new(status, text.localize(lang)), lang)
}

/// The value of `name` in the request's cookies.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The value of `name` in the request's query.
fn query_value(req: &Request, name: &str) -> Option<String> {
    let query = req.uri().query()?;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.to_string())
    })
}

/// Every request passes here first.
pub async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let lang = request_lang(&req, &app);
    let headers = req.headers();
    // 1. The host: a page elsewhere that makes its own name resolve to 127.0.0.1 still sends
    //    its own name, and is refused.
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    if !app.options.hosts.is_empty() && !app.options.hosts.contains(&host) {
        return refuse(StatusCode::FORBIDDEN, ServeText::WrongHost { host }, lang);
    }
    // 2. The token, when the server has one: in the Authorization header, the cookie, or the
    //    query of the address printed at start (which then sets the cookie).
    let mut set_cookie = None;
    if let Some(token) = &app.options.token {
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "));
        let from_query = query_value(&req, "token");
        let carried = bearer
            .map(str::to_string)
            .or_else(|| cookie(headers, TOKEN_COOKIE).map(str::to_string))
            .or(from_query.clone());
        if !carried.is_some_and(|c| same_secret(&c, token)) {
            return refuse(StatusCode::UNAUTHORIZED, ServeText::TokenRequired, lang);
        }
        if from_query.is_some() {
            set_cookie = Some(format!(
                "{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
            ));
        }
    }
    // 3. Writes come from the server's own pages only.
    if !matches!(*req.method(), Method::GET | Method::HEAD) && !same_origin(headers, &host) {
        return refuse(StatusCode::FORBIDDEN, ServeText::CrossOrigin, lang);
    }
    let started = std::time::Instant::now();
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    // The server's time for the request (pages are built whole before they are sent): the
    // browser's developer tools and the browser test show it.
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if let Ok(v) = HeaderValue::from_str(&format!("app;dur={ms:.1}")) {
        h.insert("server-timing", v);
    }
    // Pages are never framed by another site, scripts come only from here.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Not no-referrer: under it a browser sends `Origin: null` with a form, which is refused.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(c) = set_cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        h.insert(header::SET_COOKIE, c);
    }
    response
}

/// Whether a request that changes something comes from this server's pages: its `Origin` is
/// this server, or the browser says the request is same-origin. One of them must be there:
/// every browser sends `Origin` with a form or a script's POST.
fn same_origin(headers: &HeaderMap, host: &str) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok());
    let site = headers.get("sec-fetch-site").and_then(|h| h.to_str().ok());
    let origin_ok = origin.map(|o| {
        o.strip_prefix("http://")
            .or_else(|| o.strip_prefix("https://"))
            .is_some_and(|rest| rest == host)
    });
    let site_ok = site.map(|s| s == "same-origin" || s == "none");
    match (origin_ok, site_ok) {
        (None, None) => false,
        (o, s) => o.unwrap_or(true) && s.unwrap_or(true),
    }
}

/// The version of a file's content, as its ETag: a hash of the bytes (a write within the same
/// second as the page was shown still changes it).
pub fn version_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// The version of the file at `path` now (`None` when it cannot be read).
pub fn version_of_file(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| version_of(&b))
}

/// Checks that the file at `path` is still at the version `expected` that the page was shown:
/// a refusal naming `shown` (the path as the user knows it) otherwise.
pub fn unchanged_since(
    path: &Path,
    expected: Option<&str>,
    shown: &str,
    lang: Lang,
) -> Result<(), Failure> {
    let Some(expected) = expected.map(str::trim).filter(|e| !e.is_empty()) else {
        return Err(Failure::new(
            StatusCode::PRECONDITION_REQUIRED,
            ServeText::NoVersion { path: shown.into() }.localize(lang),
        ));
    };
    if version_of_file(path).as_deref() != Some(expected) {
        return Err(Failure::new(
            StatusCode::PRECONDITION_FAILED,
            ServeText::ChangedOnDisk { path: shown.into() }.localize(lang),
        ));
    }
    Ok(())
}

/// The version a write request names: its `If-Match` header.
pub fn if_match(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::IF_MATCH)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
}

/// `relative` inside `folder`, when it names a file there: no absolute path, no `..`, no
/// link out of it.
pub fn inside(folder: &Path, relative: &str) -> Option<PathBuf> {
    let rel = Path::new(relative);
    if relative.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let base = folder.canonicalize().ok()?;
    let full = base.join(rel).canonicalize().ok()?;
    full.starts_with(&base).then_some(full)
}

/// A failure as a response (a page, or plain text for a script).
impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.status, self.message).into_response()
    }
}
