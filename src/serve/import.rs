//! Import: the returned workbooks dropped on the page are read and checked as `gyokaku import`
//! does (every entry cell with the plan files' parser; one bad cell and nothing is written),
//! and the dry run is shown item by item. Confirming takes in exactly what was shown: the
//! workbooks are kept in memory under the dry run's id, and the import is refused when any
//! item file changed since. A change to a year whose results are published is taken in only
//! with the reason of the amendment, as `import --amend` does. The page ends with the year's
//! status per 部/課.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Form, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::app::{App, Ctx, Failure, PageQuery};
use super::dashboard::year_form;
use super::page::{render, Page, Tab};
use super::safety::{new_token, version_of};
use super::text::ServeText;
use crate::cycle::commit::commit;
use crate::cycle::layout::Column;
use crate::cycle::{
    prepare_import, read_workbook, render_import, status, Amend, ImportFailure, Problem, Published,
    ReturnedWorkbook,
};
use crate::i18n::{Lang, Localize};
use crate::model::{DirSource, PlanSource};
use crate::report::render::html_parts::{body, escape};
use crate::report::status_document;

crate::i18n::messages! {
    /// What the import page says.
    #[derive(Debug, Clone)]
    pub enum ImportText {
        /// A change to a published year without a reason: as import words it, but pointing at
        /// the page's reason field instead of the command's --amend.
        ClosedYear { year: String, published: Option<Published>, column: Column, old: String, new: String } =>
            ja: "{year}の実績は公表済みです{published}: {column} {old} → {new} は、「公表済みの年度を訂正する理由」欄に理由を書いたときだけ取り込みます",
            en: "the results of {year} are published{published}: {column} {old} → {new} is taken in only as an amendment, with its reason in the field \"Reason for amending a published year\"";
        /// The page's heading.
        Title =>
            ja: "返送された入力シートの取込み",
            en: "Import the returned workbooks";
        /// What to do.
        Intro =>
            ja: "各部から返送された入力シート (.xlsx) を下の枠に落とすか、選んで「確認」を押すと、取り込む前にすべてのセルを確認し、変更内容を実施項目ごとに表示します。読めないセルが1つでもあれば何も書き込みません",
            en: "Drop the workbooks (.xlsx) the departments returned on the form below, or choose them and press Check: every cell is checked before anything is taken in, and the changes are shown item by item. One cell that cannot be read and nothing is written";
        /// The file chooser.
        Workbooks =>
            ja: "入力シート",
            en: "Workbooks";
        /// The check button.
        Check =>
            ja: "確認 (まだ取り込みません)",
            en: "Check (nothing is taken in yet)";
        /// The confirm button.
        Confirm =>
            ja: "この内容で取り込む",
            en: "Take these changes in";
        /// The dry run's heading.
        DryRun =>
            ja: "確認の結果(まだ書き込んでいません)",
            en: "What would change (nothing written yet)";
        /// Written.
        Done =>
            ja: "取り込みました",
            en: "Taken in";
        /// Refused: the cells.
        Refused =>
            ja: "読めないセルがあるため、何も書き込んでいません",
            en: "cells cannot be read: nothing was written";
        /// No workbook was given.
        NoWorkbooks =>
            ja: "入力シートが選ばれていません",
            en: "no workbook was chosen";
        /// The dry run is no longer known.
        Expired =>
            ja: "この確認結果はもうありません(サーバーの再起動など)。入力シートを選び直して確認からやり直してください",
            en: "this check is no longer known (the server restarted?): choose the workbooks and check again";
        /// An item file changed since the dry run.
        Changed { file: String } =>
            ja: "確認の後に {file} が変更されたため、取り込みません。確認からやり直してください",
            en: "{file} changed after the check: nothing is taken in. Check again";
        /// The reason field for changes to a published year.
        AmendReason =>
            ja: "公表済みの年度を訂正する理由 (公表済みの年度の実績を変えるときだけ。変更はそれぞれ理由とともに実施項目ファイルに記録されます)",
            en: "Reason for amending a published year (only to change its results; each change is recorded in its item file with the reason)";
        /// The status heading.
        Status =>
            ja: "報告状況",
            en: "Reporting status";
    }
}

