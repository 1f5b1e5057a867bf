//! The rule playground: the analyst's loop without a terminal. Any script or data file of the
//! plan's rule set opens in an editor; each edit is tried at once on a scratch copy (the rule
//! set with that file's text replaced in memory) — the rule tests (`gyokaku test`) and what
//! the edit does to the whole plan (`gyokaku diff`: which items' suggestions and effects
//! change, the totals before and after). Nothing is written until Save, and Save writes only
//! when the tests pass, or when the request names every failing test as knowingly accepted,
//! and only while the file is still the version the editor opened.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use serde::Deserialize;

use super::app::{App, Ctx, Failure, PageQuery};
use super::page::{blocking, render, Page, Tab};
use super::safety::{if_match, inside, unchanged_since, version_of};
use crate::cycle::commit::{commit, PendingFile};
use crate::engine::{DirRules, EditedRules, RuleSet, RuleSource};
use crate::evaluation::{evaluate, RuleDiff};
use crate::i18n::{Lang, Localize};
use crate::model::Plan;
use crate::report::diff_document;
use crate::report::render::html_parts::{body, escape};
use crate::ruletest::{cases_of, render_results, run_cases, summary_line, TestRun};

crate::i18n::messages! {
    /// What the rule playground says.
    #[derive(Debug, Clone)]
    pub enum PlaygroundText {
        /// The page's heading.
        Title { folder: String } =>
            ja: "ルールの調整: {folder}",
            en: "Rule playground: {folder}";
        /// Before the list of files.
        Files =>
            ja: "ファイルを選んで編集します。編集するたびに、保存する前の写しでルールのテストと計画全体への影響を計算します",
            en: "Choose a file to edit. Every edit is tried on a scratch copy before anything is saved: the rule tests and what it does to the whole plan";
        /// The save button.
        Save =>
            ja: "保存",
            en: "Save";
        /// The heading of the tests.
        Tests =>
            ja: "ルールのテスト",
            en: "Rule tests";
        /// The heading of the diff.
        Effect =>
            ja: "計画全体への影響(保存前)",
            en: "What it does to the plan (before saving)";
        /// The rules do not load or compile: nothing can run.
        DoesNotLoad { reason: String } =>
            ja: "このルールは読み込めません: {reason}",
            en: "these rules do not load: {reason}";
        /// A rule failed while the plan was evaluated.
        EvaluationFailed { reason: String } =>
            ja: "計画の評価中にルールが失敗しました: {reason}",
            en: "a rule failed while evaluating the plan: {reason}";
        /// The test cases cannot be read.
        CasesUnreadable { reason: String } =>
            ja: "テストケースを読めません: {reason}",
            en: "the test cases cannot be read: {reason}";
        /// A file that is not one of the rule set's.
        NotARuleFile { file: String } =>
            ja: "{file} はこのルールセットのスクリプトやデータのファイルではありません",
            en: "{file} is not a script or data file of this rule set";
        /// Saving is refused while tests fail.
        TestsFail { failing: Vec<String> } =>
            ja: "テストが通らないので保存しません。失敗したテスト: {failing}。承知のうえで保存するには、失敗したテストをすべて指定してください",
            en: "not saved: tests fail ({failing}). To save anyway, name every failing test";
        /// Saving is refused while the rules do not load.
        NotSavedBroken =>
            ja: "読み込めないルールは保存しません",
            en: "rules that do not load are not saved";
        /// Saved.
        Saved { file: String } =>
            ja: "{file} を保存しました",
            en: "{file} saved";
        /// Saved with failing tests, knowingly.
        SavedFailing { file: String, failing: Vec<String> } =>
            ja: "{file} を保存しました(失敗したテストを承知: {failing})",
            en: "{file} saved (failing tests accepted: {failing})";
        /// The checkbox that accepts failing tests.
        SaveAnyway =>
            ja: "上のテストが失敗することを承知で保存する",
            en: "save knowing the tests above fail";
        /// While an edit is tried.
        Trying =>
            ja: "計算中…",
            en: "computing…";
    }
}

/// The plan's rule set folder and the files of it that can be edited (relative paths).
fn rule_files(app: &App, ctx: &Ctx) -> Result<(Plan, PathBuf, Vec<String>), Failure> {
    let dir = app.plan_dir(ctx)?;
    let plan = (app.workspace.load(&dir)).map_err(|e| Failure::plan(&e, ctx.lang))?;
    let folder = (app.workspace.rules_folder(&plan)).map_err(|e| Failure::plan(&e, ctx.lang))?;
    let files = DirRules::new(&folder)
        .files()
        .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let names = files
        .into_iter()
        .map(|f| f.path.to_string_lossy().replace('\\', "/"))
        .collect();
    Ok((plan, folder, names))
}

/// The file `name` of the rule set, when it is one of its files and inside its folder.
fn rule_file(
    folder: &std::path::Path,
    names: &[String],
    name: &str,
    lang: Lang,
) -> Result<PathBuf, Failure> {
    let refuse = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            PlaygroundText::NotARuleFile { file: name.into() }.localize(lang),
        )
    };
    if !names.iter().any(|n| n == name) {
        return Err(refuse());
    }
    inside(folder, name).ok_or_else(refuse)
}

