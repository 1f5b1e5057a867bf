//! `gyokaku serve`: the workbench in the browser. The same engine serves, on the same files,
//! the year's dashboard, the items with their sheets and traces, the rule playground, the
//! review of disagreements and the import of returned workbooks, as pages rendered here from
//! the report's documents with a little plain JavaScript (served by gyokaku, nothing fetched).
//!
//! One file per page; `safety` guards every request (the token, the host, same-origin writes)
//! and every write (inside the plan or rules folder, refused when the file changed since it
//! was shown); `app` holds what the server keeps between requests, keyed by the files'
//! contents so that a change on disk is always seen.

mod app;
mod assets;
mod dashboard;
pub mod import;
mod items;
mod page;
pub mod playground;
pub mod review;
mod safety;
pub mod text;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;

pub use app::{App, Options};
pub use safety::new_token;
pub use text::{ServeHelp, ServeText, StartError};

/// The most bytes of returned workbooks one import takes (a workbook is some 50 kB).
const IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// The server's routes, every request passing the guards of the `safety` module.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(dashboard::page))
        .route("/items", get(items::list))
        .route("/items/{id}", get(items::item))
        .route("/rules", get(playground::page))
        .route("/rules/try", post(playground::try_it))
        .route("/rules/save", post(playground::save))
        .route("/review", get(review::page).post(review::record))
        .route(
            "/import",
            get(import::page)
                .post(import::check)
                .layer(axum::extract::DefaultBodyLimit::max(IMPORT_BYTES)),
        )
        .route("/import/confirm", post(import::confirm))
        .route("/assets/app.js", get(assets::script))
        .fallback(page::not_found)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            safety::guard,
        ))
        .with_state(app)
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, app: Arc<App>) -> io::Result<()> {
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

#[cfg(test)]
mod tests;
