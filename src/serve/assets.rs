//! The workbench's script, served by gyokaku itself: plain JavaScript, no build step, nothing
//! fetched from elsewhere. Pages work without it (forms submit); it reloads a filter as soon
//! as it changes and runs the rule playground.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The script of every page.
const SCRIPT: &str = include_str!("app.js");

/// `GET /assets/app.js`.
pub async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}