/// Workbooks checked by a dry run, kept until confirmed.
pub struct Upload {
    /// The plan folder.
    plan: PathBuf,
    /// The workbooks: name and bytes.
    books: Vec<(String, Vec<u8>)>,
    /// The version of every item file when they were checked.
    versions: BTreeMap<PathBuf, String>,
    /// The amendment changes to published years are recorded with.
    amend: Option<Amend>,
}

/// How many dry runs are kept at once (the oldest are forgotten).
const KEPT_UPLOADS: usize = 8;

/// The uploads kept by the server, each with the number of the dry run that kept it.
#[derive(Default)]
pub struct Uploads(std::sync::Mutex<Kept>);

/// How many dry runs were kept so far, and the uploads by id.
type Kept = (u64, HashMap<String, (u64, Upload)>);

impl Uploads {
    fn keep(&self, upload: Upload) -> Option<String> {
        let id = new_token().ok()?;
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        kept.0 += 1;
        let n = kept.0;
        kept.1.insert(id.clone(), (n, upload));
        while kept.1.len() > KEPT_UPLOADS {
            let oldest = kept
                .1
                .iter()
                .min_by_key(|(_, (n, _))| *n)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                kept.1.remove(&k);
            }
        }
        Some(id)
    }

    fn take(&self, id: &str) -> Option<Upload> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        kept.1.remove(id).map(|(_, u)| u)
    }
}

/// The version of every item file of the plan in `dir`.
fn item_versions(dir: &Path) -> std::io::Result<BTreeMap<PathBuf, String>> {
    Ok(DirSource::new(dir)
        .item_files()?
        .into_iter()
        .map(|f| (f.path, version_of(f.text.as_bytes())))
        .collect())
}

/// `GET /import`: the form and the year's status.
pub async fn page(State(app): State<Arc<App>>, Query(q): Query<PageQuery>) -> Response {
    let ctx = Ctx::of(&q, &app.options);
    render(app, ctx, Tab::Import, |app, ctx| {
        import_page(app, ctx, String::new())
    })
    .await
}

fn import_page(app: &App, ctx: &Ctx, result: String) -> Result<Page, Failure> {
    let lang = ctx.lang;
    let t = |x: ImportText| x.localize(lang);
    let dir = app.plan_dir(ctx)?;
    let plan = (app.workspace.load(&dir)).map_err(|e| Failure::plan(&e, lang))?;
    let mut h = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<form class=\"bar\" method=\"post\" enctype=\"multipart/form-data\" action=\"/import{}\" id=\"import-form\">\n\
         <label>{} <input type=\"file\" name=\"workbooks\" accept=\".xlsx\" multiple required></label>\n\
         <label>{} <input type=\"text\" name=\"amend\" size=\"40\"></label>\n\
         <button type=\"submit\">{}</button>\n</form>\n",
        escape(&t(ImportText::Title)),
        escape(&t(ImportText::Intro)),
        escape(&ctx.query(&[])),
        escape(&t(ImportText::Workbooks)),
        escape(&t(ImportText::AmendReason)),
        escape(&t(ImportText::Check)),
    );
    h.push_str(&result);
    // Where the year's reports stand, per 部/課.
    let year = ctx.year_of(&plan).or_else(|_| {
        plan.years
            .last()
            .copied()
            .ok_or_else(|| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, String::new()))
    })?;
    let folder = (app.workspace.rules_folder(&plan)).map_err(|e| Failure::plan(&e, lang))?;
    let rules = app
        .rules_in(&folder)
        .map_err(|e| Failure::rules(&e, lang))?;
    h.push_str(&format!(
        "<h2 id=\"status\">{}</h2>\n",
        escape(&t(ImportText::Status))
    ));
    h.push_str(&year_form(ctx, &plan.years, Some(year), false));
    let mut doc = status_document(&status(&plan, &rules, year), lang);
    doc.title = None;
    h.push_str(&body(&doc));
    Ok(Page {
        title: t(ImportText::Title),
        body: h,
        etag: None,
    })
}

