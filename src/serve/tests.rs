//! The server driven through its router (no socket), and once over a real socket with garbage.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

use super::{router, App, Options};
use crate::i18n::Lang;
use crate::model::testing::copy_dir;
use crate::model::PlanLoader;

const HOST: &str = "127.0.0.1:9";

/// A copy of the bundled plan and rules in `tmp`: `tmp/plans/isehara-6` naming `tmp/rules`.
pub(super) fn workbench(tmp: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&root.join("plans/isehara-6"), &tmp.join("plans/isehara-6"));
    copy_dir(&root.join("rules"), &tmp.join("rules"));
    tmp.join("plans/isehara-6")
}

pub(super) fn app(plan: &Path, token: Option<&str>) -> Arc<App> {
    Arc::new(App::new(Options {
        root: plan.to_path_buf(),
        rules: None,
        loader: PlanLoader::default(),
        lang: Lang::Ja,
        token: token.map(String::from),
        hosts: if token.is_some() {
            Vec::new()
        } else {
            vec![HOST.to_string()]
        },
    }))
}

pub(super) struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
}

pub(super) async fn send(app: &Arc<App>, req: Request<Body>) -> Answer {
    let response = router(app.clone()).oneshot(req).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub(super) fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap()
}

/// A POST from the server's own page.
pub(super) fn post_json(uri: &str) -> axum::http::request::Builder {
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "application/json")
}

fn json_body(json: &serde_json::Value) -> Body {
    Body::from(serde_json::to_vec(json).unwrap())
}

#[tokio::test]
async fn the_dashboard_shows_the_years_figures_in_either_language() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app(&workbench(tmp.path()), None);
    let ja = send(&app, get("/")).await;
    assert_eq!(ja.status, StatusCode::OK);
    assert!(ja.text.contains("797,733"), "{}", ja.text);
    assert!(ja.text.contains("令和5年度の取組結果"), "{}", ja.text);
    assert!(ja.text.contains("<svg"), "the charts");
    // The report's 推移 too, seen from the year shown.
    assert!(ja.text.contains("<h2>推移</h2>"), "{}", ja.text);
    // The server's time, for the browser's tools and the browser test.
    let timing = ja.headers["server-timing"].to_str().unwrap();
    assert!(
        timing
            .strip_prefix("app;dur=")
            .is_some_and(|ms| ms.parse::<f64>().is_ok()),
        "{timing}"
    );
    let en = send(&app, get("/?lang=en&year=R5")).await;
    assert!(en.text.contains("797,733") && en.text.contains("lang=\"en\""));
    let outside = send(&app, get("/?year=R12")).await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    let unreadable = send(&app, get("/?year=%FF%FE")).await;
    assert!(unreadable.status.is_client_error());
}

