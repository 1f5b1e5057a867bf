//! What the server keeps between requests: where the plans are, how they are read, the token,
//! and compiled rule sets by the hash of their files (a rule set edited on disk hashes anew
//! and is compiled again). Plans are read per request through the cache of parsed plans, which
//! checks the files' stamps, so nothing stale is ever shown; the dashboard's period is kept by
//! the same key.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use serde::Deserialize;

use super::text::ServeText;
use crate::engine::{RuleError, RuleSet};
use crate::evaluation::{evaluate_period, EvaluatedPlan, PeriodEvaluation};
use crate::i18n::{Lang, Localize};
use crate::model::{is_plan_folder, FiscalYear, Plan, PlanKey, PlanLoader};
use crate::workspace::{PlanError, Workspace, Years};

/// How the server is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// A plan folder, or a folder of plan folders.
    pub root: PathBuf,
    /// The rule set every plan is evaluated under instead of its own.
    pub rules: Option<PathBuf>,
    /// How plans are read (through the user's cache, or from the files alone).
    pub loader: PlanLoader,
    /// The language of pages that do not ask for one.
    pub lang: Lang,
    /// When set, every request must carry it (serving beyond this machine).
    pub token: Option<String>,
    /// The `Host` headers accepted (`127.0.0.1:8080`, `localhost:8080`); empty: any (a server
    /// behind a token).
    pub hosts: Vec<String>,
}

/// The running server's state.
pub struct App {
    pub(super) options: Options,
    pub(super) workspace: Workspace,
    /// Compiled rule sets by the hash of their files: the most recent few.
    compiled: Mutex<Vec<Arc<RuleSet>>>,
    /// Writes one at a time: a check that a file is unchanged and its replacement are not
    /// interleaved with another request's.
    pub(super) writing: Mutex<()>,
    /// Workbooks checked by a dry run, until confirmed.
    pub(super) uploads: super::import::Uploads,
    /// The periods the dashboard's 推移 was drawn from, by plan (its settled files), rule set
    /// and year: the most recent few.
    periods: Mutex<Vec<(PeriodKey, Arc<PeriodEvaluation>)>>,
}

/// What a period evaluation is computed from: the plan's files, the rule set's, the year.
type PeriodKey = (PlanKey, String, String, FiscalYear);

/// How many compiled rule sets are kept (the plan's, and the playground's recent edits).
const KEPT_RULE_SETS: usize = 8;

impl App {
    /// The server's state for `options`.
    pub fn new(options: Options) -> App {
        let mut workspace = Workspace::new()
            .with_loader(options.loader.clone())
            .with_lang(options.lang);
        if let Some(rules) = &options.rules {
            workspace = workspace.with_rules(rules);
        }
        App {
            options,
            workspace,
            compiled: Mutex::new(Vec::new()),
            writing: Mutex::new(()),
            uploads: Default::default(),
            periods: Mutex::new(Vec::new()),
        }
    }

    /// Whether the server shows a folder of plans (else one plan).
    pub fn is_folder(&self) -> bool {
        !is_plan_folder(&self.options.root)
    }