/// Reads the workbooks and works the import out: the dry run, or why nothing can be written.
fn dry_run(
    app: &App,
    ctx: &Ctx,
    dir: &Path,
    books: &[(String, Vec<u8>)],
    amend: Option<&Amend>,
) -> Result<Result<crate::cycle::ImportPlan, ImportFailure>, Failure> {
    let lang = ctx.lang;
    let io =
        |e: std::io::Error| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.localize_io(lang));
    let source = DirSource::new(dir);
    let plan_file = source.plan_file().map_err(io)?;
    let item_files = source.item_files().map_err(io)?;
    let plan = (app.workspace.load(dir)).map_err(|e| Failure::plan(&e, lang))?;
    // The scale ratings are checked against: the plan's, else its rule set's.
    let rules_scale = match plan.scale {
        Some(_) => None,
        None => {
            let folder =
                (app.workspace.rules_folder(&plan)).map_err(|e| Failure::plan(&e, lang))?;
            Some(
                app.rules_in(&folder)
                    .map_err(|e| Failure::rules(&e, lang))?
                    .scale()
                    .clone(),
            )
        }
    };
    let scale = plan
        .scale
        .clone()
        .or(rules_scale)
        .unwrap_or(crate::model::Scale {
            ratings: Vec::new(),
            relations: Vec::new(),
        });
    let mut read: Vec<ReturnedWorkbook> = Vec::new();
    let mut errors = Vec::new();
    for (name, bytes) in books {
        // Only the file's own name: a name the browser sends is never a path here.
        let name = Path::new(name)
            .file_name()
            .map_or_else(|| PathBuf::from("workbook.xlsx"), PathBuf::from);
        match read_workbook(&name, bytes, &plan) {
            Ok(b) => read.push(b),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(ImportFailure::Cells(errors)));
    }
    Ok(
        prepare_import(&plan, &scale, &plan_file, &item_files, &read, amend)
            .map_err(ImportFailure::Cells),
    )
}

trait LocalizeIo {
    fn localize_io(&self, lang: Lang) -> String;
}

impl LocalizeIo for std::io::Error {
    fn localize_io(&self, lang: Lang) -> String {
        crate::i18n::Arg::arg(self, lang)
    }
}

/// `POST /import`: the dry run of the workbooks sent.
pub async fn check(
    State(app): State<Arc<App>>,
    Query(q): Query<PageQuery>,
    mut multipart: Multipart,
) -> Response {
    let ctx = Ctx::of(&q, &app.options);
    let mut books = Vec::new();
    let mut reason = String::new();
    let mut bad = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("amend") => match field.text().await {
                Ok(text) => reason = text,
                Err(e) => {
                    bad = Some(e.to_string());
                    break;
                }
            },
            Ok(Some(field)) => {
                let name = field.file_name().unwrap_or("workbook.xlsx").to_string();
                match field.bytes().await {
                    Ok(bytes) if !bytes.is_empty() => books.push((name, bytes.to_vec())),
                    Ok(_) => {}
                    Err(e) => {
                        bad = Some(e.to_string());
                        break;
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                bad = Some(e.to_string());
                break;
            }
        }
    }
    render(app, ctx, Tab::Import, move |app, ctx| {
        let lang = ctx.lang;
        let t = |x: ImportText| x.localize(lang);
        if let Some(reason) = bad {
            return Err(Failure::new(
                StatusCode::BAD_REQUEST,
                ServeText::BadBody { reason }.localize(lang),
            ));
        }
        if books.is_empty() {
            return Err(Failure::new(StatusCode::BAD_REQUEST, t(ImportText::NoWorkbooks)));
        }
        // A reason that says nothing is no amendment: the published years stay closed.
        let amend = Some(reason.trim())
            .filter(|r| !r.is_empty())
            .map(Amend::today)
            .transpose()
            .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.localize(lang)))?;
        let dir = app.plan_dir(ctx)?;
        let versions = item_versions(&dir)
            .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.localize_io(lang)))?;
        let result = match dry_run(app, ctx, &dir, &books, amend.as_ref())? {
            Err(failure) => format!(
                "<h2>{}</h2>\n<pre class=\"failure\" id=\"import-errors\">{}</pre>\n",
                escape(&t(ImportText::Refused)),
                escape(&failure_text(&failure, lang))
            ),
            Ok(plan) => {
                let mut h = format!(
                    "<h2>{}</h2>\n<pre id=\"import-dry-run\">{}</pre>\n",
                    escape(&t(ImportText::DryRun)),
                    escape(&render_import(&plan, true, lang))
                );

                if !plan.updates.is_empty() {
                    let id = app.uploads.keep(Upload {
                        plan: dir.clone(),
                        books,
                        versions,
                        amend,
                    });
                    if let Some(id) = id {
                        h.push_str(&format!(
                            "<form method=\"post\" action=\"/import/confirm{}\" class=\"bar\" id=\"import-confirm\">\n\
                             <input type=\"hidden\" name=\"upload\" value=\"{}\">\n<button type=\"submit\">{}</button>\n</form>\n",
                            escape(&ctx.query(&[])),
                            escape(&id),
                            escape(&t(ImportText::Confirm)),
                        ));
                    }
                }
                h
            }
        };
        import_page(app, ctx, result)
    })
    .await
}