#[tokio::test]
async fn items_are_filtered_and_each_shows_its_sheet_and_trace() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app(&workbench(tmp.path()), None);
    let all = send(&app, get("/items")).await;
    assert!(all.text.contains("71項目中71項目"), "{}", all.text);
    let differs = send(&app, get("/items?differs=1")).await;
    assert!(differs.text.contains("71項目中2項目"), "{}", differs.text);
    assert!(differs.text.contains("時間外勤務の縮減"));
    let policy = send(&app, get("/items?policy=4&rating=B")).await;
    assert!(policy.text.contains("71項目中7項目"), "{}", policy.text);
    let weak = send(
        &app,
        get("/items?weak=1&department=%E4%BC%81%E7%94%BB%E9%83%A8"),
    )
    .await;
    assert!(weak.text.contains("根拠弱"), "{}", weak.text);
    let item = send(&app, get("/items/5-8-3")).await;
    assert_eq!(item.status, StatusCode::OK);
    assert!(item.text.contains("企業版ふるさと納税"));
    assert!(item.text.contains("id=\"trace\""), "the explain trace");
    assert!(item.text.contains("kinds/cumulative.rhai"), "{}", item.text);
    assert_eq!(
        send(&app, get("/items/9-9-9")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app, get("/items/..%2Fplan")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(&app, get("/nowhere")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn another_host_and_writes_from_elsewhere_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app(&workbench(tmp.path()), None);
    let rebound = Request::get("/")
        .header(header::HOST, "attacker.example:9")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, rebound).await.status, StatusCode::FORBIDDEN);
    let body = serde_json::json!({"file": "rating.rhai", "text": ""});
    for origin in [None, Some("http://attacker.example"), Some("null")] {
        let mut req = Request::post("/rules/save")
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(o) = origin {
            req = req.header(header::ORIGIN, o);
        }
        let a = send(&app, req.body(json_body(&body)).unwrap()).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{origin:?}");
    }
    let cross_site = Request::post("/rules/try")
        .header(header::HOST, HOST)
        .header("sec-fetch-site", "cross-site")
        .header(header::CONTENT_TYPE, "application/json")
        .body(json_body(&body))
        .unwrap();
    assert_eq!(send(&app, cross_site).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_server_with_a_token_refuses_every_request_without_it() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app(&workbench(tmp.path()), Some("s3cret"));
    assert_eq!(send(&app, get("/")).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        send(&app, get("/assets/app.js")).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&app, get("/?token=wrong")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let opened = send(&app, get("/?token=s3cret")).await;
    assert_eq!(opened.status, StatusCode::OK);
    let cookie = opened.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let with_cookie = Request::get("/items")
        .header(header::HOST, "192.0.2.1:8080")
        .header(header::COOKIE, "gyokaku_token=s3cret")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, with_cookie).await.status, StatusCode::OK);
    let bearer = Request::get("/items")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, bearer).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_playground_tries_an_edit_and_saves_only_as_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app(&workbench(tmp.path()), None);
    let rating = tmp.path().join("rules/rating.rhai");
    let original = fs::read_to_string(&rating).unwrap();
    let page = send(&app, get("/rules?file=rating.rhai")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains(" 件成功、0 件失敗"), "{}", page.text);
    let etag = page.headers[header::ETAG].to_str().unwrap().to_string();

    // The B band moved: tests fail and suggestions change, on a scratch copy.
    let edited = original.replace("if a >= 0.8 {", "if a >= 0.95 {");
    assert_ne!(edited, original);
    let edit = serde_json::json!({"file": "rating.rhai", "text": edited});
    let tried = send(
        &app,
        post_json("/rules/try").body(json_body(&edit)).unwrap(),
    )
    .await;
    assert_eq!(tried.status, StatusCode::OK, "{}", tried.text);
    let tried: serde_json::Value = serde_json::from_str(&tried.text).unwrap();
    let failing: Vec<String> = serde_json::from_value(tried["failing"].clone()).unwrap();
    assert_eq!(failing.len(), 5, "{failing:?}");
    let html = tried["html"].as_str().unwrap();
    assert!(html.contains(" 件成功、5 件失敗"), "{html}");
    assert!(html.contains("id=\"diff\""), "{html}");
    assert_eq!(
        fs::read_to_string(&rating).unwrap(),
        original,
        "nothing written"
    );

    // Save: needs the version shown, refuses a stale one, refuses failing tests not named.
    let save = |etag: Option<&str>, body: serde_json::Value| {
        let mut req = post_json("/rules/save");
        if let Some(e) = etag {
            req = req.header(header::IF_MATCH, e);
        }
        req.body(json_body(&body)).unwrap()
    };
    assert_eq!(
        send(&app, save(None, edit.clone())).await.status,
        StatusCode::PRECONDITION_REQUIRED
    );
    assert_eq!(
        send(&app, save(Some("\"stale\""), edit.clone()))
            .await
            .status,
        StatusCode::PRECONDITION_FAILED
    );
    let refused = send(&app, save(Some(&etag), edit.clone())).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(
        refused.text.contains("rules/tests/rating.toml:18"),
        "{}",
        refused.text
    );
    let mut some = edit.clone();
    some["accept_failing"] = serde_json::json!(failing[..4]);
    assert_eq!(
        send(&app, save(Some(&etag), some)).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        fs::read_to_string(&rating).unwrap(),
        original,
        "nothing written"
    );
    let mut all = edit.clone();
    all["accept_failing"] = serde_json::json!(failing);
    let saved = send(&app, save(Some(&etag), all.clone())).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(fs::read_to_string(&rating).unwrap(), edited);
    // The page shown before the save is stale now.
    assert_eq!(
        send(&app, save(Some(&etag), all)).await.status,
        StatusCode::PRECONDITION_FAILED
    );

    // Only the rule set's own files, never a path out of it.
    for file in [
        "../plans/isehara-6/plan.toml",
        "/etc/passwd",
        "tests/rating.toml",
        "nope.rhai",
    ] {
        let body = serde_json::json!({"file": file, "text": "x"});
        let a = send(
            &app,
            post_json("/rules/try").body(json_body(&body)).unwrap(),
        )
        .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{file}");
    }
}