/// The query of the playground page.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FileQuery {
    #[serde(flatten)]
    page: PageQuery,
    /// The file to edit, relative to the rule set's folder.
    file: Option<String>,
}

/// `GET /rules`: the files, and the editor of the one chosen.
pub async fn page(State(app): State<Arc<App>>, Query(q): Query<FileQuery>) -> Response {
    let ctx = Ctx::of(&q.page, &app.options);
    render(app, ctx, Tab::Rules, move |app, ctx| {
        editor_page(app, ctx, q.file.as_deref())
    })
    .await
}

fn editor_page(app: &App, ctx: &Ctx, file: Option<&str>) -> Result<Page, Failure> {
    let lang = ctx.lang;
    let t = |x: PlaygroundText| x.localize(lang);
    let (_, folder, names) = rule_files(app, ctx)?;
    let title = t(PlaygroundText::Title {
        folder: folder.display().to_string(),
    });
    let mut h = format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        escape(&title),
        escape(&t(PlaygroundText::Files))
    );
    h.push_str("<nav class=\"files\"><ul>\n");
    for n in &names {
        let class = if Some(n.as_str()) == file {
            " class=\"on\""
        } else {
            ""
        };
        h.push_str(&format!(
            "<li><a href=\"/rules{}\"{class}>{}</a></li>\n",
            escape(&ctx.query(&[("file", n)])),
            escape(n)
        ));
    }
    h.push_str("</ul></nav>\n");
    let mut etag = None;
    if let Some(name) = file {
        let path = rule_file(&folder, &names, name, lang)?;
        let bytes = std::fs::read(&path)
            .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let version = version_of(&bytes);
        h.push_str(&format!(
            "<section class=\"playground\" id=\"playground\" data-file=\"{}\" data-etag=\"{}\" data-query=\"{}\" data-trying=\"{}\">\n",
            escape(name),
            escape(&version),
            escape(&ctx.query(&[])),
            escape(&t(PlaygroundText::Trying)),
        ));
        h.push_str(&format!("<h2>{}</h2>\n", escape(name)));
        h.push_str(&format!(
            "<textarea id=\"editor\" spellcheck=\"false\" rows=\"28\">{}</textarea>\n",
            escape(&text)
        ));
        h.push_str(&format!(
            "<div class=\"actions\"><button type=\"button\" id=\"save\">{}</button>\n\
             <label id=\"override-box\" hidden><input type=\"checkbox\" id=\"override\"> {}</label></div>\n\
             <div id=\"save-result\" role=\"status\"></div>\n",
            escape(&t(PlaygroundText::Save)),
            escape(&t(PlaygroundText::SaveAnyway)),
        ));
        let tried = try_edit(app, ctx, name, &text)?;
        h.push_str(&format!(
            "<div id=\"results\" data-failing=\"{}\">{}</div>\n</section>\n",
            escape(&tried.failing.join("\n")),
            tried.html
        ));
        etag = Some(version);
    }
    Ok(Page {
        title,
        body: h,
        etag,
    })
}

/// What an edit gives: the results as HTML and the failing tests by name.
struct Tried {
    html: String,
    failing: Vec<String>,
    /// The edited rules, when they load and compile.
    rules: Option<Arc<RuleSet>>,
}

/// A test's name as the playground lists it: `tests/rating.toml:12 A band`.
fn test_name(r: &crate::ruletest::CaseResult) -> String {
    format!("{}:{} {}", r.file.display(), r.line, r.name)
}

fn failing(run: &TestRun) -> Vec<String> {
    run.results
        .iter()
        .filter(|r| !r.passed())
        .map(test_name)
        .collect()
}

