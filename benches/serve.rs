//! The workbench's server time (`gyokaku serve`, issue 25): every page of the bundled plan
//! (aimed at ≤ 50 ms each), the rule playground trying an edit of the B band of rating.rhai
//! (the rule tests and the plan-wide diff, aimed at ≤ 150 ms), and the dashboard of a folder of
//! plans through a warm cache (100 plans; the national 1,741 with `GYOKAKU_BENCH_NATIONAL=1`,
//! aimed at ≤ 1 s). Requests go through the router with its guards, as the browser's do, on a
//! copy of the plan and rules under `target/`.
//!
//! ```text
//! cargo bench --bench serve
//! GYOKAKU_BENCH_NATIONAL=1 cargo bench --bench serve -- folder
//! ```

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::corpus;
use criterion::{criterion_group, criterion_main, Criterion};
use gyokaku::i18n::Lang;
use gyokaku::model::{PlanCache, PlanLoader};
use gyokaku::serve::{router, App, Options};
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:9";

fn app(root: &Path, loader: PlanLoader) -> Arc<App> {
    Arc::new(App::new(Options {
        root: root.to_path_buf(),
        rules: None,
        loader,
        lang: Lang::Ja,
        token: None,
        hosts: vec![HOST.to_string()],
    }))
}

/// Sends `req` and reads the whole answer, which must be 200.
fn send(rt: &tokio::runtime::Runtime, app: &Arc<App>, req: Request<Body>) -> usize {
    rt.block_on(async {
        let response = router(app.clone()).oneshot(req).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .len()
    })
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap()
}

/// A copy of `from` at `to` (files and folders).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    // The bundled plan and its rules, copied as `plans/isehara-6` naming `../../rules`.
    let work = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-serve");
    let _ = std::fs::remove_dir_all(&work);
    copy_dir(&corpus::template(), &work.join("plans/isehara-6"));
    copy_dir(&corpus::rules(), &work.join("rules"));
    let plan = work.join("plans/isehara-6");
    let bundled = app(
        &plan,
        PlanLoader::cached(PlanCache::new(work.join("cache"))),
    );

    let mut pages = c.benchmark_group("serve: a page of the bundled plan");
    pages.sample_size(20);
    pages.measurement_time(Duration::from_secs(5));
    for uri in [
        "/",
        "/?lang=en",
        "/items",
        "/items?differs=1",
        "/items/5-8-3",
        "/rules?file=rating.rhai",
        "/review",
        "/import",
    ] {
        send(&rt, &bundled, get(uri));
        pages.bench_function(uri, |b| b.iter(|| send(&rt, &bundled, get(uri))));
    }
    pages.finish();

    // An edit of the B band, tried as the editor sends it after each keystroke.
    let rating = std::fs::read_to_string(work.join("rules/rating.rhai")).unwrap();
    let edited = rating.replace("if a >= 0.8 {", "if a >= 0.95 {");
    assert_ne!(edited, rating, "the B band is in rating.rhai");
    let mut playground = c.benchmark_group("serve: the playground");
    playground.sample_size(20);
    playground.measurement_time(Duration::from_secs(10));
    let mut n = 0u32;
    playground.bench_function(
        "try an edit of the B band (tests and plan-wide diff)",
        |b| {
            b.iter(|| {
                // Each edit differs (a comment of its own), as typing does: nothing compiled
                // before is reused.
                n += 1;
                let body = serde_json::json!({
                    "file": "rating.rhai",
                    "text": format!("{edited}\n// {n}\n"),
                });
                let req = Request::post("/rules/try")
                    .header(header::HOST, HOST)
                    .header(header::ORIGIN, format!("http://{HOST}"))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(serde_json::to_vec(&body).unwrap()))
                    .unwrap();
                send(&rt, &bundled, req)
            })
        },
    );
    playground.finish();

    let mut sizes = vec![("100 plans", 100)];
    if std::env::var_os("GYOKAKU_BENCH_NATIONAL").is_some() {
        sizes.push(("national, 1,741 plans", 1741));
    }
    let mut folder = c.benchmark_group("serve: the dashboard of a folder of plans, warm cache");
    folder.sample_size(10);
    folder.measurement_time(Duration::from_secs(20));
    for (name, plans) in sizes {
        let dir = corpus::ensure(&corpus::default_dir(plans), plans).expect("corpus written");
        let served = app(
            &dir,
            PlanLoader::cached(PlanCache::new(
                dir.with_file_name(format!("cache-serve-{plans}")),
            )),
        );
        // Warm: a first look stores every plan; one after the racy window finds them all.
        send(&rt, &served, get("/"));
        std::thread::sleep(Duration::from_secs(gyokaku::model::RACY_SECONDS + 1));
        send(&rt, &served, get("/"));
        folder.bench_function(name, |b| b.iter(|| send(&rt, &served, get("/"))));
    }
    folder.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