    /// The plan folder a request is about: the one plan, or the plan `ctx.plan` names among
    /// the folder's (never a path outside it).
    pub(super) fn plan_dir(&self, ctx: &Ctx) -> Result<PathBuf, Failure> {
        if !self.is_folder() {
            return Ok(self.options.root.clone());
        }
        let Some(name) = ctx.plan.as_deref() else {
            return Err(Failure::new(
                StatusCode::NOT_FOUND,
                ServeText::ChoosePlan.localize(ctx.lang),
            ));
        };
        let folders = (self.workspace)
            .plan_folders::<std::convert::Infallible>(&self.options.root)
            .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.localize(ctx.lang)))?;
        folders
            .into_iter()
            .find(|f| f.file_name().is_some_and(|n| n.to_string_lossy() == name))
            .ok_or_else(|| {
                Failure::new(
                    StatusCode::NOT_FOUND,
                    ServeText::NoSuchPlan { name: name.into() }.localize(ctx.lang),
                )
            })
    }

    /// The plan a request is about, evaluated for the year it asks for (or the latest complete).
    pub(super) fn evaluated(&self, ctx: &Ctx) -> Result<EvaluatedPlan, Failure> {
        let dir = self.plan_dir(ctx)?;
        let years = ctx.years()?;
        (self.workspace.evaluate(&dir, years)).map_err(|e| Failure::plan(&e, ctx.lang))
    }

    /// The period of the plan a request is about, seen from `year`: every year evaluated (from
    /// the cache when unchanged), then the rules' period; kept while the plan's files and the
    /// rule set are the same (a plan whose files just changed is not kept).
    pub(super) fn period(
        &self,
        ctx: &Ctx,
        year: FiscalYear,
    ) -> Result<Arc<PeriodEvaluation>, Failure> {
        let dir = self.plan_dir(ctx)?;
        let all =
            (self.workspace.evaluate(&dir, Years::All)).map_err(|e| Failure::plan(&e, ctx.lang))?;
        let key = (all.key.clone()).map(|k| {
            let rules = &all.rules;
            (
                k,
                rules.hash().to_string(),
                rules.location().to_string(),
                year,
            )
        });
        let mut kept = self.periods.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = (kept.iter()).find(|(k, _)| Some(k) == key.as_ref()) {
            return Ok(found.1.clone());
        }
        drop(kept);
        let period = evaluate_period(&all.plan, &all.rules, &all.evaluations, Some(year))
            .map_err(|e| Failure::rules(&e, ctx.lang))?;
        let period = Arc::new(period);
        if let Some(key) = key {
            kept = self.periods.lock().unwrap_or_else(|e| e.into_inner());
            kept.retain(|(k, _)| *k != key);
            kept.insert(0, (key, period.clone()));
            kept.truncate(KEPT_RULE_SETS);
        }
        Ok(period)
    }

    /// The plan a request is about and its rule set, compiled.
    pub(super) fn plan_and_rules(&self, ctx: &Ctx) -> Result<(Plan, Arc<RuleSet>), Failure> {
        let dir = self.plan_dir(ctx)?;
        let plan = (self.workspace.load(&dir)).map_err(|e| Failure::plan(&e, ctx.lang))?;
        let folder =
            (self.workspace.rules_folder(&plan)).map_err(|e| Failure::plan(&e, ctx.lang))?;
        let rules = self
            .rules_in(&folder)
            .map_err(|e| Failure::rules(&e, ctx.lang))?;
        Ok((plan, rules))
    }

    /// The rule set in `folder`, compiled: read and hashed each time, compiled only when no
    /// rule set of the same files was compiled before.
    pub(super) fn rules_in(&self, folder: &Path) -> Result<Arc<RuleSet>, RuleError> {
        let loaded = RuleSet::load_dir_deferred(folder)?;
        self.compiled_rules(loaded)
    }

    /// `loaded`, compiled, or the rule set of the same files and location compiled before.
    pub(super) fn compiled_rules(&self, loaded: RuleSet) -> Result<Arc<RuleSet>, RuleError> {
        let found = self.kept().iter().find(|r| same_rules(r, &loaded)).cloned();
        if let Some(found) = found {
            return Ok(found);
        }
        loaded.compile()?;
        let rules = Arc::new(loaded);
        let mut kept = self.kept();
        kept.retain(|r| !same_rules(r, &rules));
        kept.insert(0, rules.clone());
        kept.truncate(KEPT_RULE_SETS);
        Ok(rules)
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Vec<Arc<RuleSet>>> {
        // A panic while holding the list leaves it as it was: still usable.
        self.compiled.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn same_rules(a: &RuleSet, b: &RuleSet) -> bool {
    a.hash() == b.hash() && a.location() == b.location()
}

/// What every page request may carry in its query: the language, the plan (of a folder of
/// plans) and the year. Anything else is ignored; values that do not read are errors.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageQuery {
    /// `ja` or `en`.
    pub lang: Option<String>,
    /// A plan folder's name, when the server shows a folder of plans.
    pub plan: Option<String>,
    /// A fiscal year as any document writes it, or `all`.
    pub year: Option<String>,
}

/// A request's language, plan and year.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The language of the page.
    pub lang: Lang,
    /// The plan of a folder of plans.
    pub plan: Option<String>,
    /// The year asked for.
    pub year: Option<String>,
}

impl Ctx {
    /// The context of a request with `query` to a server started with `options`.
    pub fn of(query: &PageQuery, options: &Options) -> Ctx {
        Ctx {
            lang: match query.lang.as_deref() {
                Some("en") => Lang::En,
                Some("ja") => Lang::Ja,
                _ => options.lang,
            },
            plan: query.plan.clone().filter(|p| !p.is_empty()),
            year: query.year.clone().filter(|y| !y.is_empty()),
        }
    }

    /// The years asked for.
    pub fn years(&self) -> Result<Years, Failure> {
        match self.year.as_deref() {
            None => Ok(Years::LatestComplete),
            Some(y) => y.parse::<Years>().map_err(|e| {
                Failure::new(
                    StatusCode::BAD_REQUEST,
                    ServeText::BadYear {
                        given: y.into(),
                        reason: e.to_string(),
                    }
                    .localize(self.lang),
                )
            }),
        }
    }

    /// The one year of `plan` asked for (`all` is the latest complete).
    pub fn year_of(&self, plan: &Plan) -> Result<FiscalYear, Failure> {
        let years = match self.years()? {
            Years::All => Years::LatestComplete,
            one => one,
        };
        years
            .one_of(plan)
            .map_err(|e| Failure::plan(&PlanError::from(e), self.lang))
    }

    /// The query that keeps this context on a link: `?lang=en&plan=…&year=…`, with `extra`
    /// pairs after them.
    pub fn query(&self, extra: &[(&str, &str)]) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![("lang", self.lang.code())];
        if let Some(p) = &self.plan {
            pairs.push(("plan", p));
        }
        if let Some(y) = &self.year {
            pairs.push(("year", y));
        }
        pairs.extend_from_slice(extra);
        let joined: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("?{}", joined.join("&"))
    }
}

/// `s` percent-encoded for a query string.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A request that could not be answered: its status and what the page says, worded.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The HTTP status.
    pub status: StatusCode,
    /// The message, in the request's language.
    pub message: String,
}

impl Failure {
    /// A failure with `status` saying `message`.
    pub fn new(status: StatusCode, message: String) -> Failure {
        Failure { status, message }
    }

    /// A plan that could not be read or evaluated.
    pub fn plan(e: &PlanError, lang: Lang) -> Failure {
        Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.localize(lang))
    }

    /// A rule set that could not be read or run.
    pub fn rules(e: &RuleError, lang: Lang) -> Failure {
        Failure::new(StatusCode::UNPROCESSABLE_ENTITY, e.localize(lang))
    }
}