#[tokio::test]
async fn a_runaway_loop_typed_in_the_playground_is_stopped_and_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app(&workbench(tmp.path()), None);
    let original = fs::read_to_string(tmp.path().join("rules/rating.rhai")).unwrap();
    let text = original.replace("if a >= 0.8 {", "loop { let q = 1; }\n    if a >= 0.8 {");
    let body = serde_json::json!({"file": "rating.rhai", "text": text});
    let a = send(
        &app,
        post_json("/rules/try").body(json_body(&body)).unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.text.contains("100000"), "{}", a.text);
    assert!(a.text.contains("rules/rating.rhai"), "{}", a.text);
    let broken = serde_json::json!({"file": "rating.rhai", "text": "fn rating(x, a) { 1 + }"});
    let b = send(
        &app,
        post_json("/rules/try").body(json_body(&broken)).unwrap(),
    )
    .await;
    assert!(
        b.text.contains("rules-error") && b.text.contains("rating.rhai"),
        "{}",
        b.text
    );
    // The server goes on.
    assert_eq!(send(&app, get("/")).await.status, StatusCode::OK);
}

/// Every endpoint, with the method it answers (kept beside the router's routes).
const ENDPOINTS: &[(&str, &str)] = &[
    ("GET", "/"),
    ("GET", "/items"),
    ("GET", "/items/5-8-3"),
    ("GET", "/rules"),
    ("GET", "/rules?file=rating.rhai"),
    ("POST", "/rules/try"),
    ("POST", "/rules/save"),
    ("GET", "/review"),
    ("POST", "/review"),
    ("GET", "/import"),
    ("POST", "/import"),
    ("POST", "/import/confirm"),
    ("GET", "/assets/app.js"),
];

/// A small deterministic generator: the same garbage every run.
struct Garbage(u64);

impl Garbage {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }

    fn bytes(&mut self, max: u64) -> Vec<u8> {
        let len = self.below(max);
        (0..len).map(|_| self.next() as u8).collect()
    }

    fn text(&mut self, max: u64) -> String {
        const PIECES: &[&str] = &[
            "{",
            "}",
            "\"",
            "file",
            "text",
            "rating.rhai",
            "../",
            "\u{0}",
            "accept_failing",
            "[",
            "]",
            ",",
            ":",
            "null",
            "1e999",
            "fn rating(x, a) {",
            "loop {}",
            "ＡＢ",
            "\\u0000",
            "lang",
            "en",
            "year",
            "R5",
            "plan",
            "%",
            "--x\r\n",
            "Content-Disposition: form-data",
        ];
        let n = self.below(max);
        (0..n)
            .map(|_| PIECES[self.below(PIECES.len() as u64)])
            .collect()
    }

    /// A request body: random bytes, random JSON-like pieces, or a well-formed edit of random
    /// text.
    fn body(&mut self) -> Vec<u8> {
        match self.below(6) {
            0 => self.bytes(4096),
            1 => Vec::new(),
            2 => {
                let text = self.text(40);
                serde_json::to_vec(&serde_json::json!({"file": "rating.rhai", "text": text}))
                    .unwrap()
            }
            3 => serde_json::to_vec(&serde_json::json!({
                "file": self.text(4), "text": 5, "accept_failing": "all"
            }))
            .unwrap(),
            _ => self.text(60).into_bytes(),
        }
    }
}

