//! `gyokaku report [PLAN] [--year R5] --output report.xlsx|report.html|report.md`
//!
//! The whole published document of a year, as the planning section publishes it: the summary
//! tables (達成状況, 分野別内訳表, 実績効果額と達成割合, per theme), charts of the ratings and the
//! effects per policy, the 【参考①】 list, and every 進捗管理シート. The format follows the
//! extension of `--output` (xlsx: a worksheet per part; html: one printable page).
//!
//! Given a folder of plan folders (or `--year all`), one document holding each plan's whole
//! report in turn, a part per plan and year (in xlsx a worksheet per plan and year rather than
//! per part: a prefecture's plans would otherwise need thousands of worksheets).

use std::process::ExitCode;

use gyokaku::cycle::Completeness;
use gyokaku::evaluation::{evaluate_period, summarize_with_rules};
use gyokaku::evaluation::{EvaluatedPlan, Evaluation};
use gyokaku::i18n::Localize;
use gyokaku::model::load_document_text;
use gyokaku::report::{
    draft_text, report_document, write_draft, Document, DraftText, Lang, View, Writing,
};

use gyokaku::workspace::{PlanError, Years};

use super::{emit_plans_over, free_at_exit, many_plans, CliError, EvalArgs, PlanArg};

/// Write the year's whole report: tables, charts, item list and every progress sheet.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    plan: PlanArg,
    #[command(flatten)]
    eval: EvalArgs,
    /// The planning section's own view: adds the rules' suggestions and their agreement, the
    /// rule set's stamp, the figures per theme and the transcription's notes to the published
    /// document.
    #[arg(long)]
    internal: bool,
    /// Write a draft of the overview and the main actions from the year's data into the plan
    /// folder, report/<year>.md (or <year>.draft.md when that exists; neither is overwritten).
    #[arg(long, conflicts_with_all = ["internal", "format", "output"])]
    draft: bool,
}

/// Runs the command, worded in `lang`.
pub fn run(mut args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    // The report shows no rule's explanation: the rules build none.
    args.eval = args.eval.without_explanations();
    let view = if args.internal {
        View::Internal
    } else {
        View::Published
    };
    if args.draft {
        return draft(&args, lang);
    }
    // Every year is evaluated: the report looks back over the period (推移).
    if many_plans(&args.plan, &args.eval) {
        emit_plans_over(&args.plan, &args.eval, lang, Years::All, |p, ev| {
            document(p, ev, view, lang)
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let opened = (args.eval.workspace(&args.plan, lang)).open(&args.plan.plan, Years::All)?;
    let year = (args.eval.one_year()?)
        .one_of(opened.plan())
        .map_err(PlanError::from)?;
    // The document says so itself when the year is still coming in; standard error too, as
    // for every command.
    if let Some(notice) = Completeness::of(opened.plan(), year).notice(lang) {
        super::output::err(&notice);
    }
    let p = opened.evaluate()?;
    let ev = (p.evaluations.iter())
        .find(|e| e.year == year)
        .expect("every year of the plan is evaluated");
    let doc = document(&p, ev, view, lang)?;
    args.eval.out.emit(&doc, lang)?;
    free_at_exit((p, doc));
    Ok(ExitCode::SUCCESS)
}

/// Writes the draft of the year's text into the plan folder and says where.
fn draft(args: &Args, lang: Lang) -> Result<ExitCode, CliError> {
    let opened =
        (args.eval.workspace(&args.plan, lang)).open(&args.plan.plan, args.eval.one_year()?)?;
    let p = opened.evaluate()?;
    let ev = &p.evaluations[0];
    let summary = summarize_with_rules(&p.plan, ev, &p.rules)?;
    let text = draft_text(&p.plan, ev, &summary, lang)?;
    let path = write_draft(&p.folder, &p.plan, ev.year, &text)?;
    super::output::out(
        &format!("{}\n", DraftText::Written { path }.localize(lang)),
        lang,
    );
    Ok(ExitCode::SUCCESS)
}

/// The year's report of an evaluated plan: its figures, the figures the rule set's
/// summary.rhai adds, and the city's text of the year from the plan folder.
fn document(
    p: &EvaluatedPlan,
    ev: &Evaluation,
    view: View,
    lang: Lang,
) -> Result<Document, CliError> {
    let summary = summarize_with_rules(&p.plan, ev, &p.rules)?;
    // The period seen from the report's year: its 推移 section and the sheets' charts.
    let period = evaluate_period(&p.plan, &p.rules, &p.evaluations, Some(ev.year))?;
    let text = load_document_text(&p.folder, &p.plan, ev.year, lang == Lang::En)?;
    let interim = Completeness::of(&p.plan, ev.year).notice(lang);
    let writing = Writing {
        text: text.as_ref(),
        interim: interim.as_deref(),
        period: Some(&period),
    };
    Ok(report_document(&p.plan, ev, &summary, writing, view, lang)?)
}