/// Tries `text` as the rule set's file `name`: loads the rule set with it on a scratch copy,
/// runs the rule tests and evaluates the plan under it beside the saved rules.
fn try_edit(app: &App, ctx: &Ctx, name: &str, text: &str) -> Result<Tried, Failure> {
    let lang = ctx.lang;
    let t = |x: PlaygroundText| x.localize(lang);
    let (plan, folder, names) = rule_files(app, ctx)?;
    rule_file(&folder, &names, name, lang)?;
    let edited = RuleSet::load_deferred(&EditedRules::new(&folder, name, text))
        .and_then(|r| app.compiled_rules(r));
    let rules = match edited {
        Ok(r) => r,
        Err(e) => {
            let html = format!(
                "<p class=\"failure\" role=\"alert\" id=\"rules-error\">{}</p>\n",
                escape(&t(PlaygroundText::DoesNotLoad {
                    reason: e.localize(lang)
                }))
            );
            return Ok(Tried {
                html,
                failing: Vec::new(),
                rules: None,
            });
        }
    };
    let mut h = format!("<h3>{}</h3>\n", escape(&t(PlaygroundText::Tests)));
    let mut failing_tests = Vec::new();
    match cases_of(&rules, &folder) {
        Ok((files, _)) => {
            let run = run_cases(&rules, &files);
            failing_tests = failing(&run);
            let class = if failing_tests.is_empty() {
                "notice"
            } else {
                "failure"
            };
            h.push_str(&format!(
                "<p class=\"{class}\" id=\"tests-summary\">{}</p>\n",
                escape(&summary_line(&run, lang))
            ));
            if !failing_tests.is_empty() {
                h.push_str(&format!(
                    "<pre id=\"tests-failures\">{}</pre>\n",
                    escape(&render_results(&run, false, lang))
                ));
            }
        }
        Err(e) => h.push_str(&format!(
            "<p class=\"failure\">{}</p>\n",
            escape(&t(PlaygroundText::CasesUnreadable {
                reason: e.localize(lang)
            }))
        )),
    }
    h.push_str(&format!(
        "<h3>{}</h3>\n",
        escape(&t(PlaygroundText::Effect))
    ));
    let base = app.evaluated(ctx)?;
    let before = &base.evaluations[0];
    match evaluate(&plan, &rules, before.year) {
        Ok(after) => match RuleDiff::new(&plan, before, &after) {
            Ok(diff) => {
                let mut doc = diff_document(&diff, lang);
                doc.title = None;
                h.push_str("<div id=\"diff\">\n");
                h.push_str(&body(&doc));
                h.push_str("</div>\n");
            }
            Err(e) => h.push_str(&format!(
                "<p class=\"failure\">{}</p>\n",
                escape(&e.localize(lang))
            )),
        },
        Err(e) => h.push_str(&format!(
            "<p class=\"failure\" role=\"alert\" id=\"rules-error\">{}</p>\n",
            escape(&t(PlaygroundText::EvaluationFailed {
                reason: e.localize(lang)
            }))
        )),
    }
    Ok(Tried {
        html: h,
        failing: failing_tests,
        rules: Some(rules),
    })
}

/// An edit sent by the editor.
#[derive(Debug, Clone, Deserialize)]
pub struct Edit {
    #[serde(flatten)]
    page: PageQuery,
    /// The file, relative to the rule set's folder.
    file: String,
    /// Its edited text.
    text: String,
    /// The failing tests the user accepts when saving (each by name).
    #[serde(default)]
    accept_failing: Vec<String>,
}

/// `POST /rules/try`: the tests and the diff of an edit, as HTML for the results pane.
pub async fn try_it(State(app): State<Arc<App>>, Json(edit): Json<Edit>) -> Response {
    let ctx = Ctx::of(&edit.page, &app.options);
    let lang = ctx.lang;
    blocking(lang, move || {
        let tried = try_edit(&app, &ctx, &edit.file, &edit.text)?;
        Ok(Json(serde_json::json!({
            "html": tried.html,
            "failing": tried.failing,
        }))
        .into_response())
    })
    .await
}

/// `POST /rules/save`: writes the edit, atomically, when the tests pass (or every failing test
/// is named as accepted) and the file is still the version the editor opened (`If-Match`).
pub async fn save(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Json(edit): Json<Edit>,
) -> Response {
    let ctx = Ctx::of(&edit.page, &app.options);
    let lang = ctx.lang;
    let expected = if_match(&headers);
    blocking(lang, move || {
        save_edit(&app, &ctx, &edit, expected.as_deref())
    })
    .await
}

fn save_edit(
    app: &App,
    ctx: &Ctx,
    edit: &Edit,
    expected: Option<&str>,
) -> Result<Response, Failure> {
    let lang = ctx.lang;
    let (_, folder, names) = rule_files(app, ctx)?;
    let path = rule_file(&folder, &names, &edit.file, lang)?;
    let shown = format!("{}/{}", folder.display(), edit.file);
    // Refused before anything runs when the file moved on since the editor opened it.
    unchanged_since(&path, expected, &shown, lang)?;
    let tried = try_edit(app, ctx, &edit.file, &edit.text)?;
    if tried.rules.is_none() {
        return Err(Failure::new(
            StatusCode::CONFLICT,
            PlaygroundText::NotSavedBroken.localize(lang),
        ));
    }
    let accepted: BTreeSet<&String> = edit.accept_failing.iter().collect();
    if !tried.failing.iter().all(|f| accepted.contains(f)) {
        return Ok((
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "message": PlaygroundText::TestsFail { failing: tried.failing.clone() }.localize(lang),
                "failing": tried.failing,
            })),
        )
            .into_response());
    }
    let content = edit.text.clone().into_bytes();
    {
        let _one_at_a_time = app.writing.lock().unwrap_or_else(|e| e.into_inner());
        unchanged_since(&path, expected, &shown, lang)?;
        commit(&[PendingFile {
            path: path.clone(),
            content: content.clone(),
        }])
        .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.localize(lang)))?;
    }
    let message = if tried.failing.is_empty() {
        PlaygroundText::Saved { file: shown }
    } else {
        PlaygroundText::SavedFailing {
            file: shown,
            failing: tried.failing,
        }
    };
    Ok(Json(serde_json::json!({
        "message": message.localize(lang),
        "etag": version_of(&content),
    }))
    .into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_is_worded_in_both_languages() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