/// Sends `request` to `addr` and reads the status of the answer (`None`: no HTTP answer).
fn exchange(addr: std::net::SocketAddr, request: &[u8]) -> Option<u16> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .ok()?;
    stream.write_all(request).ok()?;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let head = String::from_utf8_lossy(&answer);
    head.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
}

#[test]
fn garbage_sent_to_every_endpoint_leaves_the_server_answering() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = workbench(tmp.path());
    let rules_before = fs::read_to_string(tmp.path().join("rules/rating.rhai")).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let host = addr.to_string();
    let app = Arc::new(App::new(Options {
        root: plan.clone(),
        rules: None,
        loader: PlanLoader::default(),
        lang: Lang::Ja,
        token: None,
        hosts: vec![host.clone()],
    }));
    runtime.spawn(super::serve(listener, app));

    let mut g = Garbage(0x9e37_79b9_7f4a_7c15);
    let content_types = [
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "multipart/form-data",
        "text/plain",
        "application/octet-stream",
    ];
    for round in 0..120 {
        let (method, path) = ENDPOINTS[round % ENDPOINTS.len()];
        let request = if round % 23 == 22 {
            // Not HTTP at all.
            g.bytes(512)
        } else {
            let body = g.body();
            let query = if g.below(3) == 0 {
                format!(
                    "{}{}",
                    if path.contains('?') { "&" } else { "?" },
                    g.text(6)
                )
                .replace([' ', '\r', '\n'], "")
            } else {
                String::new()
            };
            let mut head = format!(
                "{method} {path}{query} HTTP/1.1\r\nHost: {host}\r\nOrigin: http://{host}\r\n\
                 Content-Type: {}\r\nIf-Match: \"{}\"\r\nConnection: close\r\n",
                content_types[g.below(content_types.len() as u64)],
                g.below(1 << 20)
            );
            // Sometimes a length shorter than the body: the rest reads as a next request.
            let length = match g.below(6) {
                0 => body.len().saturating_sub(3),
                _ => body.len(),
            };
            head.push_str(&format!("Content-Length: {length}\r\n\r\n"));
            let mut bytes = head.into_bytes();
            bytes.extend_from_slice(&body);
            bytes
        };
        if let Some(status) = exchange(addr, &request) {
            assert!(
                status < 500,
                "round {round}: {method} {path} answered {status}"
            );
        }
    }
    // The server still answers every page, and nothing was written.
    for (method, path) in ENDPOINTS.iter().filter(|(m, _)| *m == "GET") {
        let request =
            format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(exchange(addr, request.as_bytes()), Some(200), "{path}");
    }
    assert_eq!(
        fs::read_to_string(tmp.path().join("rules/rating.rhai")).unwrap(),
        rules_before
    );
}