/// The confirmation of a dry run.
#[derive(Debug, Clone, Deserialize)]
pub struct Confirm {
    /// The dry run's id.
    upload: String,
}

/// `POST /import/confirm`: takes in what the dry run showed, when no item file changed since.
pub async fn confirm(
    State(app): State<Arc<App>>,
    Query(q): Query<PageQuery>,
    Form(c): Form<Confirm>,
) -> Response {
    let ctx = Ctx::of(&q, &app.options);
    render(app, ctx, Tab::Import, move |app, ctx| {
        let lang = ctx.lang;
        let t = |x: ImportText| x.localize(lang);
        let upload = app
            .uploads
            .take(&c.upload)
            .ok_or_else(|| Failure::new(StatusCode::GONE, t(ImportText::Expired)))?;
        let dir = app.plan_dir(ctx)?;
        if dir != upload.plan {
            return Err(Failure::new(StatusCode::GONE, t(ImportText::Expired)));
        }
        let _one_at_a_time = app.writing.lock().unwrap_or_else(|e| e.into_inner());
        let now = item_versions(&dir)
            .map_err(|e| Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.localize_io(lang)))?;
        if let Some((file, _)) = (upload.versions.iter())
            .find(|(f, v)| now.get(*f) != Some(*v))
            .or_else(|| now.iter().find(|(f, _)| !upload.versions.contains_key(*f)))
        {
            return Err(Failure::new(
                StatusCode::PRECONDITION_FAILED,
                t(ImportText::Changed {
                    file: file.display().to_string(),
                }),
            ));
        }
        let result = match dry_run(app, ctx, &dir, &upload.books, upload.amend.as_ref())? {
            Err(failure) => format!(
                "<pre class=\"failure\" id=\"import-errors\">{}</pre>\n",
                escape(&failure_text(&failure, lang))
            ),
            Ok(plan) => {
                commit(&plan.pending_files()).map_err(|e| {
                    Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.localize(lang))
                })?;
                format!(
                    "<h2>{}</h2>\n<pre class=\"notice\" id=\"import-done\">{}</pre>\n",
                    escape(&t(ImportText::Done)),
                    escape(&render_import(&plan, false, lang))
                )
            }
        };
        import_page(app, ctx, result)
    })
    .await
}

/// A refused import as the page words it: as `gyokaku import` does, except that a change to a
/// published year points at the page's reason field rather than the command's `--amend`.
fn failure_text(failure: &ImportFailure, lang: Lang) -> String {
    failure.localize_with(lang, |problem| match problem {
        Problem::ClosedYear {
            year,
            published,
            column,
            old,
            new,
        } => ImportText::ClosedYear {
            year: year.clone(),
            published: published.clone(),
            column: *column,
            old: old.clone(),
            new: new.clone(),
        }
        .localize(lang),
        other => other.localize(lang),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_is_worded_in_both_languages() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