fn form(uri: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// The value of `name="…"`'s `value` in the form of the review of `item`.
fn review_version(page: &str, item: &str) -> String {
    let form = &page[page.find(&format!("id=\"review-{item}\"")).unwrap()..];
    let at = form.find("name=\"version\" value=\"").unwrap() + "name=\"version\" value=\"".len();
    let end = form[at..].find('"').unwrap();
    form[at..at + end].replace("&quot;", "\"")
}

#[tokio::test]
async fn a_review_keeps_or_adopts_and_is_written_to_the_item_file() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = workbench(tmp.path());
    let app = app(&plan, None);
    let page = send(&app, get("/review")).await;
    assert_eq!(page.status, StatusCode::OK);
    // The two disagreements and the nine weak readings.
    assert_eq!(
        page.text.matches("class=\"review\"").count(),
        11,
        "{}",
        page.text
    );
    let file = plan.join("items/1-3-4.toml");
    let before = fs::read_to_string(&file).unwrap();
    let version = review_version(&page.text, "1-3-4");

    // Keeping needs a reason; a stale version is refused; nothing is written.
    let no_reason = format!(
        "item=1-3-4&version={}&decision=kept&reason=&date=2025-01-15",
        super::app::encode(&version)
    );
    assert_eq!(
        send(&app, form("/review", &no_reason)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let stale = "item=1-3-4&version=%22old%22&decision=kept&reason=x&date=2025-01-15";
    assert_eq!(
        send(&app, form("/review", stale)).await.status,
        StatusCode::PRECONDITION_FAILED
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), before);

    let kept = format!(
        "item=1-3-4&version={}&decision=kept&reason=%E8%B6%85%E9%81%8E%E5%8B%A4%E5%8B%99%E3%81%AF%E5%A2%97%E3%81%88%E3%81%9F&date=2025-01-15",
        super::app::encode(&version)
    );
    let done = send(&app, form("/review?year=R5", &kept)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
    assert!(done.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .contains("saved=1-3-4"));
    let after = fs::read_to_string(&file).unwrap();
    assert!(
        after.starts_with(&before[..before.find("[years.R6]").unwrap()]),
        "{after}"
    );
    assert!(after.contains("[years.R5.review]\ndecision = \"kept\"\nrating = \"C\"\nsuggested = \"B\"\nreason = \"超過勤務は増えた\"\ndate = 2025-01-15\n"), "{after}");
    // The sheet shows it, and the review page counts it.
    let sheet = send(&app, get("/items/1-3-4")).await;
    assert!(sheet.text.contains("超過勤務は増えた"), "{}", sheet.text);
    let again = send(&app, get("/review?saved=1-3-4")).await;
    assert!(
        again
            .text
            .contains("確認済み 1件(記録の評価を維持 1件、規則の評価を採用 0件)"),
        "{}",
        again.text
    );

    // R5 is published: adopting the suggestion amends a published rating, so it needs the
    // amendment's reason; without one nothing is written.
    assert!(
        again.text.contains("id=\"review-published\""),
        "{}",
        again.text
    );
    let version = review_version(&again.text, "3-6-1");
    let before = fs::read_to_string(plan.join("items/3-6-1.toml")).unwrap();
    let adopt = format!(
        "item=3-6-1&version={}&decision=adopted&date=2025-01-16",
        super::app::encode(&version)
    );
    let refused = send(&app, form("/review", &adopt)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("訂正の理由"), "{}", refused.text);
    assert_eq!(
        fs::read_to_string(plan.join("items/3-6-1.toml")).unwrap(),
        before
    );
    // Adopting the suggestion changes the recorded rating: it no longer disagrees.
    let adopt = format!("{adopt}&reason=%E5%86%8D%E9%9B%86%E8%A8%88");
    assert_eq!(
        send(&app, form("/review", &adopt)).await.status,
        StatusCode::SEE_OTHER
    );
    let items = send(&app, get("/items?differs=1")).await;
    assert!(items.text.contains("71項目中1項目"), "{}", items.text);
    let text = fs::read_to_string(plan.join("items/3-6-1.toml")).unwrap();
    assert!(
        text.contains(
            "decision = \"adopted\"\nrating = \"A\"\nsuggested = \"A\"\nprevious = \"B\""
        ),
        "{text}"
    );
    // … recorded as an amendment of the published rating, as sheet --internal lists it.
    assert!(
        text.ends_with(
            "[[amendments]]\nyear = \"R5\"\nfield = \"rating\"\nold = \"B\"\nnew = \"A\"\nreason = \"再集計\"\ndate = \"2025-01-16\"\n"
        ),
        "{text}"
    );
    for bad in [
        "item=9-9-9&decision=kept",
        "item=1-3-4&decision=maybe&version=x",
        "decision=kept",
        "%%%",
    ] {
        let a = send(&app, form("/review", bad)).await;
        assert!(a.status.is_client_error(), "{bad}: {}", a.status);
    }
}

/// The year's workbook of 企画部 for R6 with `cells` (`J5` → text) typed into its entry cells.
fn returned_workbook(plan: &Path, cells: &[(&str, &str)]) -> Vec<u8> {
    returned_workbook_of(plan, 6, cells)
}

/// The workbook of 企画部 for the year 令和`reiwa` with `cells` typed into its entry cells.
fn returned_workbook_of(plan: &Path, reiwa: u16, cells: &[(&str, &str)]) -> Vec<u8> {
    use std::io::{Read, Write};
    let plan = crate::model::load_plan(plan).unwrap();
    let scale = plan.scale.clone().unwrap();
    let template = crate::cycle::write_template(
        &plan,
        &crate::cycle::TemplateOptions {
            year: crate::model::FiscalYear::reiwa(reiwa),
            department: Some("企画部"),
            scale: &scale,
            item_sheets: false,
        },
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(template)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let mut xml = String::from_utf8(bytes).unwrap();
            for (cell, text) in cells {
                let at = xml.find(&format!("<c r=\"{cell}\" ")).unwrap();
                let end = at + xml[at..].find("/>").unwrap();
                let style = xml[at..end]
                    .split("s=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .to_string();
                xml.replace_range(
                    at..end + 2,
                    &format!(
                        "<c r=\"{cell}\" s=\"{style}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"
                    ),
                );
            }
            bytes = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn multipart(uri: &str, books: &[(&str, Vec<u8>)]) -> Request<Body> {
    multipart_amending(uri, books, None)
}

/// The import form with `books` and, when given, the reason of an amendment.
fn multipart_amending(uri: &str, books: &[(&str, Vec<u8>)], amend: Option<&str>) -> Request<Body> {
    let mut body = Vec::new();
    if let Some(reason) = amend {
        body.extend_from_slice(
            format!("--XYZ\r\nContent-Disposition: form-data; name=\"amend\"\r\n\r\n{reason}\r\n")
                .as_bytes(),
        );
    }
    for (name, bytes) in books {
        body.extend_from_slice(
            format!("--XYZ\r\nContent-Disposition: form-data; name=\"workbooks\"; filename=\"{name}\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--XYZ--\r\n");
    Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XYZ")
        .body(Body::from(body))
        .unwrap()
}

fn item_texts(plan: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = fs::read_dir(plan.join("items"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap())
        .collect()
}

#[tokio::test]
async fn an_import_shows_the_dry_run_and_takes_in_only_what_was_confirmed() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = workbench(tmp.path());
    let app = app(&plan, None);
    let before = item_texts(&plan);
    let page = send(&app, get("/import?year=R6")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("報告状況"), "{}", page.text);

    // One bad cell: named with its place, nothing written.
    let bad = returned_workbook(&plan, &[("J6", "1"), ("J5", "5人")]);
    let refused = send(&app, multipart("/import", &[("R6_企画部.xlsx", bad)])).await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(
        refused.text.contains("R6_企画部.xlsx!実績入力!J5"),
        "{}",
        refused.text
    );
    assert!(
        !refused.text.contains("id=\"import-confirm\""),
        "{}",
        refused.text
    );
    assert_eq!(item_texts(&plan), before);

    // A good one: the dry run item by item, then confirmed.
    let good = returned_workbook(&plan, &[("J5", "5"), ("L5", "B")]);
    let checked = send(
        &app,
        multipart("/import", &[("../../R6_企画部.xlsx", good.clone())]),
    )
    .await;
    assert!(checked.text.contains("1-1-1"), "{}", checked.text);
    assert_eq!(item_texts(&plan), before, "a dry run writes nothing");
    let id_at = checked.text.find("name=\"upload\" value=\"").unwrap() + 21;
    let id = &checked.text[id_at..id_at + 32];
    let confirm = form("/import/confirm", &format!("upload={id}"));
    let done = send(&app, confirm).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert!(done.text.contains("import-done"), "{}", done.text);
    let item = fs::read_to_string(plan.join("items/1-1-1.toml")).unwrap();
    assert!(item.contains("actual = \"5\""), "{item}");
    // A confirmation is used once.
    let again = send(&app, form("/import/confirm", &format!("upload={id}"))).await;
    assert_eq!(again.status, StatusCode::GONE);

    // An item file changed after the dry run: refused.
    let checked = send(
        &app,
        multipart(
            "/import",
            &[("b.xlsx", returned_workbook(&plan, &[("J6", "1")]))],
        ),
    )
    .await;
    let id_at = checked.text.find("name=\"upload\" value=\"").unwrap() + 21;
    let id = checked.text[id_at..id_at + 32].to_string();
    let other = plan.join("items/1-1-2.toml");
    fs::write(
        &other,
        fs::read_to_string(&other).unwrap() + "\n# edited elsewhere\n",
    )
    .unwrap();
    let refused = send(&app, form("/import/confirm", &format!("upload={id}"))).await;
    assert_eq!(
        refused.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        refused.text
    );
}

#[tokio::test]
async fn a_published_year_is_changed_only_as_an_amendment_with_its_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = workbench(tmp.path());
    let app = app(&plan, None);
    let before = item_texts(&plan);
    // R5 is published: 1-1-1's actual 3 → 4 is refused at its cell, nothing written.
    let book = returned_workbook_of(&plan, 5, &[("J5", "4")]);
    let refused = send(
        &app,
        multipart("/import", &[("R5_企画部.xlsx", book.clone())]),
    )
    .await;
    assert!(
        refused.text.contains("R5_企画部.xlsx!実績入力!J5") && refused.text.contains("公表済み"),
        "{}",
        refused.text
    );
    assert!(!refused.text.contains("id=\"import-confirm\""));
    // The page points at its own reason field, not at the command line's --amend.
    assert!(
        refused
            .text
            .contains("「公表済みの年度を訂正する理由」欄に理由を書いたときだけ取り込みます")
            && !refused.text.contains("--amend"),
        "{}",
        refused.text
    );
    // A reason of spaces is no reason.
    let blank = multipart_amending("/import", &[("R5_企画部.xlsx", book.clone())], Some("  "));
    assert!(send(&app, blank)
        .await
        .text
        .contains("id=\"import-errors\""));
    assert_eq!(item_texts(&plan), before);

    // With the reason: the dry run says it is an amendment, confirming records it.
    let checked = send(
        &app,
        multipart_amending(
            "/import",
            &[("R5_企画部.xlsx", book)],
            Some("集計漏れの訂正"),
        ),
    )
    .await;
    assert!(
        checked.text.contains("公表済みの実績の訂正 1件")
            && checked.text.contains("集計漏れの訂正"),
        "{}",
        checked.text
    );
    assert_eq!(item_texts(&plan), before, "a dry run writes nothing");
    let id_at = checked.text.find("name=\"upload\" value=\"").unwrap() + 21;
    let id = &checked.text[id_at..id_at + 32];
    let done = send(&app, form("/import/confirm", &format!("upload={id}"))).await;
    assert!(done.text.contains("import-done"), "{}", done.text);
    let item = fs::read_to_string(plan.join("items/1-1-1.toml")).unwrap();
    let today = crate::cycle::today_in_japan();
    assert!(
        item.ends_with(&format!(
            "[[amendments]]\nyear = \"R5\"\nfield = \"actual\"\nold = \"3\"\nnew = \"4\"\nreason = \"集計漏れの訂正\"\ndate = \"{today}\"\n"
        )),
        "{item}"
    );
}
